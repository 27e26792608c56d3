import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { Sql, Store } from './store.js';

/** PGlite is one connection in this process: its own mutex serialises queries and transactions. */
export async function openPgliteStore(dataDir?: string): Promise<Store> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = new PGlite(dataDir, { parsers: { 20: (v: string) => Number(v) } });
  await db.waitReady;
  const query = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> => (await db.query<T>(text, params as unknown[])).rows;
  return {
    kind: 'pglite',
    query,
    exec: async (text) => {
      await db.exec(text);
    },
    tx: <T>(fn: (sql: Sql) => Promise<T>): Promise<T> =>
      db.transaction(async (tx) =>
        fn({
          query: async <R>(text: string, params?: readonly unknown[]) => (await tx.query<R>(text, params as unknown[])).rows,
          exec: async (text) => {
            await tx.exec(text);
          },
        }),
      ),
    close: () => db.close(),
  };
}
