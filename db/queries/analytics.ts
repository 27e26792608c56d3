import type { Db } from '../connection.js';

/** One row of analytics_history as written (the generator's ticket plus its local day and hour). */
export interface HistoryRow {
  source: 'generated' | 'queue';
  service_code: string;
  day: string;
  weekday: number;
  hour: number;
  arrived_at: number;
  called_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  counter: number | null;
  outcome: 'served' | 'no_show' | 'cancelled';
  channel: 'appointment' | 'walk_in';
  priority_group: string | null;
}

/** A statement to insert many rows with; prepare once per batch. */
export function historyInserter(db: Db): (row: HistoryRow) => void {
  const stmt = db.prepare(`INSERT INTO analytics_history
    (source, service_code, day, weekday, hour, arrived_at, called_at, started_at, finished_at, counter, outcome, channel, priority_group)
    VALUES (@source, @service_code, @day, @weekday, @hour, @arrived_at, @called_at, @started_at, @finished_at, @counter, @outcome, @channel, @priority_group)`);
  return (row) => void stmt.run(row);
}

export const deleteHistory = (db: Db, source: HistoryRow['source']): number => db.prepare('DELETE FROM analytics_history WHERE source = ?').run(source).changes;

export const historySpan = (db: Db): { first: string | null; last: string | null; tickets: number } =>
  db.prepare('SELECT min(day) AS first, max(day) AS last, count(*) AS tickets FROM analytics_history').get() as { first: string | null; last: string | null; tickets: number };

/** Arrivals per (ISO weekday, hour) over [from, to]. */
export const arrivalsByWeekdayHour = (db: Db, from: string, to: string): Array<{ weekday: number; hour: number; arrivals: number }> =>
  db
    .prepare('SELECT weekday, hour, count(*) AS arrivals FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY weekday, hour')
    .all(from, to) as Array<{ weekday: number; hour: number; arrivals: number }>;

/** Arrivals per (day, hour) over [from, to]: the forecast's series. */
export const arrivalsByDayHour = (db: Db, from: string, to: string): Array<{ day: string; hour: number; arrivals: number }> =>
  db
    .prepare('SELECT day, hour, count(*) AS arrivals FROM analytics_history WHERE day BETWEEN ? AND ? GROUP BY day, hour')
    .all(from, to) as Array<{ day: string; hour: number; arrivals: number }>;

/** Served tickets' transaction times (call to finish) per service, grouped in `binSeconds` bins. */
export const serviceTimeBins = (db: Db, from: string, to: string, binSeconds: number): Array<{ service_code: string; bin: number; count: number }> =>
  db
    .prepare(
      `SELECT service_code, (finished_at - called_at) / (1000 * ?) AS bin, count(*) AS count
       FROM analytics_history WHERE day BETWEEN ? AND ? AND outcome = 'served'
       GROUP BY service_code, bin`,
    )
    .all(binSeconds, from, to) as Array<{ service_code: string; bin: number; count: number }>;

/** Share of arrivals that came without an appointment, and the mean service time of served tickets (ms). */
export const channelAndHandling = (db: Db, from: string, to: string): { tickets: number; walk_ins: number; mean_ms: number | null } =>
  db
    .prepare(
      `SELECT count(*) AS tickets, coalesce(sum(channel = 'walk_in'), 0) AS walk_ins,
              avg(CASE WHEN outcome = 'served' THEN finished_at - called_at END) AS mean_ms
       FROM analytics_history WHERE day BETWEEN ? AND ?`,
    )
    .get(from, to) as { tickets: number; walk_ins: number; mean_ms: number | null };

/** Holidays (active) in [from, to], with their names for the forecast's closed days. */
export const holidaysBetween = (db: Db, from: string, to: string): Array<{ date: string; kind: string; name: string }> =>
  db.prepare('SELECT date, kind, name FROM holidays WHERE active = 1 AND date BETWEEN ? AND ? ORDER BY date').all(from, to) as Array<{ date: string; kind: string; name: string }>;
