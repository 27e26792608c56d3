// Writes of the office's applications, payments and receipts that arrive from central (made or changed
// on other desks of the office): each row takes central's version, never a local bump.
import type { Db } from '@db/connection.js';
import { INSERT_COLUMNS, type ApplicationRow } from './applications.js';
import type { ReceiptRow } from './receipts.js';
import { stmt } from '../sync/sync-statements.js';

export type PulledApplication = Omit<ApplicationRow, 'seq'> & { origin_workstation_id: string | null };

const APPLICATION_COLUMNS = [
  ...INSERT_COLUMNS,
  'interview_notes',
  'submitted_at',
  'ready_at',
  'closed_at',
  'version',
  'origin_workstation_id',
] as const;

/** Central's columns overwrite the row; who made it (and on which desk) stays as first recorded. */
const KEEP_ON_UPDATE = new Set(['id', 'number', 'office_code', 'created_by', 'created_at', 'origin_workstation_id']);

export function upsertPulledApplication(db: Db, a: PulledApplication): void {
  const updates = APPLICATION_COLUMNS.filter((c) => !KEEP_ON_UPDATE.has(c)).map((c) => `${c} = excluded.${c}`);
  stmt(
    db,
    `INSERT INTO applications (${APPLICATION_COLUMNS.join(', ')}) VALUES (${APPLICATION_COLUMNS.map((c) => `@${c}`).join(', ')})
     ON CONFLICT (id) DO UPDATE SET ${updates.join(', ')}`,
  ).run(a);
}

/** A checklist entry's state from central; the officer and time stay when the state did not change. */
export function setPulledDocumentState(
  db: Db,
  p: { applicationId: string; docCode: string; state: string; note: string | null; at: number },
): void {
  stmt(
    db,
    `UPDATE application_documents SET state = @state, note = @note,
       checked_by = CASE WHEN state = @state THEN checked_by ELSE NULL END,
       checked_at = CASE WHEN state = @state THEN checked_at ELSE @at END
     WHERE application_id = @applicationId AND doc_code = @docCode AND (state <> @state OR note IS NOT @note)`,
  ).run(p);
}

/** Whether the history already holds this step (this desk's own row, or one pulled before). */
export const hasTransition = (db: Db, t: { applicationId: string; action: string; to: string; at: number }): boolean =>
  stmt(db, 'SELECT 1 FROM application_transitions WHERE application_id = ? AND action = ? AND to_status = ? AND at = ? LIMIT 1').get(
    t.applicationId,
    t.action,
    t.to,
    t.at,
  ) !== undefined;

export const userIdByUsername = (db: Db, username: string): string | undefined =>
  stmt(db, 'SELECT id FROM users WHERE username = ?').pluck().get(username) as string | undefined;

export const hasApplication = (db: Db, id: string): boolean => stmt(db, 'SELECT 1 FROM applications WHERE id = ?').get(id) !== undefined;

export function setPaymentOrigin(db: Db, id: string, origin: string | null): void {
  stmt(db, 'UPDATE payments SET origin_workstation_id = ? WHERE id = ?').run(origin, id);
}

export type PulledReceipt = Omit<ReceiptRow, 'status' | 'kind'> & {
  kind: string;
  status: 'active' | 'void';
  origin_workstation_id: string | null;
};

export function upsertPulledReceipt(db: Db, r: PulledReceipt): void {
  stmt(
    db,
    `INSERT INTO receipts (id, application_id, kind, payment_id, content, content_hash, status, print_count, created_by, created_at,
       voided_at, voided_by, void_reason, version, origin_workstation_id)
     VALUES (@id, @application_id, @kind, @payment_id, @content, @content_hash, @status, @print_count, @created_by, @created_at,
       @voided_at, @voided_by, @void_reason, @version, @origin_workstation_id)
     ON CONFLICT (id) DO UPDATE SET
       status = CASE WHEN receipts.status = 'void' OR excluded.status = 'void' THEN 'void' ELSE receipts.status END,
       print_count = max(receipts.print_count, excluded.print_count),
       voided_at = coalesce(receipts.voided_at, excluded.voided_at), voided_by = coalesce(receipts.voided_by, excluded.voided_by),
       void_reason = coalesce(receipts.void_reason, excluded.void_reason), version = excluded.version`,
  ).run(r);
}

/** Of an application's active receipts of one kind only the newest stays active, whichever desk issued which. */
export function supersedeOlderReceipts(db: Db, r: { application_id: string; kind: string }): void {
  stmt(
    db,
    `UPDATE receipts SET status = 'superseded' WHERE application_id = @application_id AND kind = @kind AND status = 'active'
       AND id <> (SELECT id FROM receipts WHERE application_id = @application_id AND kind = @kind AND status = 'active'
                  ORDER BY created_at DESC, rowid DESC LIMIT 1)`,
  ).run({ application_id: r.application_id, kind: r.kind });
}

/** Payments and receipts kept aside because what they belong to had not arrived yet. */
export const keptAsideFor = (
  db: Db,
  ownerId: string,
): Array<{ entity: string; entity_id: string; version: number; data: string; deleted: number }> =>
  stmt(
    db,
    `SELECT entity, entity_id, version, data, deleted FROM sync_records WHERE entity IN ('payment', 'receipt')
       AND (json_extract(data, '$.applicationId') = ? OR json_extract(data, '$.paymentId') = ?) ORDER BY entity, entity_id`,
  ).all(ownerId, ownerId) as Array<{ entity: string; entity_id: string; version: number; data: string; deleted: number }>;

export function dropKeptAside(db: Db, entity: string, entityId: string): void {
  stmt(db, 'DELETE FROM sync_records WHERE entity = ? AND entity_id = ?').run(entity, entityId);
}
