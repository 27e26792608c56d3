import type { Db } from '@db/connection.js';

export interface ReceiptRow {
  id: string;
  application_id: string;
  kind: 'application' | 'payment' | 'deficiency';
  payment_id: string | null;
  content: string;
  content_hash: string;
  status: 'active' | 'superseded' | 'void';
  print_count: number;
  created_by: string;
  created_at: number;
  voided_at: number | null;
  voided_by: string | null;
  void_reason: string | null;
  version: number;
}

export function insertReceipt(
  db: Db,
  r: Pick<ReceiptRow, 'id' | 'application_id' | 'kind' | 'payment_id' | 'content' | 'content_hash' | 'created_by' | 'created_at'>,
): void {
  db.prepare(
    `INSERT INTO receipts (id, application_id, kind, payment_id, content, content_hash, created_by, created_at)
     VALUES (@id, @application_id, @kind, @payment_id, @content, @content_hash, @created_by, @created_at)`,
  ).run(r);
}

export const getReceipt = (db: Db, id: string): ReceiptRow | undefined =>
  db.prepare('SELECT * FROM receipts WHERE id = ?').get(id) as ReceiptRow | undefined;

export const listReceipts = (db: Db, applicationId: string): ReceiptRow[] =>
  db.prepare('SELECT * FROM receipts WHERE application_id = ? ORDER BY created_at, rowid').all(applicationId) as ReceiptRow[];

export const supersedeReceipts = (db: Db, applicationId: string, kind: string): void => {
  db.prepare(
    "UPDATE receipts SET status = 'superseded', version = version + 1 WHERE application_id = ? AND kind = ? AND status = 'active'",
  ).run(applicationId, kind);
};

export function recordPrint(db: Db, p: { id: string; receipt_id: string; at: number; user_id: string; reason: string | null }): number {
  const copyNo = db
    .prepare('UPDATE receipts SET print_count = print_count + 1, version = version + 1 WHERE id = ? RETURNING print_count')
    .pluck()
    .get(p.receipt_id) as number;
  db.prepare(
    'INSERT INTO receipt_prints (id, receipt_id, copy_no, at, user_id, reason) VALUES (@id, @receipt_id, @copy_no, @at, @user_id, @reason)',
  ).run({ ...p, copy_no: copyNo });
  return copyNo;
}

export function voidReceipt(db: Db, id: string, p: { at: number; by: string; reason: string }): void {
  db.prepare("UPDATE receipts SET status = 'void', voided_at = ?, voided_by = ?, void_reason = ?, version = version + 1 WHERE id = ?").run(
    p.at,
    p.by,
    p.reason,
    id,
  );
}
