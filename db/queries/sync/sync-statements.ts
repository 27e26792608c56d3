import type { Statement } from 'better-sqlite3-multiple-ciphers';
import type { Db } from '@db/connection.js';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** Pulls apply tens of thousands of rows: statements are prepared once per connection, not per row. */
export function stmt(db: Db, sql: string): Statement {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let s = forDb.get(sql);
  if (!s) forDb.set(sql, (s = db.prepare(sql)));
  return s;
}
