// Wait estimates at central: the position a ticket has in the real call order, the recent mean
// transaction time (call to finish, Qmatic) and the head-of-line delay, fed to common's estimateWaitMs.
import { queueOrderSql } from '@common/domain/queue/order-sql.js';
import { estimateWaitMs } from '@common/domain/queue/wait-estimate.js';
import type { QueueConfig } from '@common/contract/queue/central.js';
import type { Sql } from '../store/store.js';

/** The last this many finished transactions of a service make its "recent" mean. */
const RECENT = 20;

export async function serviceStats(sql: Sql, officeCode: string, day: string, serviceCode: string, now: number) {
  const recent = await sql.query<{ mean: number | null; n: number }>(
    `SELECT avg(finished_at - called_at)::float8 AS mean, count(*)::int AS n FROM (
       SELECT finished_at, called_at FROM tickets WHERE office_code = $1 AND day = $2 AND service_code = $3 AND status = 'done'
       ORDER BY finished_at DESC LIMIT ${RECENT}) r`,
    [officeCode, day, serviceCode],
  );
  const head = await sql.query<{ waiting: number; oldest: number | null }>(
    `SELECT count(*)::int AS waiting, min(arrived_at) AS oldest FROM tickets WHERE office_code = $1 AND day = $2 AND service_code = $3 AND status = 'waiting'`,
    [officeCode, day, serviceCode],
  );
  const r = recent[0];
  const h = head[0];
  return {
    meanServiceMs: r && r.n > 0 && r.mean !== null ? r.mean : null,
    waiting: h?.waiting ?? 0,
    headOfLineDelayMs: h?.oldest != null ? now - h.oldest : null,
  };
}

export const openCountersFor = (config: QueueConfig, serviceCode: string): number =>
  config.counters.filter((c) => c.open && c.services.includes(serviceCode)).length;

/** Waiting tickets of the same service the call order puts ahead of this one. */
export async function aheadOf(
  sql: Sql,
  ticketId: string,
  officeCode: string,
  day: string,
  serviceCode: string,
  now: number,
  agingMs: number,
): Promise<number> {
  const rows = await sql.query<{ position: number }>(
    `SELECT position FROM (
       SELECT id, (row_number() OVER (ORDER BY ${queueOrderSql(now, agingMs, 'postgres')}))::int AS position
       FROM tickets WHERE office_code = $1 AND day = $2 AND service_code = $3 AND status = 'waiting') q WHERE id = $4`,
    [officeCode, day, serviceCode, ticketId],
  );
  return rows[0] ? rows[0].position - 1 : 0;
}

export async function estimateFor(
  sql: Sql,
  config: QueueConfig,
  officeCode: string,
  day: string,
  serviceCode: string,
  ahead: number,
  now: number,
): Promise<number> {
  const stats = await serviceStats(sql, officeCode, day, serviceCode, now);
  return estimateWaitMs({
    ahead,
    openCounters: openCountersFor(config, serviceCode),
    meanServiceMs: stats.meanServiceMs,
    headOfLineDelayMs: stats.headOfLineDelayMs,
    defaultServiceMs: config.rules.defaultServiceMs,
  });
}
