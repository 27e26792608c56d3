import pg from 'pg';
import type { Sql, Store } from './store.js';

// int8 (change sequences, epoch ms) as JS numbers: they stay far below 2^53.
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') =>
    oid === 20 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format as 'text'),
};

export async function openPgStore(connectionString: string, onIdleError: (err: Error) => void = () => undefined): Promise<Store> {
  const pool = new pg.Pool({ connectionString, max: 8, types: types as pg.CustomTypesConfig });
  // A dropped idle connection must not crash the server; the pool replaces it.
  pool.on('error', onIdleError);
  const client = await pool.connect();
  client.release();
  const query = async <T>(text: string, params?: readonly unknown[]): Promise<T[]> =>
    (await pool.query(text, params as unknown[])).rows as T[];
  return {
    kind: 'postgres',
    query,
    exec: async (text) => {
      await pool.query(text);
    },
    async tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T> {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const sql: Sql = {
          query: async <R>(text: string, params?: readonly unknown[]) => (await c.query(text, params as unknown[])).rows as R[],
          exec: async (text) => {
            await c.query(text);
          },
        };
        const result = await fn(sql);
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  };
}
