// The office calendar as the forecast and the history generator walk it, day by day over a year:
// plain UTC date arithmetic (working-days.ts goes through luxon, which is exact but costs ~10 us a
// call, and a backtest asks tens of thousands of times) and the post-holiday rank of each day.
import type { IsoDate } from '../shared/working-days.js';

const DAY_MS = 86_400_000;
const ms = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);

export const plusDays = (d: IsoDate, n: number): IsoDate => new Date(ms(d) + n * DAY_MS).toISOString().slice(0, 10);

/** ISO weekday, 1 = Monday. */
export const isoWeekday = (d: IsoDate): number => new Date(ms(d)).getUTCDay() || 7;

export const isOpen = (d: IsoDate, holidays: ReadonlySet<IsoDate>): boolean => isoWeekday(d) <= 5 && !holidays.has(d);

/** How many weekdays were closed (holidays, cuti bersama) in the closure just before `date`. */
export function closedWeekdaysBefore(date: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  let closed = 0;
  for (let d = plusDays(date, -1); !isOpen(d, holidays); d = plusDays(d, -1)) if (isoWeekday(d) <= 5) closed += 1;
  return closed;
}

export interface HolidayRank {
  /** 1 on the first working day after a closure, 2 on the second, 0 otherwise. */
  rank: number;
  /** Weekdays that closure held. */
  closed: number;
}

const ranks = new WeakMap<ReadonlySet<IsoDate>, Map<IsoDate, HolidayRank>>();

/** Which working day after a closure `date` is, remembered per holiday calendar. */
export function postHolidayRank(date: IsoDate, holidays: ReadonlySet<IsoDate>): HolidayRank {
  let memo = ranks.get(holidays);
  if (!memo) ranks.set(holidays, (memo = new Map()));
  const known = memo.get(date);
  if (known) return known;
  let result: HolidayRank;
  const first = closedWeekdaysBefore(date, holidays);
  if (first > 0) result = { rank: 1, closed: first };
  else {
    let prev = plusDays(date, -1);
    while (!isOpen(prev, holidays)) prev = plusDays(prev, -1);
    const second = closedWeekdaysBefore(prev, holidays);
    result = second > 0 ? { rank: 2, closed: second } : { rank: 0, closed: 0 };
  }
  memo.set(date, result);
  return result;
}
