import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@db/connection.js';
import { checkSequence, loadMigrations, migrate, MigrationError } from '@db/migrate.js';

const freshDb = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'loket-mig-')), 'test.sqlite'));
const tables = (db: ReturnType<typeof freshDb>) =>
  db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all();

describe('migration runner', () => {
  it('brings an empty database to the latest version, once', () => {
    const db = freshDb();
    const all = loadMigrations();
    expect(migrate(db)).toEqual({ from: 0, to: all.length });
    expect(migrate(db)).toEqual({ from: all.length, to: all.length });
    expect(db.pragma('user_version', { simple: true })).toBe(all.length);
  });

  it('seeds Nyepi 2027 on Tuesday 9 March, the day before as cuti bersama, and keeps every 2027 row unconfirmed', () => {
    const db = freshDb();
    migrate(db);
    const day = (date: string) => db.prepare('SELECT kind, name FROM holidays WHERE date = ?').get(date) as { kind: string; name: string };
    expect(day('2027-03-09')).toMatchObject({ kind: 'libur_nasional', name: expect.stringContaining('Nyepi') });
    expect(day('2027-03-08')).toMatchObject({ kind: 'cuti_bersama', name: expect.stringContaining('Nyepi') });
    expect(db.prepare("SELECT count(*) FROM holidays WHERE date LIKE '2027-%' AND confirmed = 1").pluck().get()).toBe(0);
  });

  it('opens with WAL, foreign keys and full sync', () => {
    const db = freshDb();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('refuses gaps and duplicates before running anything', () => {
    const m = (version: number) => ({ version, name: `m${version}`, sql: 'SELECT 1' });
    expect(() => checkSequence([m(1), m(3)])).toThrow(/Migration 2 is missing/);
    expect(() => checkSequence([m(1), m(1)])).toThrow(/Duplicate migration number 1/);
    const db = freshDb();
    expect(() => migrate(db, [m(1), m(3)])).toThrow(MigrationError);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a badly named file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-migdir-'));
    writeFileSync(join(dir, '0001_ok.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '2_bad name.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/must look like 0001_name.sql/);
  });

  it('rolls back a failing migration whole and keeps the version', () => {
    const db = freshDb();
    const failing = [{ version: 1, name: 'bad', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' }];
    expect(() => migrate(db, failing)).toThrow();
    expect(tables(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
  });

  it('refuses a database from a newer Loket', () => {
    const db = freshDb();
    db.pragma('user_version = 99');
    expect(() => migrate(db)).toThrow(/newer than this Loket/);
  });

  it('0001 creates the workstation schema with its guards', () => {
    const db = freshDb();
    migrate(db, loadMigrations().slice(0, 1));
    expect(tables(db)).toEqual(['audit_events', 'login_failures', 'offices', 'outbox', 'services', 'settings', 'user_services', 'users']);
    expect(() =>
      db
        .prepare(
          "INSERT INTO users (id, username, full_name, role, password_hash, created_at, updated_at) VALUES ('1','u','U','boss','h',0,0)",
        )
        .run(),
    ).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO user_services VALUES ('nobody', 'X')").run()).toThrow(/FOREIGN KEY/);
  });

  it('0016 admits the reception role and keeps every account, its services and the guards', () => {
    const db = freshDb();
    const all = loadMigrations();
    migrate(db, all.slice(0, 15));
    db.prepare("INSERT INTO services (code, prefix, name_id, name_en) VALUES ('PASPOR', 'A', 'Paspor', 'Passport')").run();
    const insertUser = db.prepare(
      'INSERT INTO users (id, username, full_name, role, password_hash, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, 0)',
    );
    insertUser.run('u1', 'ani', 'Ani', 'officer', 'h1');
    db.prepare("INSERT INTO user_services VALUES ('u1', 'PASPOR')").run();
    expect(() => insertUser.run('u2', 'rina', 'Rina', 'reception', 'h2')).toThrow(/CHECK/);

    migrate(db, all.slice(0, 16));
    expect(db.prepare('SELECT id, username, role, password_hash FROM users').all()).toEqual([
      { id: 'u1', username: 'ani', role: 'officer', password_hash: 'h1' },
    ]);
    expect(db.prepare('SELECT user_id, service_code FROM user_services').all()).toEqual([{ user_id: 'u1', service_code: 'PASPOR' }]);
    insertUser.run('u2', 'rina', 'Rina', 'reception', 'h2');
    expect(() => insertUser.run('u3', 'bos', 'Bos', 'boss', 'h3')).toThrow(/CHECK/);
    expect(() => insertUser.run('u4', 'ani', 'Ani Lagi', 'officer', 'h4')).toThrow(/UNIQUE/);
    expect(() => db.prepare("INSERT INTO user_services VALUES ('nobody', 'PASPOR')").run()).toThrow(/FOREIGN KEY/);
    expect(tables(db)).not.toContain('users_v16');
    expect(tables(db)).not.toContain('user_services_v16');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });
});
