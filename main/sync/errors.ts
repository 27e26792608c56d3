// What a sync failure means for the status bar and for the next attempt, and how an enrolment failure
// reads on the enrolment form.
import { AppError } from '@common/contract/result.js';
import type { Log } from '../core/log.js';
import type { LiveSyncState } from '../core/replication/port.js';
import { SyncHttpError } from './transport.js';

export class TrainingRefused extends Error {
  constructor() {
    super('A training database never syncs');
    this.name = 'TrainingRefused';
  }
}

export interface Failure {
  patch: Partial<LiveSyncState>;
  /** Only a person can fix it (revoked, update required, training): wait the longest. */
  longWait: boolean;
}

export function classifyFailure(err: unknown, log: Log): Failure {
  if (err instanceof TrainingRefused)
    return { patch: { state: 'error', lastError: { code: 'TRAINING', message: err.message } }, longWait: true };
  if (!(err instanceof SyncHttpError)) {
    log.error({ err }, 'unexpected sync failure');
    return { patch: { state: 'error', lastError: { code: 'INTERNAL', message: (err as Error)?.message ?? String(err) } }, longWait: false };
  }
  const lastError = { code: err.code, message: err.message };
  if (err.code === 'REVOKED' || err.code === 'UNKNOWN_WORKSTATION')
    return { patch: { state: 'revoked', online: true, lastError }, longWait: true };
  if (err.code === 'UPDATE_REQUIRED') return { patch: { state: 'updateRequired', online: true, lastError }, longWait: true };
  if (err.code === 'NOT_ANSWERING') return { patch: { state: 'notAnswering', online: false, lastError }, longWait: false };
  if (err.transient) return { patch: { state: 'offline', online: false, lastError }, longWait: false };
  return { patch: { state: 'error', online: err.status !== 0, lastError }, longWait: false };
}

export function enrolmentError(err: unknown): AppError {
  // Already a contract error (a missing code, a refusal of core's): the form shows it as it is.
  if (err instanceof AppError) return err;
  if (!(err instanceof SyncHttpError)) return new AppError('INTERNAL', 'Enrolment failed');
  const field = (reason: string) => ({ fields: { code: [reason] } });
  switch (err.code) {
    case 'ALREADY_ENROLLED':
      return new AppError('CONFLICT', err.message, { reason: 'sync.alreadyEnrolled' });
    case 'ENROLMENT_INVALID':
      return new AppError('VALIDATION', err.message, field('enrolment.invalid'));
    case 'WRONG_OFFICE':
      return new AppError('VALIDATION', err.message, field('enrolment.wrongOffice'));
    case 'SETUP_REQUIRED':
      return new AppError('SETUP_REQUIRED', err.message);
    case 'TRAINING':
      return new AppError('FORBIDDEN', err.message, { reason: 'sync.training' });
    default: {
      if (err.transient) return new AppError('OFFLINE', err.message);
      // Central's own reason when it gave one, so the form can say what it refused.
      const reason = (err.details as { reason?: unknown } | undefined)?.reason;
      return new AppError('CONFLICT', `${err.code}: ${err.message}`, {
        reason: 'central.refused',
        ...(typeof reason === 'string' ? { reason } : {}),
      });
    }
  }
}

/** One round at a time per direction: "Sync now" queues behind a running round instead of racing it. */
export class Lock {
  private tail: Promise<void> = Promise.resolve();
  run<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }
}
