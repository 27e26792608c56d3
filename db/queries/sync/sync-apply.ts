// Writes of pulled records into the workstation's own tables (users, offices, services).
import type { Db } from '@db/connection.js';
import { stmt } from './sync-statements.js';

export interface SyncedUserRow {
  id: string;
  username: string;
  full_name: string;
  role: string;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  language: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export function upsertSyncedUser(db: Db, row: SyncedUserRow): void {
  stmt(
    db,
    `INSERT INTO users (id, username, full_name, role, password_hash, must_change_password, disabled, language, created_at, updated_at, version)
     VALUES (@id, @username, @full_name, @role, @password_hash, @must_change_password, @disabled, @language, @created_at, @updated_at, @version)
     ON CONFLICT (id) DO UPDATE SET username = excluded.username, full_name = excluded.full_name, role = excluded.role,
       password_hash = excluded.password_hash, must_change_password = excluded.must_change_password, disabled = excluded.disabled,
       language = excluded.language, updated_at = excluded.updated_at, version = excluded.version`,
  ).run(row);
}

/**
 * A local account that central does not know holds a username central gave to another account: the
 * central one wins; the local one is renamed out of the way and disabled (its op shows as rejected).
 */
export function renameClashingUser(db: Db, username: string, keepId: string): string | undefined {
  const clash = stmt(db, 'SELECT id FROM users WHERE username = ? AND id <> ?').get(username, keepId) as { id: string } | undefined;
  if (!clash) return undefined;
  stmt(db, "UPDATE users SET username = username || '~' || substr(id, -6), disabled = 1 WHERE id = ?").run(clash.id);
  return clash.id;
}

export const knownServiceCodes = (db: Db): Set<string> => new Set(stmt(db, 'SELECT code FROM services').pluck().all() as string[]);

export function upsertSyncedOffice(db: Db, row: { code: string; name: string; city: string; tz: string; version: number }): void {
  stmt(
    db,
    `INSERT INTO offices (code, name, city, tz, version) VALUES (@code, @name, @city, @tz, @version)
     ON CONFLICT (code) DO UPDATE SET name = excluded.name, city = excluded.city, tz = excluded.tz, version = excluded.version`,
  ).run(row);
}

export function upsertSyncedService(
  db: Db,
  row: { code: string; prefix: string; name_id: string; name_en: string; active: number; version: number },
): void {
  stmt(
    db,
    `INSERT INTO services (code, prefix, name_id, name_en, active, version) VALUES (@code, @prefix, @name_id, @name_en, @active, @version)
     ON CONFLICT (code) DO UPDATE SET prefix = excluded.prefix, name_id = excluded.name_id, name_en = excluded.name_en,
       active = excluded.active, version = excluded.version`,
  ).run(row);
}
