import type { Db } from '@db/connection.js';

export interface CatalogueServiceRow {
  code: string;
  category: 'passport' | 'travel_document' | 'stay_permit';
  applicant_kind: 'citizen' | 'foreigner';
  name_id: string;
  name_en: string;
  passport_years: number | null;
  electronic: number;
  allows_acceleration: number;
  allowed_reasons: string;
  lead_working_days: number;
  accelerated_lead_working_days: number;
  sort: number;
}

export interface FeeDbRow {
  item_code: string;
  amount: number;
  effective_from: string;
  revision: number;
  verified: number;
  legal_basis: string;
}

export interface BookingRow {
  code: string;
  office_code: string;
  nik: string;
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F' | null;
  birth_place: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  service_code: string;
  reason: 'new' | 'renewal' | 'lost' | 'damaged';
  appointment_date: string;
  slot: string;
  billing_code: string | null;
  billing_amount: number | null;
  payment_status: 'unpaid' | 'paid' | 'expired' | null;
  paid_at: number | null;
  booked_at: number;
  status: string;
  application_id: string | null;
}

const SERVICE_COLUMNS = `code, category, applicant_kind, name_id, name_en, passport_years, electronic, allows_acceleration,
  allowed_reasons, lead_working_days, accelerated_lead_working_days, sort`;

export const listCatalogueServices = (db: Db): CatalogueServiceRow[] =>
  db.prepare(`SELECT ${SERVICE_COLUMNS} FROM catalogue_services WHERE active = 1 ORDER BY sort`).all() as CatalogueServiceRow[];

export const getCatalogueService = (db: Db, code: string): CatalogueServiceRow | undefined =>
  db.prepare(`SELECT ${SERVICE_COLUMNS} FROM catalogue_services WHERE code = ? AND active = 1`).get(code) as
    CatalogueServiceRow | undefined;

/** Every row of the given items; the domain picks the one in force (common/domain/applications/fees.ts). */
export function feeRows(db: Db, itemCodes: readonly string[]): FeeDbRow[] {
  if (itemCodes.length === 0) return [];
  return db
    .prepare(
      `SELECT item_code, amount, effective_from, revision, verified, legal_basis FROM fees WHERE item_code IN (${itemCodes.map(() => '?').join(', ')})`,
    )
    .all(...itemCodes) as FeeDbRow[];
}

export const allFeeRows = (db: Db): FeeDbRow[] =>
  db.prepare('SELECT item_code, amount, effective_from, revision, verified, legal_basis FROM fees').all() as FeeDbRow[];

export const feeItemNames = (db: Db): Map<string, { id: string; en: string }> =>
  new Map(
    (db.prepare('SELECT code, name_id, name_en FROM fee_items').all() as Array<{ code: string; name_id: string; name_en: string }>).map(
      (r) => [r.code, { id: r.name_id, en: r.name_en }],
    ),
  );

export const serviceDocumentRules = (db: Db, serviceCode: string): Array<{ doc_code: string; condition: string; sort: number }> =>
  db.prepare('SELECT doc_code, condition, sort FROM service_documents WHERE service_code = ? ORDER BY sort').all(serviceCode) as Array<{
    doc_code: string;
    condition: string;
    sort: number;
  }>;

export const documentTypeNames = (db: Db): Map<string, { id: string; en: string }> =>
  new Map(
    (
      db.prepare('SELECT code, name_id, name_en FROM document_types').all() as Array<{ code: string; name_id: string; name_en: string }>
    ).map((r) => [r.code, { id: r.name_id, en: r.name_en }]),
  );

/** Active holidays from `from` on (a lead time never reaches back). */
export const holidaysFrom = (db: Db, from: string): string[] =>
  db.prepare('SELECT date FROM holidays WHERE active = 1 AND date >= ? ORDER BY date').pluck().all(from) as string[];

export const officePrefix = (db: Db, officeCode: string): string | undefined =>
  db.prepare('SELECT prefix FROM office_prefixes WHERE office_code = ?').pluck().get(officeCode) as string | undefined;

export const getBooking = (db: Db, code: string): BookingRow | undefined =>
  db.prepare('SELECT * FROM bookings WHERE code = ?').get(code) as BookingRow | undefined;

export const markBookingCheckedIn = (db: Db, code: string, applicationId: string): void => {
  db.prepare("UPDATE bookings SET status = 'checked_in', application_id = ?, version = version + 1 WHERE code = ?").run(
    applicationId,
    code,
  );
};

/** Next number of a per-counter, per-day sequence (allocated inside the creating transaction). */
export function nextSequence(db: Db, scope: string): number {
  return db
    .prepare('INSERT INTO number_sequences (scope, last) VALUES (?, 1) ON CONFLICT (scope) DO UPDATE SET last = last + 1 RETURNING last')
    .pluck()
    .get(scope) as number;
}
