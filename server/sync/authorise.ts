// Central's own judgement of who wrote an op (common/central/op-authority.ts holds the table): the actor
// named in the op's audit event must be an existing, enabled account of the pushing workstation's office
// whose role at central the op's rule admits. The role the op claims counts for nothing.
import { accessOf, opRule, WHILE_TEMPORARY } from '@common/central/op-authority.js';
import type { WireOp } from '@common/central/protocol.js';
import type { StoredRecord } from '../entities/types.js';
import type { Sql } from '../store/store.js';

export const ACCOUNT_ENTITY = 'user';

export type Verdict =
  /** `role`: the actor's role at central, for entities that check steps by role; null when no officer acted. */
  | { ok: true; role: string | null; actor: string | null }
  | {
      ok: false;
      reason: 'actor.unknown' | 'actor.forbidden' | 'actor.temporaryPassword' | 'override.forbidden' | 'override.temporaryPassword';
    };

export interface Accounts {
  /** The office's account with this id as central holds it now (including this batch's changes). */
  get(id: string): StoredRecord | undefined;
  /** Whether central holds any account of the office (a fresh office has none until setup's admin arrives). */
  any(): boolean;
}

const textOf = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const actorIdOf = (op: WireOp): string | null => textOf((op.payload.audit as Record<string, unknown>).userId);

/**
 * The supervisor whose override an op claims: the account an `override.granted` names, or the
 * `overrideBy` of a use case's audit summary (a waiver, a manual payment, a reprint). Null when none.
 */
export function overriderOf(op: WireOp): string | null {
  if (op.op === 'override.granted') return op.entity === ACCOUNT_ENTITY ? textOf(op.entityId) : null;
  const summary = (op.payload.audit as Record<string, unknown>).summary;
  return summary && typeof summary === 'object' ? textOf((summary as Record<string, unknown>).overrideBy) : null;
}

/** The account records a batch's ops name as actors or overriders, to load with the rest of the batch's records. */
export const actorRefs = (ops: readonly WireOp[]): Array<{ entity: string; id: string }> =>
  ops.flatMap((op) => [actorIdOf(op), overriderOf(op)].flatMap((id) => (id ? [{ entity: ACCOUNT_ENTITY, id }] : [])));

export async function officeHasAccounts(sql: Sql, officeCode: string): Promise<boolean> {
  const rows = await sql.query<{ one: number }>('SELECT 1 AS one FROM records WHERE office_code = $1 AND entity = $2 LIMIT 1', [
    officeCode,
    ACCOUNT_ENTITY,
  ]);
  return rows.length > 0;
}

const live = (r: StoredRecord | undefined): r is StoredRecord => r !== undefined && !r.deleted;

export function authorise(op: WireOp, accounts: Accounts): Verdict {
  const rule = opRule(op.op, op.entity);
  if (!rule) return { ok: false, reason: 'actor.forbidden' };
  if (rule.by === 'attempt' || rule.by === 'workstation') return { ok: true, role: null, actor: null };
  const actorId = actorIdOf(op);
  const account = actorId ? accounts.get(actorId) : undefined;
  if (rule.by === 'bootstrap') {
    // Only the office's very first account, created by setup as an admin acting for itself.
    if (live(account)) return { ok: false, reason: 'actor.forbidden' };
    if (accounts.any()) return { ok: false, reason: 'actor.unknown' };
    const first = op.entity === ACCOUNT_ENTITY && actorId === op.entityId && op.payload.data.role === 'admin';
    return first ? { ok: true, role: 'admin', actor: textOf(op.payload.data.username) } : { ok: false, reason: 'actor.forbidden' };
  }
  if (!live(account)) return { ok: false, reason: 'actor.unknown' };
  if (account.data.disabled === true) return { ok: false, reason: 'actor.forbidden' };
  const role = textOf(account.data.role);
  const access = accessOf(rule);
  if (Array.isArray(access) && !access.includes(role as never)) return { ok: false, reason: 'actor.forbidden' };
  if (rule.self && op.entityId !== actorId) return { ok: false, reason: 'actor.forbidden' };
  // A password someone else typed (an admin, at creation or reset) proves nothing about who acts.
  if (account.data.mustChangePassword === true && !WHILE_TEMPORARY.has(op.op)) return { ok: false, reason: 'actor.temporaryPassword' };
  const overrider = overriderOf(op);
  if (overrider !== null) {
    // An override is a supervisor's own authority: another enabled supervisor, on a password of their own.
    const supervisor = accounts.get(overrider);
    if (!live(supervisor) || supervisor.data.disabled === true || supervisor.data.role !== 'supervisor' || overrider === actorId)
      return { ok: false, reason: 'override.forbidden' };
    if (supervisor.data.mustChangePassword === true) return { ok: false, reason: 'override.temporaryPassword' };
  }
  return { ok: true, role, actor: textOf(account.data.username) };
}

/** Accounts as the push sees them: its loaded records, which its own applied ops keep current. */
export function accountsOf(
  records: ReadonlyMap<string, StoredRecord>,
  keyOf: (entity: string, id: string) => string,
  hadAny: boolean,
): Accounts {
  return {
    get: (id) => records.get(keyOf(ACCOUNT_ENTITY, id)),
    any: () => hadAny || [...records.entries()].some(([k, r]) => k.startsWith(`${ACCOUNT_ENTITY}\u0000`) && !r.deleted),
  };
}
