// Working-day arithmetic in the office's own time zone. Holidays (libur nasional, cuti bersama) are
// reference data passed in by the caller; nothing here knows a date by heart.
import { DateTime } from 'luxon';

/** yyyy-MM-dd strings: compare and store them as text, they sort correctly. */
export type IsoDate = string;

/** The business day (in the office's zone) of an instant. */
export const businessDate = (epochMs: number, tz: string): IsoDate => DateTime.fromMillis(epochMs, { zone: tz }).toISODate()!;

const parse = (d: IsoDate) => DateTime.fromISO(d, { zone: 'UTC' });

export const isWeekend = (d: IsoDate): boolean => parse(d).weekday >= 6;

export const isWorkingDay = (d: IsoDate, holidays: ReadonlySet<IsoDate>): boolean => !isWeekend(d) && !holidays.has(d);

export const addDays = (d: IsoDate, n: number): IsoDate => parse(d).plus({ days: n }).toISODate()!;

/**
 * The date `n` working days after `start` (the start day itself never counts): a passport applied
 * for on Friday with a lead time of 3 is ready on Wednesday. `n = 0` means the same day when it is a
 * working day, otherwise the next working day.
 */
export function addWorkingDays(start: IsoDate, n: number, holidays: ReadonlySet<IsoDate>): IsoDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number >= 0, got ${n}`);
  let d = start;
  if (n === 0) {
    while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  // A year holds at most ~30 holidays: a lead time of weeks cannot loop for long.
  while (left > 0) {
    d = addDays(d, 1);
    if (isWorkingDay(d, holidays)) left -= 1;
  }
  return d;
}

/** Working days strictly after `from` up to and including `to` (0 when `to` is not after `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: ReadonlySet<IsoDate>): number {
  let count = 0;
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) if (isWorkingDay(d, holidays)) count += 1;
  return count;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => Math.round(parse(to).diff(parse(from), 'days').days);

/** The instant a business day starts in the office's zone. */
export const startOfBusinessDay = (d: IsoDate, tz: string): number => DateTime.fromISO(d, { zone: tz }).startOf('day').toMillis();
