// What another desk of the office needs of this desk's captures: per finished modality its state, who
// approved an acceptance or exception, and for the face the photo's SHA-256. Sent as its own op on the
// application after each change to the captures; central merges it into the record per modality.
import type { CaptureEntry, CaptureStates } from '@common/central/application-record.js';
import { recordsOfAttempt } from '@db/queries/biometrics/biometrics.js';
import type { Db } from '@db/connection.js';
import { write, type CallContext } from '../kernel/context.js';
import { evaluateCaptures, isComplete, type ModalityEvaluation } from './requirements.js';

function entryOf(db: Db, e: ModalityEvaluation): CaptureEntry | undefined {
  if (!isComplete(e.state)) return undefined;
  const photo = e.modality === 'face' && e.kept ? recordsOfAttempt(db, e.kept.id).find((r) => r.status === 'active') : undefined;
  const approvedBy =
    e.state === 'accepted' ? (e.kept?.accepted_name ?? null) : e.state === 'excepted' ? (e.exceptions[0]?.approved_name ?? null) : null;
  return {
    state: e.state as CaptureEntry['state'],
    quality: e.kept ? e.kept.min_quality : null,
    approvedBy: e.state === 'passed' ? null : (approvedBy ?? 'supervisor'),
    photoSha256: photo ? photo.blob_sha256 : null,
  };
}

/** This desk's finished modalities of the application, as the op and central's record carry them. */
export function localCaptureStates(db: Db, applicationId: string): CaptureStates {
  const out: CaptureStates = {};
  for (const e of evaluateCaptures(db, applicationId)) {
    const entry = entryOf(db, e);
    if (entry) out[e.modality] = entry;
  }
  return out;
}

/** Queues the op telling the office this desk's finished captures; nothing when none is finished. */
export function shareCaptureState(ctx: CallContext, applicationId: string): void {
  const captures = localCaptureStates(ctx.db, applicationId);
  const modalities = Object.keys(captures);
  if (modalities.length === 0) return;
  write(ctx, 'biometrics.captureState', () => ({
    change: { entity: 'application', entityId: applicationId, summary: { applicationId, modalities }, data: { captures } },
  }));
}
