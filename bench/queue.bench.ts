// What is measured. (1) 50 counters calling next concurrently over signed HTTP against 10,000
// waiting tickets: p50/p99 of call-next, zero double assignments, beside the bare call-next SQL
// statement run the same way (50 concurrent connections). (2) From a call at a counter to a board's
// long poll answering with it. (3) The wait-estimate backtest's mean absolute error over generated
// days, beside the estimate without history. (4) Issue, call next, start and finish over HTTP at 10
// counters (issue and finish publish the ticket into the office's change feed, call next and
// start do not), each beside start, the same kind of ticket update without publishing.
// PostgreSQL with DATABASE_URL, PGlite otherwise. LOKET_BENCH_QUEUE_SECONDS (default 30) sets how long
// the counters call in (1) and (4).
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { queueRoutes, syncRoutes } from '@common/central/routes.js';
import { backtestWaitEstimate } from '@common/domain/queue/backtest.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import { businessDate } from '@common/domain/shared/working-days.js';
import { identityFrom, newKeyPair, Transport } from '../main/sync/transport.js';
import { createEnrolmentCode } from '@server/admin/ops.js';
import { createCentral } from '../server/app.js';
import { callNextSql } from '../server/queue/calls.js';
import { ensureQueueConfig, saveCounter } from '../server/queue/rows.js';
import { median, percentile, type BenchResult } from './types.js';

const COUNTERS = 50;
const WAITING = 10_000;
const SECONDS = Number(process.env.LOKET_BENCH_QUEUE_SECONDS ?? 30);
const ADMIN = 'bench-admin-token-0123456789abcdef';
const SERVICES = ['PASPOR_JANJI', 'PASPOR_PRIORITAS', 'PENGAMBILAN', 'IZIN_TINGGAL'];

async function scratch(): Promise<{ url: string; drop: () => Promise<void> } | undefined> {
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

/** 10,000 waiting tickets across the services, a tenth with a priority group, a quarter with slots. */
const SEED_SQL = `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, origin, created_at)
  SELECT $5::text || g, 'banyumanik', $1::text, ($4::text[])[1 + g % 4], 'X-' || g, 'waiting', $2::bigint - g * 1000,
    CASE WHEN g % 4 = 0 THEN $2::bigint + (g % 50) * 60000 END, CASE WHEN g % 10 = 0 THEN 'lansia' END, 'bench', $2::bigint
  FROM generate_series(1, $3::int) g`;

export async function run(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-queue-'));
  const db = await scratch();
  const central = await createCentral({ dataDir, databaseUrl: db?.url, adminToken: ADMIN });
  const kind = central.deps.store.kind;
  const url = await central.listen();
  const store = central.deps.store;
  const results: BenchResult[] = [];
  try {
    const id = identityFrom(randomUUID(), newKeyPair().privatePem);
    const { code } = await createEnrolmentCode(central.deps, 'banyumanik', 1);
    const t = new Transport({ baseUrl: url, identity: id });
    await t.call(syncRoutes.enrol, {
      body: { code, workstationId: id.workstationId, name: 'BENCH', officeCode: 'banyumanik', publicKey: id.publicKey },
    });
    await store.tx(async (sql) => {
      await ensureQueueConfig(sql, 'banyumanik');
      for (let n = 1; n <= COUNTERS; n++)
        await saveCounter(sql, 'banyumanik', { id: String(n), name: `Loket ${n}`, number: n, services: SERVICES, open: true });
    });
    const now = Date.now();
    const day = businessDate(now, 'Asia/Jakarta');
    await store.query(SEED_SQL, [day, now, WAITING, SERVICES, 'h']);

    // (1) over HTTP: each counter calls, then finishes (untimed) so it may call again.
    const latencies: number[] = [];
    const deadline = performance.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: COUNTERS }, async (_, i) => {
        const counterId = String(i + 1);
        while (performance.now() < deadline) {
          const t0 = performance.now();
          const r = await t.call(queueRoutes.callNext, { body: { counterId, requestId: randomUUID().replace(/-/g, '') } });
          latencies.push(performance.now() - t0);
          if (!r.ticket) return;
          await store.query(`UPDATE tickets SET status = 'done', finished_at = $2 WHERE id = $1`, [r.ticket.id, Date.now()]);
        }
      }),
    );
    const doubles = await store.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT ticket_id FROM ticket_events WHERE kind = 'called' GROUP BY ticket_id HAVING count(*) > 1) d`,
    );

    // The bare statement, 50 concurrent connections, same finish between calls, same duration.
    await store.query(`UPDATE tickets SET status = 'waiting', counter_id = NULL, called_at = NULL WHERE origin = 'bench'`);
    const bare: number[] = [];
    const sqlText = callNextSql(now, DEFAULT_QUEUE_RULES.agingMs);
    const bareDeadline = performance.now() + SECONDS * 1000;
    if (kind === 'postgres') {
      const pool = new pg.Pool({ connectionString: db!.url, max: COUNTERS });
      // $6: the officer, as central's call next sets it.
      await Promise.all(
        Array.from({ length: COUNTERS }, async (_, i) => {
          while (performance.now() < bareDeadline) {
            const t0 = performance.now();
            const r = await pool.query(sqlText, ['banyumanik', String(i + 1), day, JSON.stringify(SERVICES), Date.now(), 'bench']);
            bare.push(performance.now() - t0);
            if (r.rows.length === 0) return;
            await pool.query(`UPDATE tickets SET status = 'done' WHERE id = $1`, [r.rows[0].id]);
          }
        }),
      );
      await pool.end();
    } else {
      await Promise.all(
        Array.from({ length: COUNTERS }, async (_, i) => {
          while (performance.now() < bareDeadline) {
            const t0 = performance.now();
            const rows = await store.query<{ id: string }>(sqlText, [
              'banyumanik',
              String(i + 1),
              day,
              JSON.stringify(SERVICES),
              Date.now(),
              'bench',
            ]);
            bare.push(performance.now() - t0);
            if (rows.length === 0) return;
            await store.query(`UPDATE tickets SET status = 'done' WHERE id = $1`, [rows[0]!.id]);
          }
        }),
      );
    }
    const p50 = median(latencies);
    const p99 = percentile(latencies, 99);
    results.push({
      name: `call-next over HTTP, ${COUNTERS} counters, ${WAITING} waiting, ${SECONDS}s (${kind}) p50`,
      value: p50,
      unit: 'ms',
      baseline: { name: 'bare SQL p50', value: median(bare) },
    });
    results.push({
      name: `call-next over HTTP (${kind}) p99`,
      value: p99,
      unit: 'ms',
      baseline: { name: 'bare SQL p99', value: percentile(bare, 99) },
      target: kind === 'postgres' ? '< 25 ms' : undefined,
    });
    results.push({
      name: `call-next calls made (${kind})`,
      value: latencies.length,
      unit: 'calls',
      baseline: { name: 'bare SQL calls', value: bare.length },
    });
    results.push({ name: 'double assignments', value: doubles[0]?.n ?? -1, unit: 'tickets', target: '0' });

    // (2) call to board: a board long-polls; a counter calls; the board's answer arrives.
    await store.query(`UPDATE tickets SET status = 'waiting', counter_id = NULL, called_at = NULL WHERE origin = 'bench'`);
    await store.query(`UPDATE tickets SET status = 'done' WHERE status IN ('called', 'serving')`);
    const visible: number[] = [];
    const direct: number[] = [];
    for (let i = 0; i < 20; i++) {
      const first = await t.call(queueRoutes.board);
      const waiting = t.call(queueRoutes.board, { query: { version: first.version, wait: 10000 } });
      const t0 = performance.now();
      const called = await t.call(queueRoutes.callNext, { body: { counterId: '1', requestId: randomUUID().replace(/-/g, '') } });
      direct.push(performance.now() - t0);
      const seen = await waiting;
      visible.push(performance.now() - t0);
      if (seen.board.current?.ticketId !== called.ticket?.id) throw new Error('the board did not show the call');
      await store.query(`UPDATE tickets SET status = 'done' WHERE id = $1`, [called.ticket!.id]);
    }
    results.push({
      name: `call to board answer (${kind}) median`,
      value: median(visible),
      unit: 'ms',
      baseline: { name: 'the call-next request alone', value: median(direct) },
      target: '< 300 ms',
    });

    results.push(...(await ticketFlow(t, store, kind)));
  } finally {
    await central.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }

  // (3) wait-estimate backtest.
  const bt = backtestWaitEstimate({
    days: 20,
    seed: 4,
    counters: 4,
    arrivalsPerHour: 28,
    trueServiceMs: 9 * 60_000,
    defaultServiceMs: DEFAULT_QUEUE_RULES.defaultServiceMs,
  });
  results.push({
    name: `wait estimate MAE over 20 generated days (${bt.tickets} tickets, mean wait ${(bt.meanWaitMs / 60_000).toFixed(1)} min)`,
    value: bt.maeMs / 60_000,
    unit: 'min',
    baseline: { name: 'estimate without history', value: bt.naiveMaeMs / 60_000 },
  });
  return results;
}

const FLOW_COUNTERS = 10;

/**
 * (4) Each of 10 counters issues a walk-in, calls next, starts and finishes, over and over: the whole
 * life of a ticket, its two publications (issue, finish) included. Start is the baseline: a ticket
 * update of the same shape (lock, update, event) that publishes nothing.
 */
async function ticketFlow(
  t: Transport,
  store: { query: (sql: string, params?: unknown[]) => Promise<unknown[]> },
  kind: string,
): Promise<BenchResult[]> {
  await store.query(`UPDATE tickets SET status = 'done' WHERE status IN ('waiting', 'called', 'serving')`);
  const timed = { issue: [] as number[], call: [] as number[], start: [] as number[], finish: [] as number[] };
  const time = async <T>(into: number[], fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    const r = await fn();
    into.push(performance.now() - t0);
    return r;
  };
  const deadline = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: FLOW_COUNTERS }, async (_, i) => {
      const counterId = String(i + 1);
      const serviceCode = SERVICES[i % SERVICES.length]!;
      while (performance.now() < deadline) {
        await time(timed.issue, () => t.call(queueRoutes.issue, { body: { requestId: randomUUID().replace(/-/g, ''), serviceCode } }));
        const called = await time(timed.call, () =>
          t.call(queueRoutes.callNext, { body: { counterId, requestId: randomUUID().replace(/-/g, ''), officer: 'bench' } }),
        );
        if (!called.ticket) continue;
        const ticketId = called.ticket.id;
        await time(timed.start, () => t.call(queueRoutes.start, { body: { counterId, ticketId } }));
        await time(timed.finish, () => t.call(queueRoutes.finish, { body: { counterId, ticketId, outcome: 'served' } }));
      }
    }),
  );
  const published = await store.query(`SELECT count(*)::int AS n FROM changes WHERE office_code = 'banyumanik' AND entity = 'ticket'`);
  const start = { p50: median(timed.start), p99: percentile(timed.start, 99) };
  const label = `${FLOW_COUNTERS} counters, ${SECONDS}s (${kind})`;
  const out: BenchResult[] = [];
  for (const [what, values] of [
    ['issue (publishes)', timed.issue],
    ['call-next', timed.call],
    ['finish (publishes)', timed.finish],
  ] as const) {
    out.push({
      name: `${what} over HTTP, ${label} p50`,
      value: median(values),
      unit: 'ms',
      baseline: { name: 'start p50', value: start.p50 },
    });
    out.push({
      name: `${what} over HTTP, ${label} p99`,
      value: percentile(values, 99),
      unit: 'ms',
      baseline: { name: 'start p99', value: start.p99 },
    });
  }
  out.push({
    name: `tickets through (${kind})`,
    value: timed.finish.length,
    unit: 'tickets',
    baseline: { name: 'ticket changes published (two a ticket)', value: (published[0] as { n: number }).n },
  });
  return out;
}
