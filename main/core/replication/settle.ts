// Settling a change central rejected, at the desk that made it: once its cause is fixed (a day reopened,
// an account enabled, a password changed), retried as a new change with the same intent against
// central's current version; or dismissed with a reason. Either way an op of its own (sync.retry,
// sync.dismiss) names the rejected one, so central's office view of open problems forgets it too, and the
// desk's counts of rejected changes leave it out.
import { accessOf, opRule, OP_RULES, type OpAction } from '@common/central/op-authority.js';
import { AppError } from '@common/contract/result.js';
import type { UserRow } from '@db/queries/access/users.js';
import { knownVersion } from '@db/queries/sync/sync.js';
import { getOp, markSettled, newestOpId, type OutboxRow } from '@db/queries/sync/sync-outbox.js';
import { signedIn } from '../access/auth.js';
import { write, type CallContext } from '../kernel/context.js';

function rejectedOp(ctx: CallContext, opId: string): OutboxRow {
  const row = getOp(ctx.db, opId);
  if (!row) throw new AppError('NOT_FOUND', 'No such change');
  if (row.status !== 'rejected')
    throw new AppError('CONFLICT', 'Only a rejected change can be retried or dismissed', { reason: 'rejected.none' });
  if (row.resolved_at !== null) throw new AppError('CONFLICT', 'This rejected change is already settled', { reason: 'rejected.settled' });
  return row;
}

/** Whether this officer may make the change themself: its action's rule, as central would hold them to it. */
function mayMake(user: UserRow, row: OutboxRow): boolean {
  const rule = opRule(row.op, row.entity);
  if (!rule) return false;
  if (rule.by === 'call' && rule.self && row.entity_id !== user.id) return false;
  const access = accessOf(rule);
  return !Array.isArray(access) || access.includes(user.role);
}

interface Payload {
  audit?: { summary?: Record<string, unknown> };
  data?: Record<string, unknown>;
}

export function retryRejected(ctx: CallContext, opId: string): void {
  const { user } = signedIn(ctx);
  const row = rejectedOp(ctx, opId);
  if (!Object.prototype.hasOwnProperty.call(OP_RULES, row.op) || !mayMake(user, row))
    throw new AppError('FORBIDDEN', 'Your role may not make this change, so you cannot send it again', { reason: 'rejected.notYours' });
  const payload = JSON.parse(row.payload) as Payload;
  ctx.db.transaction(() => {
    // The same intent, made now by the officer retrying it; the push bases it on central's current version.
    write(ctx, row.op as OpAction, () => ({
      change: {
        entity: row.entity,
        entityId: row.entity_id,
        baseVersion: knownVersion(ctx.db, row.entity, row.entity_id) ?? undefined,
        summary: { ...(payload.audit?.summary ?? {}), retries: row.op_id },
        data: payload.data ?? {},
      },
    }));
    const retryOpId = newestOpId(ctx.db) ?? null;
    write(ctx, 'sync.retry', (db) => {
      markSettled(db, row.op_id, { kind: 'retried', by: user.username, at: ctx.now, reason: null, retryOpId });
      return { change: { entity: 'op', entityId: row.op_id, summary: { op: row.op, entity: row.entity, retryOpId } } };
    });
  })();
}

export function dismissRejected(ctx: CallContext, opId: string, reason: string): void {
  const { user } = signedIn(ctx);
  const row = rejectedOp(ctx, opId);
  // Who could have made it may drop it; so may a supervisor or an admin, who answer for the desk's sync.
  if (!mayMake(user, row) && user.role === 'officer')
    throw new AppError('FORBIDDEN', 'Only its maker, a supervisor or an admin may dismiss this change', { reason: 'rejected.notYours' });
  write(ctx, 'sync.dismiss', (db) => {
    markSettled(db, row.op_id, { kind: 'dismissed', by: user.username, at: ctx.now, reason, retryOpId: null });
    return { change: { entity: 'op', entityId: row.op_id, summary: { op: row.op, entity: row.entity, reason } } };
  });
}
