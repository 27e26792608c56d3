// Arrivals per hour for the coming working days: a seasonal model by hour of week (the mean of recent
// ordinary days), zero on holidays, and a post-holiday uplift learnt from the office's own history.
import { isOpen as isWorkingDay, isoWeekday as weekdayOf, plusDays as addDays, postHolidayRank } from './forecast-calendar.js';
import type { IsoDate } from '../shared/working-days.js';

export const HOURS = 24;

export interface History {
  /** Arrivals per local hour (24 numbers) of each day with data; a working day missing here had none. */
  counts: ReadonlyMap<IsoDate, readonly number[]>;
  holidays: ReadonlySet<IsoDate>;
  /** The first day the office recorded tickets: days before it are unknown, not empty. */
  firstDay: IsoDate;
}

export interface Model {
  /** baseline[weekday 1..7][hour]: mean arrivals on ordinary working days. */
  baseline: number[][];
  /** Extra share per closed weekday, on the first and second working day after a closure. */
  upliftPerClosedDay: [number, number];
  trainingDays: number;
}

export interface DayForecast {
  date: IsoDate;
  /** A weekday the office is shut (holiday, cuti bersama): no arrivals. */
  closed: boolean;
  hours: number[];
  total: number;
  /** Multiplier applied for a post-holiday surge (1 on an ordinary day). */
  uplift: number;
}

/** A long closure does not keep adding queue: Lebaran's week of cuti bersama counts as five days. */
const MAX_CLOSED_EFFECT = 5;
const zeros = (): number[] => Array.from({ length: HOURS }, () => 0);
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

export function workingDaysIn(from: IsoDate, toExclusive: IsoDate, holidays: ReadonlySet<IsoDate>): IsoDate[] {
  const out: IsoDate[] = [];
  for (let d = from; d < toExclusive; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) out.push(d);
  return out;
}

const countsOn = (h: History, d: IsoDate): readonly number[] => h.counts.get(d) ?? zeros();

/** Learns the model from the working days strictly before `origin`. */
export function fit(h: History, origin: IsoDate, trainingWeeks: number): Model {
  const windowStart = maxDate(h.firstDay, addDays(origin, -7 * trainingWeeks));
  const recent = workingDaysIn(windowStart, origin, h.holidays).filter((d) => postHolidayRank(d, h.holidays).rank === 0);
  const sums = Array.from({ length: 8 }, zeros);
  const n = Array.from({ length: 8 }, () => 0);
  for (const d of recent) {
    const w = weekdayOf(d);
    n[w] = (n[w] ?? 0) + 1;
    const row = sums[w]!;
    countsOn(h, d).forEach((c, hour) => (row[hour] = (row[hour] ?? 0) + c));
  }
  // A weekday with no ordinary day in the window borrows the mean of all weekdays.
  const all = zeros().map((_, hour) => sum([1, 2, 3, 4, 5].map((w) => sums[w]![hour]!)) / Math.max(1, sum(n)));
  const baseline = sums.map((s, w) => (n[w]! > 0 ? s.map((v) => v / n[w]!) : w >= 1 && w <= 5 ? [...all] : zeros()));
  const model: Model = { baseline, upliftPerClosedDay: [0, 0], trainingDays: recent.length };
  model.upliftPerClosedDay = [learnUplift(h, origin, model, 1), learnUplift(h, origin, model, 2)];
  return model;
}

/** Least squares through the origin: ratio - 1 = k x closedWeekdays, over every surge day seen. */
function learnUplift(h: History, origin: IsoDate, model: Model, rank: number): number {
  let num = 0;
  let den = 0;
  for (const d of workingDaysIn(h.firstDay, origin, h.holidays)) {
    const r = postHolidayRank(d, h.holidays);
    // The surge of a closure that began before the data did cannot be measured.
    if (r.rank !== rank || closureStart(d, h.holidays, rank) < h.firstDay) continue;
    const base = sum(model.baseline[weekdayOf(d)]!);
    if (base <= 0) continue;
    const closed = Math.min(r.closed, MAX_CLOSED_EFFECT);
    num += closed * (sum(countsOn(h, d)) / base - 1);
    den += closed * closed;
  }
  return den === 0 ? 0 : Math.max(0, num / den);
}

/** The last working day before the closure that makes `d` a rank-1 or rank-2 post-holiday day. */
function closureStart(d: IsoDate, holidays: ReadonlySet<IsoDate>, rank: number): IsoDate {
  let day = addDays(d, -1);
  if (rank === 2) {
    while (!isWorkingDay(day, holidays)) day = addDays(day, -1);
    day = addDays(day, -1);
  }
  while (!isWorkingDay(day, holidays)) day = addDays(day, -1);
  return day;
}

export function upliftFor(model: Model, date: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  const r = postHolidayRank(date, holidays);
  if (r.rank === 0) return 1;
  return 1 + model.upliftPerClosedDay[r.rank - 1]! * Math.min(r.closed, MAX_CLOSED_EFFECT);
}

/** The next `workingDays` working days from `origin` (inclusive), with the weekday holidays between shown closed. */
export function forecast(model: Model, origin: IsoDate, workingDays: number, holidays: ReadonlySet<IsoDate>): DayForecast[] {
  const out: DayForecast[] = [];
  let open = 0;
  for (let d = origin; open < workingDays; d = addDays(d, 1)) {
    if (weekdayOf(d) >= 6) continue;
    if (!isWorkingDay(d, holidays)) {
      out.push({ date: d, closed: true, hours: zeros(), total: 0, uplift: 1 });
      continue;
    }
    const uplift = upliftFor(model, d, holidays);
    const hours = model.baseline[weekdayOf(d)]!.map((v) => v * uplift);
    out.push({ date: d, closed: false, hours, total: sum(hours), uplift });
    open += 1;
  }
  return out;
}

const maxDate = (a: IsoDate, b: IsoDate): IsoDate => (a > b ? a : b);
