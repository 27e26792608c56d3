// Late changes: an op dated in a business day already signed off reaches central after the sign-off (the
// desk was offline). It is not refused into nothing: central holds it for the office's supervisor, and ops
// that reach the same record later wait behind it, in order, so none of them finds its record missing.
// The supervisor accepts it (the day is reopened here, the op and the ops waiting behind it applied, and the
// supervisor's desk signs the day again) or returns it with a reason. Each held op is published as a
// `late_change` record, so the desk that sent it reads its fate and every supervisor desk sees the queue.
import { LATE_ACTIONS, LATE_ENTITY } from '@common/central/late-change.js';
import type { WireOp } from '@common/central/protocol.js';
import { BUSINESS_DAY_ENTITY, businessDateOf, isClosedDay } from '../entities/business-day.js';
import { created } from '../entities/kinds.js';
import type { Decision, StoredRecord } from '../entities/types.js';
import type { Sql } from '../store/store.js';

export { LATE_ENTITY };

export type LateReason = 'late.held' | 'late.waiting';
export type LateStatus = 'held' | 'accepted' | 'returned' | 'resent' | 'failed';

export interface LateRow {
  op_id: string;
  office_code: string;
  workstation_id: string;
  device_seq: number;
  business_date: string;
  entity: string;
  entity_id: string;
  op: WireOp;
  role: string | null;
  actor: string | null;
  reason: LateReason;
  status: LateStatus;
  received_at: number;
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
}

const recordKey = (entity: string, id: string): string => `${entity}\u0000${id}`;
const before = (a: LateRow, b: LateRow): boolean =>
  a.received_at < b.received_at || (a.received_at === b.received_at && a.device_seq < b.device_seq);

/** The late changes a batch touches: held ones on its records, and the ones its accept/return ops name, with their chains. */
export async function loadLate(sql: Sql, officeCode: string, ops: readonly WireOp[]): Promise<LateRow[]> {
  const records = ops.filter((o) => o.entity !== LATE_ENTITY).map((o) => ({ entity: o.entity, id: o.entityId }));
  const named = ops.filter((o) => o.entity === LATE_ENTITY).map((o) => o.entityId);
  const rows = await sql.query<LateRow>(
    `WITH named AS (SELECT entity, entity_id FROM late_changes WHERE office_code = $1 AND op_id IN (SELECT jsonb_array_elements_text($3::jsonb)))
     SELECT l.* FROM late_changes l
     WHERE l.office_code = $1 AND (
       l.op_id IN (SELECT jsonb_array_elements_text($3::jsonb))
       OR (l.status = 'held' AND (
         (l.entity, l.entity_id) IN (SELECT x.entity, x.id FROM jsonb_to_recordset($2::jsonb) AS x(entity text, id text))
         OR (l.entity, l.entity_id) IN (SELECT entity, entity_id FROM named))))`,
    [officeCode, JSON.stringify(records), JSON.stringify(named)],
  );
  return rows.map((r) => ({ ...r, device_seq: Number(r.device_seq), received_at: Number(r.received_at) }));
}

export async function workstationNames(sql: Sql, officeCode: string): Promise<Map<string, string>> {
  const rows = await sql.query<{ id: string; name: string }>('SELECT id, name FROM workstations WHERE office_code = $1', [officeCode]);
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** What the supervisor reads of a held op: enough to know which application and which money it is. */
function summaryOf(op: WireOp): Record<string, unknown> {
  const d = op.payload.data;
  const pick = (k: string) => (typeof d[k] === 'string' || typeof d[k] === 'number' ? { [k]: d[k] } : {});
  return { ...pick('number'), ...pick('applicationId'), ...pick('amount'), ...pick('kind'), ...pick('transition'), ...pick('fullName') };
}

/** The published record of a late change, as every desk of the office reads it. */
export function lateRecord(row: LateRow, names: ReadonlyMap<string, string>): Record<string, unknown> {
  return {
    opId: row.op_id,
    workstationId: row.workstation_id,
    workstation: names.get(row.workstation_id) ?? row.workstation_id,
    deviceSeq: row.device_seq,
    businessDate: row.business_date,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op.op,
    createdAt: row.op.createdAt,
    actor: row.actor,
    reason: row.reason,
    status: row.status,
    receivedAt: row.received_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    note: row.note,
    summary: summaryOf(row.op),
  };
}

export interface LateEffects {
  /** Rows to write (inserted or updated, by op_id). */
  rows: Map<string, LateRow>;
  /** applied_ops rows of earlier ops whose answer changes (accepted, returned, resent). */
  answers: Map<string, { status: 'applied' | 'rejected' | 'held'; reason: string | null; version: number | null }>;
}

/**
 * The batch's view of the office's late changes: which records have an op held, and the decisions the
 * batch makes about them. The push engine (push.ts) asks it per op.
 */
export class LateBook {
  private readonly byId = new Map<string, LateRow>();
  readonly effects: LateEffects = { rows: new Map(), answers: new Map() };

  constructor(
    rows: readonly LateRow[],
    readonly tz: string,
    readonly now: number,
  ) {
    for (const r of rows) this.byId.set(r.op_id, r);
  }

  get(opId: string): LateRow | undefined {
    return this.byId.get(opId);
  }

  all(): LateRow[] {
    return [...this.byId.values()];
  }

  isBefore(a: LateRow, b: LateRow): boolean {
    return before(a, b);
  }

  /** Whether the batch changed this late change (so its record is published again). */
  changed(opId: string): boolean {
    return this.effects.rows.has(opId);
  }

  /** Held ops on a record, oldest first. */
  heldOn(entity: string, id: string): LateRow[] {
    return [...this.byId.values()]
      .filter((r) => r.status === 'held' && r.entity === entity && r.entity_id === id)
      .sort((a, b) => (before(a, b) ? -1 : 1));
  }

  /** Whether `op` must wait behind an op held on its record (one held earlier than itself, when it is held too). */
  mustWait(op: WireOp): boolean {
    const self = this.byId.get(op.opId);
    return this.heldOn(op.entity, op.entityId).some((r) => r.op_id !== op.opId && (!self || before(r, self)));
  }

  hold(op: WireOp, ws: string, office: string, reason: LateReason, verdict: { role: string | null; actor: string | null }): LateRow {
    const prior = this.byId.get(op.opId);
    // Resent while still held for the same reason: nothing new to say.
    if (prior?.status === 'held' && prior.reason === reason) return prior;
    const row: LateRow = {
      op_id: op.opId,
      office_code: office,
      workstation_id: ws,
      device_seq: op.deviceSeq,
      business_date: businessDateOf(op.createdAt, this.tz),
      entity: op.entity,
      entity_id: op.entityId,
      op,
      role: verdict.role,
      actor: verdict.actor,
      reason,
      status: 'held',
      received_at: prior?.received_at ?? this.now,
      decided_by: null,
      decided_at: null,
      note: null,
    };
    this.put(row);
    return row;
  }

  /** A held op that went through on a resend (the day was reopened). */
  resolve(opId: string, status: LateStatus, by: string | null, note: string | null): LateRow | undefined {
    const row = this.byId.get(opId);
    if (!row) return undefined;
    const next = { ...row, status, decided_by: by, decided_at: this.now, note };
    this.put(next);
    return next;
  }

  private put(row: LateRow): void {
    this.byId.set(row.op_id, row);
    this.effects.rows.set(row.op_id, row);
  }
}

/** The day record reopened for an accepted late change: the desks follow it, and the supervisor's re-sign closes it again. */
export function reopenedForLate(day: StoredRecord | undefined, date: string, by: string | null, at: number, origin: string): StoredRecord {
  const fields = { status: 'reopened', reopenedAt: at, reopenedBy: by, reopenReason: 'late.accepted' };
  if (!day) return created({ date, ...fields }, origin);
  const version = day.version + 1;
  const meta = { ...day.meta, ...Object.fromEntries(Object.keys(fields).map((k) => [k, [version, origin] as [number, string]])) };
  return { version, data: { ...day.data, ...fields }, meta, deleted: false };
}

export const isDayRecordClosed = (r: StoredRecord | undefined): boolean => isClosedDay(r);

export const dayRef = (date: string) => ({ entity: BUSINESS_DAY_ENTITY, id: date });

/** Decides an accept or a return by its shape alone; the effects are the push engine's (push.ts). */
export function checkLateOp(op: WireOp, book: LateBook): { ok: true; row: LateRow } | { ok: false; decision: Decision } {
  if (op.op !== LATE_ACTIONS.accept && op.op !== LATE_ACTIONS.return)
    return { ok: false, decision: { status: 'rejected', reason: 'late.unknownAction' } };
  const row = book.get(op.entityId);
  if (!row) return { ok: false, decision: { status: 'rejected', reason: 'not.found' } };
  if (row.status !== 'held') return { ok: false, decision: { status: 'rejected', reason: 'late.decided' } };
  const earlier = book.heldOn(row.entity, row.entity_id).find((r) => before(r, row));
  if (earlier) return { ok: false, decision: { status: 'rejected', reason: 'late.earlierHeld' } };
  if (op.op === LATE_ACTIONS.return) {
    const note = op.payload.data.reason;
    if (typeof note !== 'string' || note.trim() === '')
      return { ok: false, decision: { status: 'rejected', reason: 'data.invalid:reason' } };
  }
  return { ok: true, row };
}

export { recordKey };

export async function writeLate(sql: Sql, effects: LateEffects): Promise<void> {
  const rows = [...effects.rows.values()];
  if (rows.length > 0)
    await sql.query(
      `INSERT INTO late_changes (op_id, office_code, workstation_id, device_seq, business_date, entity, entity_id, op, role, actor, reason, status,
         received_at, decided_by, decided_at, note)
       SELECT x.op_id, x.office_code, x.workstation_id, x.device_seq, x.business_date, x.entity, x.entity_id, x.op, x.role, x.actor, x.reason, x.status,
         x.received_at, x.decided_by, x.decided_at, x.note
       FROM jsonb_to_recordset($1::jsonb) AS x(op_id text, office_code text, workstation_id text, device_seq bigint, business_date text, entity text,
         entity_id text, op jsonb, role text, actor text, reason text, status text, received_at bigint, decided_by text, decided_at bigint, note text)
       ON CONFLICT (op_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, decided_by = excluded.decided_by,
         decided_at = excluded.decided_at, note = excluded.note`,
      [JSON.stringify(rows)],
    );
}

/** Earlier ops' stored answers change: a resend or a later push then reads the new one. */
export async function updateAnswers(
  sql: Sql,
  answers: ReadonlyArray<{ op_id: string; status: string; reason: string | null; version: number | null; change_seq: number | null }>,
): Promise<void> {
  if (answers.length === 0) return;
  await sql.query(
    `UPDATE applied_ops a SET status = x.status, reason = x.reason, change_seq = coalesce(x.change_seq, a.change_seq),
       result = jsonb_build_object('version', x.version, 'current', NULL, 'conflict', NULL)
     FROM jsonb_to_recordset($1::jsonb) AS x(op_id text, status text, reason text, version integer, change_seq bigint)
     WHERE a.op_id = x.op_id`,
    [JSON.stringify(answers)],
  );
}
