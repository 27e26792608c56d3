// One store interface over PostgreSQL (pg Pool) and PGlite (embedded): every query in server/ is plain
// PostgreSQL with $n parameters, so both run the same SQL and the same tests.

export interface Sql {
  query<T = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements without parameters (migrations). */
  exec(text: string): Promise<void>;
}

export interface Store extends Sql {
  readonly kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction (READ COMMITTED); rolls back when it throws. */
  tx<T>(fn: (sql: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface StoreOptions {
  /** postgres://... ; without it the store is PGlite in `dataDir` (or in memory when that is unset too). */
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** Hears a dropped idle PostgreSQL connection (the pool replaces it). */
  onIdleError?: (err: Error) => void;
}

export async function openStore(opts: StoreOptions): Promise<Store> {
  if (opts.databaseUrl) {
    const { openPgStore } = await import('./pg.js');
    return openPgStore(opts.databaseUrl, opts.onIdleError);
  }
  const { openPgliteStore } = await import('./pglite.js');
  return openPgliteStore(opts.dataDir);
}
