import type { Db } from '@db/connection.js';

export interface AttemptRow {
  id: string;
  application_id: string;
  modality: string;
  attempt_no: number;
  source: 'sbi' | 'camera';
  device_id: string | null;
  device_serial: string | null;
  transaction_id: string | null;
  chain_prev: string | null;
  chain_last: string | null;
  /** JSON: [{ bioSubType, quality, threshold, passed }] */
  items: string;
  passed: number;
  passing: number;
  min_quality: number;
  mean_quality: number;
  kept: number;
  accepted_by: string | null;
  accepted_name: string | null;
  accepted_reason: string | null;
  captured_by: string;
  captured_at: number;
}

export interface RecordRow {
  id: string;
  application_id: string;
  modality: string;
  kind: 'capture' | 'exceptionPhoto';
  bio_type: string;
  bio_subtype: string | null;
  attempt_id: string | null;
  quality: number | null;
  threshold: number | null;
  passed: number | null;
  format: string;
  chain_hash: string | null;
  blob_sha256: string;
  blob_size: number;
  status: 'active' | 'superseded';
  created_by: string;
  created_at: number;
  uploaded_at: number | null;
  purged_at: number | null;
}

export interface ExceptionRow {
  id: string;
  application_id: string;
  modality: string;
  bio_subtype: string;
  reason: string;
  note: string | null;
  photo_record_id: string;
  approved_by: string;
  approved_name: string;
  approval_reason: string;
  created_by: string;
  created_at: number;
}

export function insertAttempt(db: Db, row: AttemptRow): void {
  db.prepare(
    `INSERT INTO biometric_attempts (id, application_id, modality, attempt_no, source, device_id, device_serial, transaction_id,
       chain_prev, chain_last, items, passed, passing, min_quality, mean_quality, kept, accepted_by, accepted_name, accepted_reason,
       captured_by, captured_at)
     VALUES (@id, @application_id, @modality, @attempt_no, @source, @device_id, @device_serial, @transaction_id,
       @chain_prev, @chain_last, @items, @passed, @passing, @min_quality, @mean_quality, @kept, @accepted_by, @accepted_name,
       @accepted_reason, @captured_by, @captured_at)`,
  ).run(row);
}

export const listAttempts = (db: Db, applicationId: string): AttemptRow[] =>
  db.prepare('SELECT * FROM biometric_attempts WHERE application_id = ? ORDER BY modality, attempt_no').all(applicationId) as AttemptRow[];

export const countAttempts = (db: Db, applicationId: string, modality: string): number =>
  (
    db.prepare('SELECT count(*) AS n FROM biometric_attempts WHERE application_id = ? AND modality = ?').get(applicationId, modality) as {
      n: number;
    }
  ).n;

export const keptAttempt = (db: Db, applicationId: string, modality: string): AttemptRow | undefined =>
  db.prepare('SELECT * FROM biometric_attempts WHERE application_id = ? AND modality = ? AND kept = 1').get(applicationId, modality) as
    AttemptRow | undefined;

/** The hash chain runs across modalities: the next previousHash is the last one verified for this application. */
export const lastChainHash = (db: Db, applicationId: string): string | undefined =>
  (
    db
      .prepare(
        `SELECT chain_last FROM biometric_attempts WHERE application_id = ? AND chain_last IS NOT NULL
         ORDER BY captured_at DESC, rowid DESC LIMIT 1`,
      )
      .get(applicationId) as { chain_last: string } | undefined
  )?.chain_last;

export function unkeepAttempts(db: Db, applicationId: string, modality: string): void {
  db.prepare('UPDATE biometric_attempts SET kept = 0 WHERE application_id = ? AND modality = ? AND kept = 1').run(applicationId, modality);
}

export function acceptAttempt(db: Db, attemptId: string, by: { id: string; name: string; reason: string }): void {
  db.prepare('UPDATE biometric_attempts SET accepted_by = ?, accepted_name = ?, accepted_reason = ? WHERE id = ?').run(
    by.id,
    by.name,
    by.reason,
    attemptId,
  );
}

export function insertRecord(db: Db, row: RecordRow): void {
  db.prepare(
    `INSERT INTO biometric_records (id, application_id, modality, kind, bio_type, bio_subtype, attempt_id, quality, threshold, passed,
       format, chain_hash, blob_sha256, blob_size, status, created_by, created_at, uploaded_at, purged_at)
     VALUES (@id, @application_id, @modality, @kind, @bio_type, @bio_subtype, @attempt_id, @quality, @threshold, @passed,
       @format, @chain_hash, @blob_sha256, @blob_size, @status, @created_by, @created_at, @uploaded_at, @purged_at)`,
  ).run(row);
}

export const getRecord = (db: Db, id: string): RecordRow | undefined =>
  db.prepare('SELECT * FROM biometric_records WHERE id = ?').get(id) as RecordRow | undefined;

export const recordsOfAttempt = (db: Db, attemptId: string): RecordRow[] =>
  db.prepare("SELECT * FROM biometric_records WHERE attempt_id = ? AND status = 'active' ORDER BY rowid").all(attemptId) as RecordRow[];

export const activeCaptureRecords = (db: Db, applicationId: string, modality: string): RecordRow[] =>
  db
    .prepare("SELECT * FROM biometric_records WHERE application_id = ? AND modality = ? AND kind = 'capture' AND status = 'active'")
    .all(applicationId, modality) as RecordRow[];

export function supersedeRecords(db: Db, ids: readonly string[]): void {
  const stmt = db.prepare("UPDATE biometric_records SET status = 'superseded' WHERE id = ?");
  for (const id of ids) stmt.run(id);
}

export function markUploaded(db: Db, ids: readonly string[], at: number): number {
  const stmt = db.prepare('UPDATE biometric_records SET uploaded_at = ? WHERE id = ? AND uploaded_at IS NULL');
  return ids.reduce((n, id) => n + stmt.run(at, id).changes, 0);
}

export const recordIdsBySha = (db: Db, sha256: string): string[] =>
  db.prepare('SELECT id FROM biometric_records WHERE blob_sha256 = ?').pluck().all(sha256) as string[];

/**
 * Images central does not hold yet whose op central has applied: a capture's attempt op, or the op that
 * names an exception photo. An image goes up only after the op that says what it is.
 */
export const uploadableRecords = (db: Db, limit: number): RecordRow[] =>
  db
    .prepare(
      `SELECT r.* FROM biometric_records r
       WHERE r.uploaded_at IS NULL AND r.purged_at IS NULL AND r.status = 'active'
         AND EXISTS (SELECT 1 FROM outbox o WHERE o.status IN ('applied', 'duplicate') AND (
           (r.attempt_id IS NOT NULL AND o.entity = 'biometric_attempt' AND o.entity_id = r.attempt_id)
           OR (r.attempt_id IS NULL AND o.entity = 'application' AND o.entity_id = r.application_id AND instr(o.payload, r.id) > 0)))
       ORDER BY r.created_at LIMIT ?`,
    )
    .all(limit) as RecordRow[];

export interface NotUploadedRow {
  application_id: string;
  application_number: string | null;
  modality: string;
  images: number;
  first_at: number;
}

/** Kept images central has not confirmed yet, captured before `before`, per application and modality. */
export const notUploadedCaptures = (db: Db, before: number): NotUploadedRow[] =>
  db
    .prepare(
      `SELECT r.application_id, a.number AS application_number, r.modality, count(*) AS images, min(r.created_at) AS first_at
       FROM biometric_records r LEFT JOIN applications a ON a.id = r.application_id
       WHERE r.uploaded_at IS NULL AND r.purged_at IS NULL AND r.status = 'active' AND r.created_at < ?
       GROUP BY r.application_id, r.modality ORDER BY first_at, r.modality`,
    )
    .all(before) as NotUploadedRow[];

/** Uploaded before the horizon and still holding an image. */
export const purgeableRecords = (db: Db, uploadedBefore: number): RecordRow[] =>
  db
    .prepare(
      'SELECT * FROM biometric_records WHERE purged_at IS NULL AND uploaded_at IS NOT NULL AND uploaded_at <= ? ORDER BY uploaded_at',
    )
    .all(uploadedBefore) as RecordRow[];

export function markPurged(db: Db, ids: readonly string[], at: number): void {
  const stmt = db.prepare('UPDATE biometric_records SET purged_at = ? WHERE id = ?');
  for (const id of ids) stmt.run(at, id);
}

export function insertException(db: Db, row: ExceptionRow): void {
  db.prepare(
    `INSERT INTO biometric_exceptions (id, application_id, modality, bio_subtype, reason, note, photo_record_id, approved_by, approved_name,
       approval_reason, created_by, created_at)
     VALUES (@id, @application_id, @modality, @bio_subtype, @reason, @note, @photo_record_id, @approved_by, @approved_name,
       @approval_reason, @created_by, @created_at)`,
  ).run(row);
}

export const listExceptions = (db: Db, applicationId: string): ExceptionRow[] =>
  db
    .prepare('SELECT * FROM biometric_exceptions WHERE application_id = ? ORDER BY created_at, bio_subtype')
    .all(applicationId) as ExceptionRow[];

/** Captures attach to an existing application (0002); checked before a device is even asked. */
export const applicationKnown = (db: Db, applicationId: string): boolean =>
  db.prepare('SELECT 1 FROM applications WHERE id = ?').get(applicationId) !== undefined;
