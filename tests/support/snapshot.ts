import { createHash } from 'node:crypto';
import type { Db } from '@db/connection.js';

/**
 * A digest of every row of every table: equal digests mean nothing was written.
 * Rows are compared as a sorted set of their JSON, so WITHOUT ROWID and virtual tables digest the same way.
 */
export function dbDigest(db: Db): string {
  const hash = createHash('sha256');
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
  for (const table of tables) {
    hash.update(`#${table}\n`);
    const rows = (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).map((row) => JSON.stringify(row, bigints));
    for (const row of rows.sort()) hash.update(row);
  }
  return hash.digest('hex');
}

function bigints(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}
