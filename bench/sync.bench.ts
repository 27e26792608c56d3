// What is measured: central's push apply throughput against raw batched INSERTs into the same
// PostgreSQL; the initial pull of a 50,000-record office into an empty workstation against a raw local
// bulk insert (PGlite and PostgreSQL); and how soon a change made on workstation A shows on B.
// PostgreSQL figures need DATABASE_URL (a scratch database is created and dropped); PGlite always runs.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { Core } from '../main/core/core.js';
import { dispatch } from '../main/ipc/dispatch.js';
import { startSync } from '../main/sync/index.js';
import type { SyncClient } from '../main/sync/client.js';
import { identityFrom, newKeyPair, Transport } from '../main/sync/transport.js';
import type { WireOp } from '../common/central/protocol.js';
import { syncRoutes } from '../common/central/routes.js';
import { createCentral, type Central } from '../server/app.js';
import { createEnrolmentCode, createUser } from '@server/admin/ops.js';
import { appendOnly } from '../server/entities/kinds.js';
import { loadMigrations, migrate } from '../db/migrate.js';
import { median, type BenchResult } from './types.js';

const PUSH_OPS = 10_000;
const PUSH_BATCH = 500;
const PULL_RECORDS = 50_000;
const VISIBILITY_SAMPLES = 40;
const ADMIN = 'bench-admin-token-0123456789abcdef';
const PASSWORD = 'Bench-Loket-2026';

interface BenchCentral {
  central: Central;
  url: string;
  kind: 'postgres' | 'pglite';
  databaseUrl?: string;
  close(): Promise<void>;
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL;
  if (!base) return undefined;
  const name = `loket_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const c = new pg.Client({ connectionString: base });
    await c.connect();
    await c.query(sql).finally(() => c.end());
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function startCentral(kind: 'postgres' | 'pglite'): Promise<BenchCentral> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-central-'));
  const db = kind === 'postgres' ? await scratchDatabase() : undefined;
  const central = await createCentral({ dataDir, databaseUrl: db?.url, adminToken: ADMIN, entities: [appendOnly('payment')] });
  const url = await central.listen();
  return {
    central,
    url,
    kind,
    databaseUrl: db?.url,
    close: async () => {
      await central.close();
      await db?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

async function enrolRaw(c: BenchCentral): Promise<Transport> {
  const id = identityFrom(randomUUID(), newKeyPair().privatePem);
  const { code } = await createEnrolmentCode(c.central.deps, 'banyumanik', 1);
  const t = new Transport({ baseUrl: c.url, identity: id });
  await t.call(syncRoutes.enrol, {
    body: { code, workstationId: id.workstationId, name: 'BENCH', officeCode: 'banyumanik', publicKey: id.publicKey },
  });
  return t;
}

/** The officer central holds, who records every pushed payment: central authorises each op against its accounts. */
interface BenchActor {
  userId: string;
  username: string;
}

const paymentOp = (deviceSeq: number, actor: BenchActor): WireOp => {
  const data = { applicationId: uuidv7(), amount: 350_000, method: 'billing', billingCode: String(820_000_000_000_000 + deviceSeq) };
  return {
    opId: uuidv7(),
    deviceSeq,
    entity: 'payment',
    entityId: uuidv7(),
    op: 'payments.recordBilling',
    baseVersion: null,
    createdAt: Date.now(),
    payload: {
      audit: {
        action: 'payments.recordBilling',
        userId: actor.userId,
        username: actor.username,
        role: 'officer',
        workstation: 'LOKET-03',
        at: Date.now(),
      },
      data,
    },
    blobs: [],
  };
};

/** The same op rows, batched the same way, as multi-row INSERTs into one plain table. */
async function rawInserts(databaseUrl: string, batches: WireOp[][]): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      'CREATE TABLE bench_raw_ops (op_id text PRIMARY KEY, device_seq bigint, entity text, entity_id text, op text, payload jsonb, applied_at bigint)',
    );
    const t0 = performance.now();
    for (const batch of batches) {
      const values: unknown[] = [];
      const rows = batch.map((o, i) => {
        values.push(o.opId, o.deviceSeq, o.entity, o.entityId, o.op, JSON.stringify(o.payload), Date.now());
        const b = i * 7;
        return `($${b + 1}, $${b + 2}, $${b + 3}, $${b + 4}, $${b + 5}, $${b + 6}, $${b + 7})`;
      });
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_raw_ops (op_id, device_seq, entity, entity_id, op, payload, applied_at) VALUES ${rows.join(', ')}`,
        values,
      );
      await client.query('COMMIT');
    }
    return performance.now() - t0;
  } finally {
    await client.end();
  }
}

async function pushThroughput(): Promise<BenchResult[]> {
  const kind = process.env.DATABASE_URL ? 'postgres' : 'pglite';
  const c = await startCentral(kind);
  try {
    const transport = await enrolRaw(c);
    const officer = await createUser(c.central.deps, {
      officeCode: 'banyumanik',
      username: 'petugas1',
      fullName: 'Petugas Satu',
      role: 'officer',
      password: 'Sementara-2026-x',
      services: [],
      language: 'id',
    });
    const ops = Array.from({ length: PUSH_OPS }, (_, i) => paymentOp(i + 1, { userId: officer.id, username: officer.username }));
    const batches = Array.from({ length: PUSH_OPS / PUSH_BATCH }, (_, i) => ops.slice(i * PUSH_BATCH, (i + 1) * PUSH_BATCH));
    const t0 = performance.now();
    for (const batch of batches) {
      const r = await transport.call(syncRoutes.push, { body: { officeCode: 'banyumanik', ops: batch } });
      if (r.results.some((x) => x.status !== 'applied')) throw new Error('bench push: an op was not applied');
    }
    const pushMs = performance.now() - t0;
    const perSecond = (PUSH_OPS / pushMs) * 1000;
    const results: BenchResult[] = [];
    if (kind === 'postgres') {
      const rawMs = await rawInserts(c.databaseUrl as string, batches);
      results.push({
        name: `push ${PUSH_OPS.toLocaleString('en')} ops in batches of ${PUSH_BATCH} (signed HTTP, validated, applied once each, PostgreSQL): time`,
        value: pushMs,
        unit: 'ms',
        baseline: { name: 'raw batched INSERTs of the same op rows into the same PostgreSQL', value: rawMs },
        target: 'ratio <= 3',
      });
    }
    results.push({ name: `push apply throughput (${kind})`, value: perSecond, unit: 'ops/s' });
    return results;
  } finally {
    await c.close();
  }
}

async function fillOffice(c: BenchCentral, n: number): Promise<void> {
  // Setup, not measured: the office's records and change feed written directly.
  await c.central.deps.store.tx(async (sql) => {
    const [row] = await sql.query<{ last_seq: number }>("SELECT last_seq FROM office_seq WHERE office_code = 'banyumanik'");
    const base = row?.last_seq ?? 0;
    await sql.query(
      `INSERT INTO records (office_code, entity, entity_id, version, data, meta, deleted, updated_seq, updated_at)
       SELECT 'banyumanik', 'payment', 'p-' || lpad(g::text, 8, '0'), 1,
         jsonb_build_object('applicationId', 'a-' || g, 'amount', 350000, 'method', 'billing', 'billingCode', (820000000000000 + g)::text), '{}', false, $1 + g, 0
       FROM generate_series(1, $2) AS g`,
      [base, n],
    );
    await sql.query(
      `INSERT INTO changes (office_code, seq, entity, entity_id, version, data, deleted, op_id, origin, at)
       SELECT office_code, updated_seq, entity, entity_id, version, data, deleted, NULL, 'bench', 0 FROM records
       WHERE office_code = 'banyumanik' AND entity = 'payment'`,
    );
    await sql.query("UPDATE office_seq SET last_seq = last_seq + $1 WHERE office_code = 'banyumanik'", [n]);
  });
}

interface BenchStation {
  core: Core;
  client: SyncClient;
  token: string;
  close(): Promise<void>;
}

async function station(c: BenchCentral, name: string, opts: Parameters<typeof startSync>[1] = {}): Promise<BenchStation> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-ws-'));
  const core = Core.open({ dataDir });
  const setup = await dispatch(core, 'setup.initialize', {
    officeCode: 'banyumanik',
    workstationName: name,
    counterNumber: 1,
    language: 'id',
    admin: { username: `admin${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`, fullName: 'Bench Admin', password: PASSWORD },
  });
  if (!setup.ok) throw new Error(JSON.stringify(setup.error));
  const login = await dispatch(core, 'auth.login', {
    username: `admin${name.toLowerCase().replace(/[^a-z0-9]/g, '')}`,
    password: PASSWORD,
  });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  const client = await startSync(core, { background: false, ...opts });
  const { code } = await createEnrolmentCode(c.central.deps, 'banyumanik', 1);
  await client.enrol(c.url, code);
  return {
    core,
    client,
    token: (login.value as { sessionToken: string }).sessionToken,
    close: async () => {
      await client.stop();
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function rawLocalInsert(rows: Array<{ id: string; data: string }>): number {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-raw-'));
  const db = new Database(join(dir, 'raw.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  migrate(db, loadMigrations());
  const insert = db.prepare("INSERT INTO sync_records (entity, entity_id, version, data, deleted) VALUES ('payment', ?, 1, ?, 0)");
  const t0 = performance.now();
  db.transaction(() => {
    for (const r of rows) insert.run(r.id, r.data);
  })();
  const ms = performance.now() - t0;
  db.close();
  rmSync(dir, { recursive: true, force: true });
  return ms;
}

async function initialPull(kind: 'postgres' | 'pglite'): Promise<BenchResult> {
  const c = await startCentral(kind);
  try {
    await fillOffice(c, PULL_RECORDS);
    const ws = await station(c, 'LOKET-PULL');
    const t0 = performance.now();
    await ws.client.pullAll(0);
    const ms = performance.now() - t0;
    const rows = ws.core.liveDb.prepare("SELECT entity_id AS id, data FROM sync_records WHERE entity = 'payment'").all() as Array<{
      id: string;
      data: string;
    }>;
    if (rows.length !== PULL_RECORDS) throw new Error(`bench pull: ${rows.length} records arrived`);
    await ws.close();
    return {
      name: `initial pull of ${PULL_RECORDS.toLocaleString('en')} records into an empty workstation (${kind})`,
      value: ms,
      unit: 'ms',
      baseline: { name: 'raw bulk insert of the same rows into local SQLite (one transaction)', value: rawLocalInsert(rows) },
      target: '< 5000 ms',
    };
  } finally {
    await c.close();
  }
}

async function visibility(): Promise<BenchResult> {
  const c = await startCentral(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const a = await station(c, 'LOKET-A', { background: true });
  const b = await station(c, 'LOKET-B', { background: true });
  try {
    const created = await dispatch(
      a.core,
      'users.create',
      { username: 'terlihat', fullName: 'Belum Berubah', role: 'officer', password: 'Sementara-2026-x' },
      { sessionToken: a.token },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    const id = (created.value as { id: string }).id;
    const nameAtB = b.core.liveDb.prepare('SELECT full_name FROM users WHERE id = ?').pluck();
    const until = async (pred: () => boolean): Promise<void> => {
      while (!pred()) await new Promise((r) => setTimeout(r, 1));
    };
    await until(() => nameAtB.get(id) !== undefined);
    const samples: number[] = [];
    for (let i = 0; i < VISIBILITY_SAMPLES; i++) {
      const fullName = `Nama Ke ${i}`;
      const t0 = performance.now();
      const r = await dispatch(a.core, 'users.update', { id, fullName }, { sessionToken: a.token });
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      await until(() => nameAtB.get(id) === fullName);
      samples.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 20));
    }
    const health = [];
    for (let i = 0; i < 20; i++) {
      const t0 = performance.now();
      await (await fetch(`${c.url}/health`)).json();
      health.push(performance.now() - t0);
    }
    return {
      name: 'a change on workstation A visible on workstation B (median, loopback, long-poll)',
      value: median(samples),
      unit: 'ms',
      baseline: { name: 'one HTTP round trip to central (GET /health)', value: median(health) },
      target: '< 200 ms',
    };
  } finally {
    await a.close();
    await b.close();
    await c.close();
  }
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  results.push(...(await pushThroughput()));
  results.push(await initialPull('pglite'));
  if (process.env.DATABASE_URL) results.push(await initialPull('postgres'));
  results.push(await visibility());
  return results;
}
