import type { Db } from '../connection.js';

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
  outcome: 'served' | 'no_show' | 'cancelled';
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

export const deleteHistory = (db: Db, source: HistoryRow['source']): number => db.prepare('DELETE FROM analytics_history WHERE source = ?').run(source).changes;

export const historySpan = (db: Db): { first: string | null; last: string | null; tickets: number } =>
  db.prepare('SELECT min(day) AS first, max(day) AS last, count(*) AS tickets FROM analytics_history').get() as { first: string | null; last: string | null; tickets: number };

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
  db.prepare('SELECT date, kind, name FROM holidays WHERE active = 1 AND date BETWEEN ? AND ? ORDER BY date').all(from, to) as Array<{ date: string; kind: string; name: string }>;

/** A closed ticket of the queue's local mode, as analytics needs it. */
export interface ClosedTicketRow {
  id: string;
  service_code: string;
  status: 'done' | 'no_show' | 'cancelled';
  arrived_at: number;
  slot_at: number | null;
  booking_code: string | null;
  priority_group: string | null;
  counter_id: string | null;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
}

/** The queue's closed local tickets not yet in the history (a transferred ticket lives on as its successor). */
export const closedQueueTicketsToImport = (db: Db): ClosedTicketRow[] =>
  db
    .prepare(
      `SELECT q.id, q.service_code, q.status, q.arrived_at, q.slot_at, q.booking_code, q.priority_group, q.counter_id, q.called_at, q.started_at, q.finished_at
       FROM queue_local_tickets q LEFT JOIN analytics_history a ON a.ticket_id = q.id
       WHERE q.status IN ('done', 'no_show', 'cancelled') AND a.id IS NULL
       ORDER BY q.arrived_at`,
    )
    .all() as ClosedTicketRow[];
