import type { Db } from '@db/connection.js';
import type { EodApplicationRow, EodPaymentRow, NoteRow } from '@common/domain/end-of-day/report.js';
import type { TicketCountRow } from '@common/domain/end-of-day/tickets.js';

export const dayApplications = (db: Db, officeCode: string, date: string): EodApplicationRow[] =>
  db
    .prepare(
      `SELECT a.id, a.number, a.service_code, a.status, a.fee_total, a.created_by, u.username AS officer, a.origin_workstation_id
       FROM applications a LEFT JOIN users u ON u.id = a.created_by
       WHERE a.business_date = ? AND a.office_code = ?`,
    )
    .all(date, officeCode) as EodApplicationRow[];

export const dayPayments = (db: Db, officeCode: string, date: string): EodPaymentRow[] =>
  db
    .prepare(
      `SELECT p.application_id, p.kind, p.amount, p.status, p.status_source, p.reconciliation
       FROM applications a JOIN payments p ON p.application_id = a.id
       WHERE a.business_date = ? AND a.office_code = ?`,
    )
    .all(date, officeCode) as EodPaymentRow[];

export interface ReceiptEventRow {
  at: number;
  application_number: string;
  kind: string;
  copy_no: number;
  reason: string | null;
  username: string | null;
}

/** Prints made in [from, to): copy 1 is a print, later copies are reprints with their reason. */
export const receiptPrintsBetween = (db: Db, from: number, to: number): ReceiptEventRow[] =>
  db
    .prepare(
      `SELECT rp.at, a.number AS application_number, r.kind, rp.copy_no, rp.reason, u.username
       FROM receipt_prints rp JOIN receipts r ON r.id = rp.receipt_id JOIN applications a ON a.id = r.application_id
       LEFT JOIN users u ON u.id = rp.user_id
       WHERE rp.at >= ? AND rp.at < ? ORDER BY rp.at`,
    )
    .all(from, to) as ReceiptEventRow[];

export const receiptVoidsBetween = (db: Db, from: number, to: number): ReceiptEventRow[] =>
  db
    .prepare(
      `SELECT r.voided_at AS at, a.number AS application_number, r.kind, r.print_count AS copy_no, r.void_reason AS reason, u.username
       FROM receipts r JOIN applications a ON a.id = r.application_id LEFT JOIN users u ON u.id = r.voided_by
       WHERE r.voided_at >= ? AND r.voided_at < ? ORDER BY r.voided_at`,
    )
    .all(from, to) as ReceiptEventRow[];

/** Receipts issued and voided in [from, to) per desk (origin null: this desk). */
export const receiptsByDesk = (db: Db, from: number, to: number): Array<{ origin: string | null; issued: number; voided: number }> =>
  db
    .prepare(
      `SELECT origin_workstation_id AS origin, sum(created_at >= @from AND created_at < @to) AS issued,
              sum(coalesce(voided_at >= @from AND voided_at < @to, 0)) AS voided
       FROM receipts WHERE (created_at >= @from AND created_at < @to) OR (voided_at >= @from AND voided_at < @to)
       GROUP BY origin_workstation_id`,
    )
    .all({ from, to }) as Array<{ origin: string | null; issued: number; voided: number }>;

export interface OutboxProblemRow {
  device_seq: number;
  entity: string;
  entity_id: string;
  op: string;
  status: string;
  result: string | null;
  created_at: number;
}

/** Ops still waiting for central and unresolved conflicts, leaving out the ops of `ownEntity`. */
export const outboxCounts = (db: Db, ownEntity: string): { unsynced: number; conflicts: number } =>
  db
    .prepare(
      `SELECT coalesce(sum(status = 'pending'), 0) AS unsynced, coalesce(sum(status = 'conflict' AND resolved_at IS NULL), 0) AS conflicts
       FROM outbox WHERE status IN ('pending', 'conflict') AND entity <> ?`,
    )
    .get(ownEntity) as { unsynced: number; conflicts: number };

export const rejectedOps = (db: Db, limit = 200): OutboxProblemRow[] =>
  db
    .prepare(
      `SELECT device_seq, entity, entity_id, op, status, result, created_at FROM outbox WHERE status = 'rejected' ORDER BY device_seq LIMIT ?`,
    )
    .all(limit) as OutboxProblemRow[];

/**
 * The day's tickets by service, officer and status: central's published ones, and this workstation's
 * local-mode ones central has not published yet (a published twin counts instead, never both).
 */
export const dayTicketCounts = (db: Db, date: string): TicketCountRow[] =>
  db
    .prepare(
      `SELECT service_code, officer, status, count(*) AS n FROM (
         SELECT service_code, officer, status FROM office_tickets WHERE day = @date
         UNION ALL
         SELECT q.service_code, q.officer, q.status FROM queue_local_tickets q
         WHERE q.day = @date AND NOT EXISTS (SELECT 1 FROM office_tickets o WHERE o.id = q.id)
       ) GROUP BY service_code, officer, status ORDER BY service_code, officer, status`,
    )
    .all({ date }) as TicketCountRow[];

/** Names of queue services and application services (catalogue), by code: the two never share a code. */
export const serviceNames = (db: Db, codes: readonly string[]): Array<{ code: string; name_id: string; name_en: string }> =>
  db
    .prepare(
      `SELECT c.value AS code, coalesce(s.name_id, k.name_id) AS name_id, coalesce(s.name_en, k.name_en) AS name_en
       FROM json_each(?) c LEFT JOIN services s ON s.code = c.value LEFT JOIN catalogue_services k ON k.code = c.value
       WHERE coalesce(s.name_id, k.name_id) IS NOT NULL ORDER BY c.value`,
    )
    .all(JSON.stringify([...new Set(codes)])) as Array<{ code: string; name_id: string; name_en: string }>;

export const dayNotes = (db: Db, date: string): NoteRow[] =>
  db.prepare('SELECT discrepancy_key, note, username FROM day_discrepancy_notes WHERE business_date = ?').all(date) as NoteRow[];

export function upsertNote(
  db: Db,
  n: { business_date: string; discrepancy_key: string; note: string; user_id: string; username: string; at: number },
): void {
  db.prepare(
    `INSERT INTO day_discrepancy_notes (business_date, discrepancy_key, note, user_id, username, at) VALUES (@business_date, @discrepancy_key, @note, @user_id, @username, @at)
     ON CONFLICT (business_date, discrepancy_key) DO UPDATE SET note = excluded.note, user_id = excluded.user_id, username = excluded.username, at = excluded.at`,
  ).run(n);
}

export interface DayClosureRow {
  business_date: string;
  office_code: string;
  status: 'closed' | 'reopened';
  closed_by: string;
  closed_by_name: string;
  closed_at: number;
  report_hash: string;
  /** The report as signed on this workstation; NULL when the sign-off was made on another one. */
  report: string | null;
  reopened_by: string | null;
  reopened_at: number | null;
  reopen_reason: string | null;
  version: number;
}

export const getClosure = (db: Db, date: string): DayClosureRow | undefined =>
  db.prepare('SELECT * FROM day_closures WHERE business_date = ?').get(date) as DayClosureRow | undefined;

export const isDayClosed = (db: Db, date: string): boolean =>
  db.prepare(`SELECT 1 FROM day_closures WHERE business_date = ? AND status = 'closed'`).get(date) !== undefined;

/** A reopened day closes again in the same row: the audit trail keeps every close and reopen. */
export function closeDay(
  db: Db,
  c: Pick<DayClosureRow, 'business_date' | 'office_code' | 'closed_by' | 'closed_by_name' | 'closed_at' | 'report_hash' | 'report'>,
): void {
  db.prepare(
    `INSERT INTO day_closures (business_date, office_code, status, closed_by, closed_by_name, closed_at, report_hash, report)
     VALUES (@business_date, @office_code, 'closed', @closed_by, @closed_by_name, @closed_at, @report_hash, @report)
     ON CONFLICT (business_date) DO UPDATE SET status = 'closed', closed_by = excluded.closed_by, closed_by_name = excluded.closed_by_name,
       closed_at = excluded.closed_at, report_hash = excluded.report_hash, report = excluded.report, version = version + 1`,
  ).run(c);
}

export function reopenDay(db: Db, date: string, by: string, reason: string, at: number): void {
  db.prepare(
    `UPDATE day_closures SET status = 'reopened', reopened_by = ?, reopen_reason = ?, reopened_at = ?, version = version + 1 WHERE business_date = ?`,
  ).run(by, reason, at, date);
}
