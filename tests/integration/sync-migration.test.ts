// Migration 0003 (sync state): its tables, and the guards that hold the sync rules at the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@db/connection.js';
import { loadMigrations, migrate } from '@db/migrate.js';

const opened: Array<{ dir: string; db: ReturnType<typeof openDatabase> }> = [];
afterAll(() => {
  for (const { dir, db } of opened) {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

const migratedTo = (version: number) => {
  const dir = mkdtempSync(join(tmpdir(), 'loket-sync-mig-'));
  const db = openDatabase(join(dir, 'test.sqlite'));
  opened.push({ dir, db });
  migrate(db, loadMigrations().slice(0, version));
  return db;
};

describe('migration 0003_sync', () => {
  it('adds the sync tables and the outbox columns', () => {
    const db = migratedTo(3);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'sync_%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['sync_blobs', 'sync_cursor', 'sync_deferred', 'sync_records', 'sync_state', 'sync_versions']);
    const outbox = (db.prepare('PRAGMA table_info(outbox)').all() as Array<{ name: string }>).map((c) => c.name);
    expect(outbox).toEqual(expect.arrayContaining(['last_attempt_at', 'resolved_at', 'resolution']));
    expect(db.prepare('SELECT seq FROM sync_cursor').all()).toEqual([{ seq: 0 }]);
  });

  it('keeps the cursor from ever going backwards', () => {
    const db = migratedTo(3);
    db.prepare('UPDATE sync_cursor SET seq = 10').run();
    db.prepare('UPDATE sync_cursor SET seq = 10').run();
    expect(() => db.prepare('UPDATE sync_cursor SET seq = 9').run()).toThrow(/never goes backwards/);
    expect(() => db.prepare('INSERT INTO sync_cursor (id, seq) VALUES (2, 0)').run()).toThrow(/CHECK/);
    expect(db.prepare('SELECT seq FROM sync_cursor').pluck().get()).toBe(10);
  });

  it('keeps resolutions and blob addresses to their shapes', () => {
    const db = migratedTo(3);
    db.prepare(
      "INSERT INTO outbox (op_id, entity, entity_id, op, payload, created_at) VALUES ('o1', 'user', 'u1', 'users.update', '{}', 0)",
    ).run();
    expect(() => db.prepare("UPDATE outbox SET resolution = 'maybe' WHERE op_id = 'o1'").run()).toThrow(/CHECK/);
    expect(() =>
      db.prepare("INSERT INTO sync_blobs (sha256, size, data, mime, created_at) VALUES ('abc', 1, x'00', 'x/y', 0)").run(),
    ).toThrow(/CHECK/);
  });

  it('upgrades a database that already has outbox rows', () => {
    const db = migratedTo(2);
    db.prepare(
      "INSERT INTO outbox (op_id, entity, entity_id, op, payload, created_at) VALUES ('o1', 'user', 'u1', 'users.update', '{}', 0)",
    ).run();
    migrate(db, loadMigrations().slice(0, 3));
    expect(db.prepare('SELECT status, resolved_at, resolution FROM outbox').get()).toEqual({
      status: 'pending',
      resolved_at: null,
      resolution: null,
    });
  });
});
