import type { Db } from '@db/connection.js';

export interface ApplicationRow {
  seq: number;
  id: string;
  number: string;
  office_code: string;
  business_date: string;
  counter_number: number;
  booking_code: string | null;
  service_code: string;
  reason: 'new' | 'renewal' | 'lost' | 'damaged';
  accelerated: number;
  priority_group: 'lansia' | 'disabilitas' | 'ibu_hamil' | 'balita' | 'sakit' | null;
  status: import('@common/domain/applications/flow.js').ApplicationStatus;
  nik: string | null;
  full_name: string;
  birth_place: string | null;
  birth_date: string;
  sex: 'M' | 'F';
  marital_status: 'single' | 'married' | 'divorced' | 'widowed' | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  father_name: string | null;
  mother_name: string | null;
  nationality: string;
  passport_number: string | null;
  passport_expiry: string | null;
  name_change: number;
  interview_notes: string | null;
  fee_total: number;
  fee_lines: string;
  fee_unverified: number;
  collection_date: string | null;
  submitted_at: number | null;
  ready_at: number | null;
  closed_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export type NewApplication = Omit<ApplicationRow, 'seq' | 'version' | 'submitted_at' | 'ready_at' | 'closed_at' | 'interview_notes'>;

/** The columns a new application is written with; the pull adds the ones only later steps fill. */
export const INSERT_COLUMNS = [
  'id',
  'number',
  'office_code',
  'business_date',
  'counter_number',
  'booking_code',
  'service_code',
  'reason',
  'accelerated',
  'priority_group',
  'status',
  'nik',
  'full_name',
  'birth_place',
  'birth_date',
  'sex',
  'marital_status',
  'address',
  'phone',
  'email',
  'father_name',
  'mother_name',
  'nationality',
  'passport_number',
  'passport_expiry',
  'name_change',
  'fee_total',
  'fee_lines',
  'fee_unverified',
  'collection_date',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export function insertApplication(db: Db, a: NewApplication): void {
  db.prepare(`INSERT INTO applications (${INSERT_COLUMNS.join(', ')}) VALUES (${INSERT_COLUMNS.map((c) => `@${c}`).join(', ')})`).run(a);
}

export const getApplication = (db: Db, id: string): ApplicationRow | undefined =>
  db.prepare('SELECT * FROM applications WHERE id = ?').get(id) as ApplicationRow | undefined;

export const getApplicationByNumber = (db: Db, number: string): ApplicationRow | undefined =>
  db.prepare('SELECT * FROM applications WHERE number = ?').get(number) as ApplicationRow | undefined;

export type ApplicationPatch = Partial<Omit<ApplicationRow, 'seq' | 'id' | 'number' | 'version' | 'updated_at'>>;

/** Applies only the given columns and bumps the version that sync merges against. */
export function updateApplication(db: Db, id: string, patch: ApplicationPatch, now: number): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = [...entries.map(([k]) => `${k} = @${k}`), 'updated_at = @updated_at', 'version = version + 1'];
  db.prepare(`UPDATE applications SET ${sets.join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(entries), id, updated_at: now });
}

export interface DocumentRow {
  application_id: string;
  doc_code: string;
  state: 'pending' | 'present' | 'missing';
  note: string | null;
  sort: number;
  checked_by: string | null;
  checked_at: number | null;
}

export const listDocuments = (db: Db, applicationId: string): DocumentRow[] =>
  db.prepare('SELECT * FROM application_documents WHERE application_id = ? ORDER BY sort').all(applicationId) as DocumentRow[];

/** Keeps the states of documents still required, adds new ones as pending, drops those no longer required. */
export function syncDocuments(db: Db, applicationId: string, required: readonly string[]): void {
  const keep = new Set(required);
  for (const d of listDocuments(db, applicationId)) {
    if (!keep.has(d.doc_code))
      db.prepare('DELETE FROM application_documents WHERE application_id = ? AND doc_code = ?').run(applicationId, d.doc_code);
  }
  const insert = db.prepare(
    `INSERT INTO application_documents (application_id, doc_code, sort) VALUES (?, ?, ?)
     ON CONFLICT (application_id, doc_code) DO UPDATE SET sort = excluded.sort`,
  );
  required.forEach((code, i) => insert.run(applicationId, code, (i + 1) * 10));
}

export function setDocumentState(
  db: Db,
  p: { applicationId: string; docCode: string; state: string; note: string | null; userId: string; at: number },
): number {
  return db
    .prepare(
      'UPDATE application_documents SET state = @state, note = @note, checked_by = @userId, checked_at = @at WHERE application_id = @applicationId AND doc_code = @docCode',
    )
    .run(p).changes;
}

export interface TransitionRow {
  id: string;
  application_id: string;
  action: string;
  from_status: string | null;
  to_status: string;
  at: number;
  user_id: string;
  username: string;
  role: string;
  reason: string | null;
  override_by: string | null;
  override_reason: string | null;
  details: string;
}

export function insertTransition(db: Db, t: TransitionRow): void {
  db.prepare(
    `INSERT INTO application_transitions (id, application_id, action, from_status, to_status, at, user_id, username, role, reason,
     override_by, override_reason, details) VALUES (@id, @application_id, @action, @from_status, @to_status, @at, @user_id, @username,
     @role, @reason, @override_by, @override_reason, @details)`,
  ).run(t);
}

export const listTransitions = (db: Db, applicationId: string): TransitionRow[] =>
  db.prepare('SELECT * FROM application_transitions WHERE application_id = ? ORDER BY at, rowid').all(applicationId) as TransitionRow[];

/**
 * Everyone who processed the application (four-eyes: none of them may adjudicate it): whoever moved it
 * along, and whoever wrote anything to it or its payments and receipts (data, interview notes, documents,
 * captures) or authorised such a write by override, a manual payment confirmation included. Read from the
 * audit trail, which every write goes through, so a new kind of write counts without being listed here, and
 * from the payments themselves, which may come from another desk.
 */
export const processingUsers = (db: Db, applicationId: string): string[] =>
  db
    .prepare(
      `WITH touching AS (
         SELECT user_id, json_extract(summary, '$.overrideBy') AS override_by FROM audit_events
          WHERE (entity = 'application' AND entity_id = @id)
             OR json_extract(summary, '$.applicationId') = @id
             OR (entity = 'payment' AND entity_id IN (SELECT id FROM payments WHERE application_id = @id))
             OR (entity = 'receipt' AND entity_id IN (SELECT id FROM receipts WHERE application_id = @id))
         UNION ALL
         SELECT user_id, override_by FROM application_transitions WHERE application_id = @id
         -- A payment confirmed or billed at another desk arrives by pull without its audit event here.
         UNION ALL
         SELECT created_by, confirmed_by FROM payments WHERE application_id = @id
         UNION ALL
         SELECT user_id, NULL FROM payment_events WHERE payment_id IN (SELECT id FROM payments WHERE application_id = @id)
       )
       SELECT user_id FROM touching WHERE user_id IS NOT NULL
       UNION SELECT override_by FROM touching WHERE override_by IS NOT NULL`,
    )
    .pluck()
    .all({ id: applicationId }) as string[];

/** The officer who handed the passport over, once it was. */
export const getHandoverOfficer = (db: Db, applicationId: string): string | undefined =>
  db.prepare('SELECT officer_id FROM handovers WHERE application_id = ?').pluck().get(applicationId) as string | undefined;

export function insertHandover(
  db: Db,
  h: {
    id: string;
    application_id: string;
    at: number;
    officer_id: string;
    collector: string;
    representative_name: string | null;
    representative_id: string | null;
    note: string | null;
  },
): void {
  db.prepare(
    `INSERT INTO handovers (id, application_id, at, officer_id, collector, representative_name, representative_id, note)
     VALUES (@id, @application_id, @at, @officer_id, @collector, @representative_name, @representative_id, @note)`,
  ).run(h);
}

/** `ownOnly`: those made on this desk (every desk holds the office's; one desk's sweep expires each). */
export const readyBefore = (db: Db, cutoff: number, ownOnly = false): ApplicationRow[] =>
  db
    .prepare(
      `SELECT * FROM applications WHERE status = 'ready' AND ready_at <= ? ${ownOnly ? 'AND origin_workstation_id IS NULL' : ''} ORDER BY ready_at`,
    )
    .all(cutoff) as ApplicationRow[];

export const listByStatus = (db: Db, status: string, limit = 200): ApplicationRow[] =>
  db.prepare('SELECT * FROM applications WHERE status = ? ORDER BY updated_at LIMIT ?').all(status, limit) as ApplicationRow[];

export const listByBusinessDate = (db: Db, date: string, limit = 500): ApplicationRow[] =>
  db.prepare('SELECT * FROM applications WHERE business_date = ? ORDER BY seq DESC LIMIT ?').all(date, limit) as ApplicationRow[];
