import type { Db } from '@db/connection.js';
import type { TicketOutcome } from '@common/domain/analytics/history-generator.js';
import type { TicketStatus } from '@common/domain/queue/lifecycle.js';

/** One row of analytics_history as written (the generator's ticket plus its local day and hour). */
export interface HistoryRow {
  source: 'generated' | 'queue';
  ticket_id: string | null;
  service_code: string;
  day: string;
  hour: number;
  arrived_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter: string | null;
  outcome: TicketOutcome;
  channel: 'appointment' | 'walk_in';
  priority_group: string | null;
}

/** A statement to insert many rows with; prepare once per batch. */
export function historyInserter(db: Db): (row: HistoryRow) => void {
  const stmt = db.prepare(`INSERT INTO analytics_history
    (source, ticket_id, service_code, day, hour, arrived_at, called_at, started_at, finished_at, counter, outcome, channel, priority_group)
    VALUES (@source, @ticket_id, @service_code, @day, @hour, @arrived_at, @called_at, @started_at, @finished_at, @counter, @outcome, @channel, @priority_group)
    ON CONFLICT (ticket_id) DO NOTHING`);
  return (row) => void stmt.run(row);
}

export const deleteHistory = (db: Db, source: HistoryRow['source']): number =>
  db.prepare('DELETE FROM analytics_history WHERE source = ?').run(source).changes;

export const historySpan = (db: Db): { first: string | null; last: string | null; tickets: number } =>
  db.prepare('SELECT min(day) AS first, max(day) AS last, count(*) AS tickets FROM analytics_history').get() as {
    first: string | null;
    last: string | null;
    tickets: number;
  };

/** Arrivals per (day, hour) over [from, to]: the forecast's series. */
export const arrivalsByDayHour = (db: Db, from: string, to: string): Array<{ day: string; hour: number; arrivals: number }> =>
  db
    .prepare('SELECT day, hour, count(*) AS arrivals FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY day, hour')
    .all(from, to) as Array<{ day: string; hour: number; arrivals: number }>;

/** Served tickets per service and whole second of transaction time (call to finish). */
export const serviceSeconds = (db: Db, from: string, to: string): Array<{ service_code: string; seconds: number; count: number }> =>
  db
    .prepare(
      // The planner would pick the day index and sort a year of rows; this index hands them over grouped.
      `SELECT service_code, service_seconds AS seconds, count(*) AS count
       FROM analytics_history INDEXED BY analytics_history_service_times
       WHERE outcome = 'served' AND day BETWEEN ? AND ? GROUP BY service_code, service_seconds`,
    )
    .all(from, to) as Array<{ service_code: string; seconds: number; count: number }>;

/** Share of arrivals that came without an appointment, and the mean service time of served tickets (ms). */
export const channelAndHandling = (db: Db, from: string, to: string): { tickets: number; walk_ins: number; mean_ms: number | null } =>
  db
    .prepare(
      `SELECT count(*) AS tickets, coalesce(sum(channel = 'walk_in'), 0) AS walk_ins,
              1000 * avg(service_seconds) AS mean_ms
       FROM analytics_history WHERE day BETWEEN ? AND ?`,
    )
    .get(from, to) as { tickets: number; walk_ins: number; mean_ms: number | null };

/** Holidays (active) in [from, to], with their names for the forecast's closed days. */
export const holidaysBetween = (db: Db, from: string, to: string): Array<{ date: string; kind: string; name: string }> =>
  db.prepare('SELECT date, kind, name FROM holidays WHERE active = 1 AND date BETWEEN ? AND ? ORDER BY date').all(from, to) as Array<{
    date: string;
    kind: string;
    name: string;
  }>;

/** A closed ticket of the queue's local mode, as analytics needs it. */
export interface ClosedTicketRow {
  id: string;
  service_code: string;
  status: Extract<TicketStatus, 'done' | 'no_show' | 'cancelled'>;
  arrived_at: number;
  slot_at: number | null;
  booking_code: string | null;
  priority_group: string | null;
  counter_id: string | null;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
}

const CLOSED_COLUMNS =
  'id, service_code, status, arrived_at, slot_at, booking_code, priority_group, counter_id, called_at, started_at, finished_at';

/**
 * The queue's closed tickets not yet in the history: the office's as central published them, and this
 * counter's local-mode ones central has not published yet (a local ticket and its published twin share
 * the id: one ticket). A transferred ticket lives on as its successor.
 */
export const closedQueueTicketsToImport = (db: Db): ClosedTicketRow[] =>
  db
    .prepare(
      `SELECT ${CLOSED_COLUMNS} FROM (
         SELECT ${CLOSED_COLUMNS} FROM office_tickets WHERE status IN ('done', 'no_show', 'cancelled')
         UNION ALL
         SELECT ${CLOSED_COLUMNS} FROM queue_local_tickets q
         WHERE status IN ('done', 'no_show', 'cancelled') AND NOT EXISTS (SELECT 1 FROM office_tickets o WHERE o.id = q.id)
       ) t
       WHERE NOT EXISTS (SELECT 1 FROM analytics_history a WHERE a.ticket_id = t.id)
       ORDER BY arrived_at, id`,
    )
    .all() as ClosedTicketRow[];
