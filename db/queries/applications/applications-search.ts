// Search by the keys an officer has in hand. Each is an index lookup; names go through the FTS5 index
// (unicode61 with diacritics removed: case and accent insensitive), newest first.
import type { Db } from '@db/connection.js';
import type { ApplicationRow } from './applications.js';

const COLUMNS =
  'a.id, a.number, a.booking_code, a.status, a.service_code, a.full_name, a.nik, a.passport_number, a.birth_date, a.business_date, a.updated_at';
export type SearchRow = Pick<
  ApplicationRow,
  | 'id'
  | 'number'
  | 'booking_code'
  | 'status'
  | 'service_code'
  | 'full_name'
  | 'nik'
  | 'passport_number'
  | 'birth_date'
  | 'business_date'
  | 'updated_at'
>;

export const byNumber = (db: Db, number: string): SearchRow[] =>
  db.prepare(`SELECT ${COLUMNS} FROM applications a WHERE a.number = ?`).all(number) as SearchRow[];

export const byBookingCode = (db: Db, code: string, limit: number): SearchRow[] =>
  db.prepare(`SELECT ${COLUMNS} FROM applications a WHERE a.booking_code = ? ORDER BY a.seq DESC LIMIT ?`).all(code, limit) as SearchRow[];

export const byNik = (db: Db, nik: string, limit: number): SearchRow[] =>
  db.prepare(`SELECT ${COLUMNS} FROM applications a WHERE a.nik = ? ORDER BY a.seq DESC LIMIT ?`).all(nik, limit) as SearchRow[];

export const byPassport = (db: Db, passport: string, limit: number): SearchRow[] =>
  db
    .prepare(`SELECT ${COLUMNS} FROM applications a WHERE a.passport_number = ? ORDER BY a.seq DESC LIMIT ?`)
    .all(passport, limit) as SearchRow[];

/** Every token a prefix, all tokens required: "sant bud" finds BUDI SANTOSO. Tokens are quoted, so no FTS syntax leaks in. */
export function ftsPrefixQuery(tokens: readonly string[]): string {
  return tokens.map((t) => `"${t.replace(/"/g, '""')}"*`).join(' AND ');
}

export const byNamePrefix = (db: Db, tokens: readonly string[], limit: number): SearchRow[] =>
  tokens.length === 0
    ? []
    : (db
        .prepare(
          `SELECT ${COLUMNS} FROM applications_names n JOIN applications a ON a.seq = n.rowid WHERE applications_names MATCH ? ORDER BY n.rowid DESC LIMIT ?`,
        )
        .all(ftsPrefixQuery(tokens), limit) as SearchRow[]);
