import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './connection.js';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// In the bundle this resolves next to out/main/*.mjs, where the build copies db/migrations.
export const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations', import.meta.url));

const FILE_PATTERN = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export class MigrationError extends Error {
  override name = 'MigrationError';
}

/** Reads NNNN_name.sql files and refuses gaps, duplicates and stray names before anything runs. */
export function loadMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const migrations = files.map((file) => {
    const m = FILE_PATTERN.exec(file);
    if (!m) throw new MigrationError(`Migration file name must look like 0001_name.sql: ${file}`);
    return { version: Number(m[1]), name: m[2] as string, sql: readFileSync(join(dir, file), 'utf8') };
  });
  checkSequence(migrations);
  return migrations;
}

export function checkSequence(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version === migrations[i - 1]?.version) throw new MigrationError(`Duplicate migration number ${m.version}`);
    if (m.version !== i + 1) throw new MigrationError(`Migration ${i + 1} is missing (found ${m.version} instead)`);
  });
}

/** Applies every migration newer than PRAGMA user_version, each in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[] = loadMigrations()): { from: number; to: number } {
  checkSequence(migrations);
  const from = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.length;
  if (from > latest) {
    throw new MigrationError(`Database schema ${from} is newer than this Loket (${latest}); update Loket first`);
  }
  for (const m of migrations.slice(from)) {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: latest };
}
