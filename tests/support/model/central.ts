// Test centrals: PGlite in a temp folder, or a fresh database on the PostgreSQL of DATABASE_URL
// (created per run and dropped after, so engineers' runs never share state).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createCentral, type Central } from '@server/app.js';
import type { EntityDef } from '@server/entities/types.js';
import type { AdminRoute, RouteInput, RouteResponse } from '@common/central/routes.js';
import { adminCall } from '../central-client.js';
import type { CentralLog } from '@server/http/log.js';

export type StoreKind = 'pglite' | 'postgres';

/** PGlite always; PostgreSQL too when DATABASE_URL is set. */
export const storeKinds = (): StoreKind[] => (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']);
/** The one store a slower suite runs on: real PostgreSQL when there is one. */
export const preferredStore = (): StoreKind => (process.env.DATABASE_URL ? 'postgres' : 'pglite');

async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) throw new Error('DATABASE_URL is not set');
  const name = `loket_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';

export interface TestCentral {
  kind: StoreKind;
  url: string;
  dataDir: string;
  central: Central;
  /** An admin call by its route entry that must succeed; the answer parsed by the route's schema. */
  admin<R extends AdminRoute>(
    route: R,
    ...input: object extends RouteInput<R> ? [input?: RouteInput<R>] : [input: RouteInput<R>]
  ): Promise<RouteResponse<R>>;
  /** Stops and starts the server on the same port and database (in-flight requests fail). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startTestCentral(
  kind: StoreKind,
  opts: { entities?: readonly EntityDef[]; now?: () => number; log?: CentralLog } = {},
): Promise<TestCentral> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-central-'));
  const db = kind === 'postgres' ? await createTestDatabase() : undefined;
  // A test that sets central's clock by hand decides when days end (server/queue/day-end.ts is called directly).
  const open = () =>
    createCentral({
      dataDir,
      databaseUrl: db?.url,
      adminToken: ADMIN_TOKEN,
      entities: opts.entities,
      now: opts.now,
      dayEndSweepMs: opts.now ? null : undefined,
      log: opts.log,
    });
  let central = await open();
  const url = await central.listen({ host: '127.0.0.1', port: 0 });
  const port = Number(new URL(url).port);
  const handle: TestCentral = {
    kind,
    url,
    dataDir,
    get central() {
      return central;
    },
    admin: (route, ...input) => adminCall(handle, route, ...input),
    async restart() {
      await central.close();
      central = await open();
      await central.listen({ host: '127.0.0.1', port });
    },
    async close() {
      await central.close();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
