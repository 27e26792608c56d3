import type { Db } from '@db/connection.js';
import type { Role } from '@common/domain/shared/roles.js';

export interface UserRow {
  id: string;
  username: string;
  full_name: string;
  role: Role;
  password_hash: string;
  must_change_password: number;
  disabled: number;
  language: 'id' | 'en';
  created_at: number;
  updated_at: number;
  version: number;
}

const COLUMNS = 'id, username, full_name, role, password_hash, must_change_password, disabled, language, created_at, updated_at, version';

export const getUserById = (db: Db, id: string): UserRow | undefined =>
  db.prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined;

export const getUserByUsername = (db: Db, username: string): UserRow | undefined =>
  db.prepare(`SELECT ${COLUMNS} FROM users WHERE username = ?`).get(username) as UserRow | undefined;

export const listUsers = (db: Db): UserRow[] => db.prepare(`SELECT ${COLUMNS} FROM users ORDER BY username`).all() as UserRow[];

export const countUsers = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n;

export function insertUser(db: Db, u: Omit<UserRow, 'version'>): void {
  db.prepare(
    `INSERT INTO users (${COLUMNS}) VALUES (@id, @username, @full_name, @role, @password_hash, @must_change_password,
     @disabled, @language, @created_at, @updated_at, 1)`,
  ).run(u);
}

export type UserPatch = Partial<Pick<UserRow, 'full_name' | 'role' | 'password_hash' | 'must_change_password' | 'disabled' | 'language'>>;

/** Applies only the given columns and bumps the version that sync compares against. */
export function updateUser(db: Db, id: string, patch: UserPatch, now: number): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = [...entries.map(([k]) => `${k} = @${k}`), 'updated_at = @updated_at', 'version = version + 1'];
  db.prepare(`UPDATE users SET ${sets.join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(entries), id, updated_at: now });
}

export const userServices = (db: Db, userId: string): string[] =>
  db.prepare('SELECT service_code FROM user_services WHERE user_id = ? ORDER BY service_code').pluck().all(userId) as string[];

export function setUserServices(db: Db, userId: string, codes: readonly string[]): void {
  db.prepare('DELETE FROM user_services WHERE user_id = ?').run(userId);
  const insert = db.prepare('INSERT INTO user_services (user_id, service_code) VALUES (?, ?)');
  for (const code of new Set(codes)) insert.run(userId, code);
}
