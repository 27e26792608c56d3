// Arrivals by hour of day x weekday: the supervisor's picture of when the office fills up.
import { addDays, isWorkingDay, type IsoDate } from '../shared/working-days.js';

/** Arrivals counted in one (ISO weekday, local hour) cell over the whole window. */
export interface HeatCell {
  weekday: number;
  hour: number;
  arrivals: number;
}

export interface Heatmap {
  /** ISO weekdays shown, Monday first. */
  weekdays: number[];
  /** Local hours shown, first to last hour with any arrival. */
  hours: number[];
  /** mean[weekdayIndex][hourIndex]: arrivals per open day of that weekday. */
  mean: number[][];
  /** Open (working) days of each weekday in the window. */
  openDays: number[];
  total: number;
  peak: { weekday: number; hour: number; mean: number } | null;
}

export const weekdayOf = (d: IsoDate): number => new Date(`${d}T00:00:00Z`).getUTCDay() || 7;

/** Working days of each ISO weekday in [from, to]: the divisor that turns counts into a typical day. */
export function openDaysByWeekday(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): Map<number, number> {
  const out = new Map<number, number>();
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) out.set(weekdayOf(d), (out.get(weekdayOf(d)) ?? 0) + 1);
  return out;
}

/** Folds arrivals per (day, hour) into (weekday, hour) cells. */
export function cellsByWeekday(rows: Iterable<{ day: IsoDate; hour: number; arrivals: number }>): HeatCell[] {
  const cells = new Map<string, HeatCell>();
  const weekdays = new Map<IsoDate, number>();
  for (const r of rows) {
    let weekday = weekdays.get(r.day);
    if (weekday === undefined) weekdays.set(r.day, (weekday = weekdayOf(r.day)));
    const key = `${weekday}:${r.hour}`;
    const cell = cells.get(key);
    if (cell) cell.arrivals += r.arrivals;
    else cells.set(key, { weekday, hour: r.hour, arrivals: r.arrivals });
  }
  return [...cells.values()];
}

export function buildHeatmap(cells: readonly HeatCell[], openDays: ReadonlyMap<number, number>): Heatmap {
  const withData = cells.filter((c) => c.arrivals > 0);
  const weekdays = [1, 2, 3, 4, 5, 6, 7].filter((w) => (openDays.get(w) ?? 0) > 0 || withData.some((c) => c.weekday === w));
  const hourList = withData.map((c) => c.hour);
  const hours = hourList.length === 0 ? [] : range(Math.min(...hourList), Math.max(...hourList));
  const counts = new Map(cells.map((c) => [`${c.weekday}:${c.hour}`, c.arrivals]));
  let peak: Heatmap['peak'] = null;
  const mean = weekdays.map((w) =>
    hours.map((h) => {
      const days = Math.max(1, openDays.get(w) ?? 0);
      const m = (counts.get(`${w}:${h}`) ?? 0) / days;
      if (m > 0 && (!peak || m > peak.mean)) peak = { weekday: w, hour: h, mean: m };
      return m;
    }),
  );
  return {
    weekdays,
    hours,
    mean,
    openDays: weekdays.map((w) => openDays.get(w) ?? 0),
    total: cells.reduce((s, c) => s + c.arrivals, 0),
    peak,
  };
}

const range = (a: number, b: number): number[] => Array.from({ length: b - a + 1 }, (_, i) => a + i);
