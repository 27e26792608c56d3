// Reaching central's queue from core: reconcile what local mode left behind first, then the call;
// "unreachable" switches the counter to local mode (remembered for the status line), a refusal
// becomes the AppError the officer sees.
import { AppError, type ErrorCode } from '@common/contract/result.js';
import type { LocalTicket } from '@common/contract/queue/sync.js';
import { ticketFields } from '@common/domain/queue/ticket-row.js';
import { markLocalSynced, unsyncedLocalTickets, type LocalTicketRow } from '@db/queries/queue/queue.js';
import { openPendingActions, settlePendingAction } from '@db/queries/queue/queue-held.js';
import { toOfflineAction } from './held.js';
import type { CallContext } from '../kernel/context.js';
import type { Core } from '../core.js';
import { QueueRefused, QueueUnreachable, type QueuePort } from './port.js';

const REFUSAL_CODES: Record<string, ErrorCode> = {
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  WRONG_OFFICE: 'CONFLICT',
  INVALID_FIELD: 'VALIDATION',
  UNKNOWN_FIELD: 'VALIDATION',
  REVOKED: 'FORBIDDEN',
  FORBIDDEN: 'FORBIDDEN',
};

const lastUnreachable = new WeakMap<Core, number>();

export const queueOfflineSince = (core: Core): number | undefined => lastUnreachable.get(core);

const toWire = (r: LocalTicketRow): LocalTicket => ({ id: r.id, ...ticketFields(r), parkedAt: r.parked_at, officer: r.officer });

/** The officer signed in at this counter, as central's call-next and ticket actions take it. */
export const officerOf = (ctx: CallContext): { officer?: string } => (ctx.user ? { officer: ctx.user.username } : {});

const reconciling = new WeakMap<Core, Promise<number>>();

/**
 * Sends local-mode tickets central has not seen (or not in their latest state), then the actions taken
 * on central's tickets while it was away, in order; each is settled with central's answer (applied, or
 * refused with its reason, which the queue screen shows). One at a time per core:
 * the board loop and a counter's call both reconcile on reconnect, and two sends of the same rows racing
 * at central would make one of them look like central is out of reach.
 */
export function reconcileLocal(core: Core, port: QueuePort): Promise<number> {
  const previous = reconciling.get(core) ?? Promise.resolve(0);
  const next = previous.catch(() => 0).then(() => sendUnsynced(core, port));
  reconciling.set(core, next);
  return next;
}

async function sendUnsynced(core: Core, port: QueuePort): Promise<number> {
  let sent = 0;
  for (;;) {
    const rows = unsyncedLocalTickets(core.liveDb, 500);
    if (rows.length === 0) break;
    await port.reconcile(rows.map(toWire));
    markLocalSynced(core.liveDb, rows);
    sent += rows.length;
  }
  for (;;) {
    const actions = openPendingActions(core.liveDb, 200);
    if (actions.length === 0) return sent;
    const answer = await port.replay(actions.map(toOfflineAction));
    const db = core.liveDb;
    db.transaction(() => {
      for (const r of answer.results) settlePendingAction(db, r.id, r.outcome, r.reason, core.now());
    })();
    // An answer that settles none of them would send the same batch forever.
    if (answer.results.length === 0) return sent;
    sent += answer.results.length;
  }
}

/** Runs fn at central; undefined means "central is out of reach: use local mode". */
export async function atCentral<T>(ctx: CallContext, fn: (port: QueuePort) => Promise<T>): Promise<T | undefined> {
  const port = ctx.core.ports.queue;
  if (!port || ctx.core.training) return undefined;
  try {
    await reconcileLocal(ctx.core, port);
    const value = await fn(port);
    lastUnreachable.delete(ctx.core);
    return value;
  } catch (err) {
    if (err instanceof QueueUnreachable) {
      if (!lastUnreachable.has(ctx.core)) lastUnreachable.set(ctx.core, ctx.now);
      return undefined;
    }
    if (err instanceof QueueRefused) {
      const details = (err.details ?? {}) as Record<string, unknown>;
      if (details.reason === 'queue.quotaFull') {
        throw new AppError('FORBIDDEN', err.message, { ...details, overrideRequired: 'quota.exceed' });
      }
      throw new AppError(REFUSAL_CODES[err.code] ?? 'INTERNAL', err.message, err.details);
    }
    throw err;
  }
}
