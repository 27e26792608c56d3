import type { OfficeSeed } from '@common/domain/shared/offices.js';
import type { Db } from '@db/connection.js';

export interface OfficeRow {
  code: string;
  name: string;
  city: string;
  tz: string;
}
export interface ServiceRow {
  code: string;
  prefix: string;
  name_id: string;
  name_en: string;
}

export function upsertOffices(db: Db, offices: readonly OfficeSeed[]): void {
  const stmt = db.prepare(
    `INSERT INTO offices (code, name, city, tz) VALUES (@code, @name, @city, @tz)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, city = excluded.city, tz = excluded.tz`,
  );
  for (const o of offices) stmt.run(o);
}

export function upsertServices(db: Db, services: ReadonlyArray<{ code: string; prefix: string; nameId: string; nameEn: string }>): void {
  const stmt = db.prepare(
    `INSERT INTO services (code, prefix, name_id, name_en) VALUES (@code, @prefix, @nameId, @nameEn)
     ON CONFLICT (code) DO UPDATE SET prefix = excluded.prefix, name_id = excluded.name_id, name_en = excluded.name_en`,
  );
  for (const s of services) stmt.run(s);
}

export const listOffices = (db: Db): OfficeRow[] =>
  db.prepare('SELECT code, name, city, tz FROM offices ORDER BY name').all() as OfficeRow[];

export const getOffice = (db: Db, code: string): OfficeRow | undefined =>
  db.prepare('SELECT code, name, city, tz FROM offices WHERE code = ?').get(code) as OfficeRow | undefined;

export const listServices = (db: Db): ServiceRow[] =>
  db.prepare('SELECT code, prefix, name_id, name_en FROM services WHERE active = 1 ORDER BY prefix').all() as ServiceRow[];

export function unknownServiceCodes(db: Db, codes: readonly string[]): string[] {
  const known = new Set(listServices(db).map((s) => s.code));
  return codes.filter((c) => !known.has(c));
}
