// Late changes as central publishes them (entity late_change), and every sign-off made on this desk.
import type { Db } from '@db/connection.js';

export interface LateChangeRow {
  op_id: string;
  workstation_id: string;
  workstation: string;
  device_seq: number;
  business_date: string;
  entity: string;
  entity_id: string;
  op: string;
  created_at: number;
  actor: string | null;
  reason: string;
  status: 'held' | 'accepted' | 'returned' | 'resent' | 'failed';
  received_at: number;
  decided_by: string | null;
  decided_at: number | null;
  note: string | null;
  summary: string;
}

export function upsertLateChange(db: Db, r: LateChangeRow): void {
  db.prepare(
    `INSERT INTO late_changes (op_id, workstation_id, workstation, device_seq, business_date, entity, entity_id, op, created_at, actor, reason, status,
       received_at, decided_by, decided_at, note, summary)
     VALUES (@op_id, @workstation_id, @workstation, @device_seq, @business_date, @entity, @entity_id, @op, @created_at, @actor, @reason, @status,
       @received_at, @decided_by, @decided_at, @note, @summary)
     ON CONFLICT (op_id) DO UPDATE SET status = excluded.status, reason = excluded.reason, decided_by = excluded.decided_by,
       decided_at = excluded.decided_at, note = excluded.note, workstation = excluded.workstation`,
  ).run(r);
}

/** A day's late changes, oldest first (the held ones are the supervisor's to decide). */
export const dayLateChanges = (db: Db, date: string): LateChangeRow[] =>
  db.prepare('SELECT * FROM late_changes WHERE business_date = ? ORDER BY received_at, device_seq').all(date) as LateChangeRow[];

export const getLateChange = (db: Db, opId: string): LateChangeRow | undefined =>
  db.prepare('SELECT * FROM late_changes WHERE op_id = ?').get(opId) as LateChangeRow | undefined;

/** This desk's own op: its outbox row takes central's decision (accepted: applied; returned: rejected with the reason). */
export function settleOwnOp(
  db: Db,
  opId: string,
  status: 'applied' | 'rejected',
  result: Record<string, unknown>,
  from: ReadonlyArray<'pending' | 'rejected'> = ['pending', 'rejected'],
): void {
  db.prepare(`UPDATE outbox SET status = ?, result = ? WHERE op_id = ? AND status IN (SELECT value FROM json_each(?))`).run(
    status,
    JSON.stringify(result),
    opId,
    JSON.stringify(from),
  );
}

/**
 * After a reopen of `date`: this desk's ops central answered only for their day (rejected day.closed, held)
 * go again, and so do the later ops on the same records that central could not place without them.
 */
export function resendForDay(db: Db, from: number, to: number): number {
  const info = db
    .prepare(
      `WITH day_ops AS (
         SELECT device_seq, entity, entity_id FROM outbox
         WHERE status = 'rejected' AND created_at >= @from AND created_at < @to
           AND json_extract(result, '$.reason') IN ('day.closed', 'late.held', 'late.waiting'))
       UPDATE outbox SET status = 'pending', result = NULL
       WHERE device_seq IN (SELECT device_seq FROM day_ops)
          OR (status = 'rejected' AND json_extract(result, '$.reason') IN ('not.found', 'late.waiting')
              AND EXISTS (SELECT 1 FROM day_ops d WHERE d.entity = outbox.entity AND d.entity_id = outbox.entity_id AND d.device_seq < outbox.device_seq))`,
    )
    .run({ from, to });
  return info.changes;
}

export interface SignoffRow {
  business_date: string;
  n: number;
  signed_by: string;
  signed_by_name: string;
  signed_at: number;
  report_hash: string;
  report: string;
}

export function recordSignoff(db: Db, s: Omit<SignoffRow, 'n'>): number {
  const n =
    (db.prepare('SELECT coalesce(max(n), 0) + 1 FROM day_signoffs WHERE business_date = ?').pluck().get(s.business_date) as number) ?? 1;
  db.prepare(
    `INSERT INTO day_signoffs (business_date, n, signed_by, signed_by_name, signed_at, report_hash, report)
     VALUES (@business_date, @n, @signed_by, @signed_by_name, @signed_at, @report_hash, @report)`,
  ).run({ ...s, n });
  return n;
}

export const daySignoffs = (db: Db, date: string): SignoffRow[] =>
  db.prepare('SELECT * FROM day_signoffs WHERE business_date = ? ORDER BY n').all(date) as SignoffRow[];
