import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from './store/store.js';

/**
 * Beside this module in the source tree; a bundle that also carries the workstation's migrations
 * (main/start.ts with the embedded central) gets these copied to `central-migrations` instead.
 */
export const SERVER_MIGRATIONS_DIR =
  ['./migrations', './central-migrations']
    .map((rel) => fileURLToPath(new URL(rel, import.meta.url)))
    .find((dir) => existsSync(join(dir, '0001_central.sql'))) ?? fileURLToPath(new URL('./migrations', import.meta.url));
const FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface ServerMigration {
  version: number;
  name: string;
  sql: string;
}

/** Numbered files, no gaps: the same rule as the workstation's runner. */
export function loadServerMigrations(dir = SERVER_MIGRATIONS_DIR): ServerMigration[] {
  const list = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => {
      const m = FILE.exec(file);
      if (!m) throw new Error(`Server migration file name must look like 0001_name.sql: ${file}`);
      return { version: Number(m[1]), name: m[2] as string, sql: readFileSync(join(dir, file), 'utf8') };
    });
  list.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Server migration ${i + 1} is missing (found ${m.version})`);
  });
  return list;
}

/**
 * Applies every migration newer than the recorded version, all in one transaction. An advisory lock
 * keeps two server processes starting together on one PostgreSQL from racing.
 */
export async function migrateServer(store: Store, migrations = loadServerMigrations()): Promise<{ from: number; to: number }> {
  await store.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
  );
  return store.tx(async (sql) => {
    await sql.query('SELECT pg_advisory_xact_lock(7310001)');
    const rows = await sql.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
    const from = rows[0]?.v ?? 0;
    if (from > migrations.length)
      throw new Error(`Central database schema ${from} is newer than this server (${migrations.length}); update the server`);
    for (const m of migrations.slice(from)) {
      await sql.exec(m.sql);
      await sql.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
    }
    return { from, to: migrations.length };
  });
}

export async function schemaVersion(store: Store): Promise<number> {
  const rows = await store.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations');
  return rows[0]?.v ?? 0;
}
