// The supervisor's live floor for one office and business day. Waits follow the Qmatic rules
// the queue already keeps: a wait runs from arrival to the (last) call, so a recall moves it.
import { businessDate } from '@common/domain/shared/working-days.js';
import type { FloorView } from '@common/contract/queue/floor.js';
import type { Sql, Store } from '../store/store.js';
import { officeInfo } from './issue.js';
import { loadConfig } from './rows.js';

const HOUR_MS = 3_600_000;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The counter numbers the office's desks were set up with. Central keeps no counter per desk of its own,
 * but each desk's set-up (setup.initialize) reaches it as an op whose audit names the counter; a revoked
 * desk no longer counts. The op is among a desk's first, so the scan by device_seq stops early.
 */
async function deskCounterNumbers(sql: Sql, officeCode: string): Promise<Set<number>> {
  const rows = await sql.query<{ counter: string | null }>(
    `SELECT s.counter FROM workstations w
     CROSS JOIN LATERAL (
       SELECT o.payload->'audit'->'summary'->>'counter' AS counter FROM applied_ops o
       WHERE o.workstation_id = w.id AND o.op = 'setup.initialize' ORDER BY o.device_seq LIMIT 1
     ) s
     WHERE w.office_code = $1 AND w.revoked_at IS NULL`,
    [officeCode],
  );
  return new Set(rows.map((r) => Number(r.counter)).filter((n) => Number.isInteger(n) && n > 0));
}

/**
 * The counters the floor lists: open ones that a desk was set up as or that called someone today (a desk
 * whose number an admin changed later), and any holding a ticket now. A counter only configured (the four
 * every office starts with) is no one's and is left out rather than shown idle.
 */
async function countersInUse(sql: Sql, officeCode: string, day: string): Promise<{ numbers: Set<number>; ids: Set<string> }> {
  const calledToday = await sql.query<{ counter_id: string }>(
    'SELECT DISTINCT counter_id FROM tickets WHERE office_code = $1 AND day = $2 AND counter_id IS NOT NULL',
    [officeCode, day],
  );
  return { numbers: await deskCounterNumbers(sql, officeCode), ids: new Set(calledToday.map((r) => r.counter_id)) };
}

export async function floorView(store: Store, officeCode: string, now: number, targetMinutes: number): Promise<FloorView> {
  return store.tx(async (sql) => {
    const office = await officeInfo(sql, officeCode);
    const config = await loadConfig(sql, officeCode);
    const day = businessDate(now, office.tz);
    const targetMs = targetMinutes * 60_000;
    const waiting = await sql.query<{ service_code: string; n: number; oldest: string | number }>(
      `SELECT service_code, count(*)::int AS n, min(arrived_at) AS oldest FROM tickets
       WHERE office_code = $1 AND day = $2 AND status = 'waiting' GROUP BY service_code`,
      [officeCode, day],
    );
    const [totals] = await sql.query<Record<string, unknown>>(
      `SELECT
         count(*) FILTER (WHERE called_at IS NOT NULL)::int AS called,
         count(*) FILTER (WHERE called_at IS NOT NULL AND called_at - arrived_at <= $3)::int AS in_time,
         count(*) FILTER (WHERE called_at IS NOT NULL AND called_at > $4 AND called_at <= $5)::int AS called_hour,
         avg(called_at - arrived_at) FILTER (WHERE called_at IS NOT NULL AND called_at > $4 AND called_at <= $5)::float8 AS avg_hour,
         count(*) FILTER (WHERE status = 'no_show')::int AS no_shows,
         count(*) FILTER (WHERE status IN ('done', 'no_show'))::int AS closed
       FROM tickets WHERE office_code = $1 AND day = $2`,
      [officeCode, day, targetMs, now - HOUR_MS, now],
    );
    const atCounters = await sql.query<{
      id: string;
      number: string;
      status: 'called' | 'serving';
      counter_id: string;
      called_at: string | number;
      started_at: string | number | null;
    }>(
      `SELECT id, number, status, counter_id, called_at, started_at FROM tickets
       WHERE office_code = $1 AND day = $2 AND status IN ('called', 'serving') AND counter_id IS NOT NULL ORDER BY called_at`,
      [officeCode, day],
    );
    const byService = new Map(waiting.map((w) => [w.service_code, w]));
    const services = config.services
      .filter((s) => s.active || byService.has(s.code))
      .map((s) => {
        const w = byService.get(s.code);
        return {
          serviceCode: s.code,
          prefix: s.prefix,
          nameId: s.nameId,
          nameEn: s.nameEn,
          waiting: w?.n ?? 0,
          longestWaitMs: w ? Math.max(0, now - Number(w.oldest)) : null,
        };
      });
    const longest = services.reduce<number | null>((m, s) => (s.longestWaitMs === null ? m : Math.max(m ?? 0, s.longestWaitMs)), null);
    const ticketAt = new Map(atCounters.map((t) => [t.counter_id, t]));
    const inUse = await countersInUse(sql, officeCode, day);
    const counters = config.counters
      .filter((c) => (c.open && (inUse.numbers.has(c.number) || inUse.ids.has(c.id))) || ticketAt.has(c.id))
      .sort((a, b) => a.number - b.number)
      .map((c) => {
        const t = ticketAt.get(c.id);
        return {
          counterId: c.id,
          number: c.number,
          name: c.name,
          ticket: t
            ? {
                ticketId: t.id,
                number: t.number,
                status: t.status,
                since: Number(t.status === 'serving' && t.started_at !== null ? t.started_at : t.called_at),
              }
            : null,
        };
      });
    const called = Number(totals?.called ?? 0);
    const closed = Number(totals?.closed ?? 0);
    const noShows = Number(totals?.no_shows ?? 0);
    const avgHour = num(totals?.avg_hour);
    return {
      officeCode,
      officeName: office.name,
      timeZone: office.tz,
      day,
      now,
      targetMinutes,
      services,
      waitingTotal: services.reduce((n, s) => n + s.waiting, 0),
      longestWaitMs: longest,
      averageWaitLastHourMs: avgHour === null ? null : Math.round(avgHour),
      calledLastHour: Number(totals?.called_hour ?? 0),
      counters,
      serviceLevel: called === 0 ? null : Number(totals?.in_time ?? 0) / called,
      calledToday: called,
      noShowRate: closed === 0 ? null : noShows / closed,
      noShows,
      closedToday: closed,
    };
  });
}
