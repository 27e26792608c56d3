// How Loket spells a time of day, on screen, on paper and in exports alike: "08:05 WIB", 24-hour with a
// colon, in the office's own zone whatever zone the computer is set to. Written here with luxon rather
// than Intl, whose Indonesian locale prints "08.05.00", so a screen and the receipt it printed agree.
// Seconds are left out: no officer decision turns on them, and a list sorted by time keeps its order.
import { DateTime } from 'luxon';
import { dayText, type TextLanguage } from './calendar-text.js';
import type { TimeZone } from './offices.js';

export const ZONE_ABBREVIATION: Readonly<Record<TimeZone, string>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};
const abbreviation: Readonly<Record<string, string | undefined>> = ZONE_ABBREVIATION;

// Latin digits whatever locale the machine runs in.
const inZone = (at: number, timeZone: string): DateTime => DateTime.fromMillis(at, { zone: timeZone, locale: 'en-GB' });

/** WIB, WITA or WIT; the UTC offset for a zone outside Indonesia. */
export function zoneLabel(timeZone: string, at: number): string {
  return abbreviation[timeZone] ?? inZone(at, timeZone).toFormat("'UTC'ZZ");
}

/** "09:14", the bare clock in the office's zone (for a column whose heading names the zone). */
export const clockText = (at: number, timeZone: string): string => inZone(at, timeZone).toFormat('HH:mm');

/** "09:14 WITA". */
export const timeText = (at: number, timeZone: string): string => `${clockText(at, timeZone)} ${zoneLabel(timeZone, at)}`;

/** "30 November 2026 14:05 WIB". */
export const dateTimeText = (at: number, timeZone: string, lang: TextLanguage): string =>
  `${dayText(inZone(at, timeZone), lang, false)} ${timeText(at, timeZone)}`;

/** The day of an instant in the office's zone, spelled out: "Senin, 7 Desember 2026". */
export const instantDayText = (at: number, timeZone: string, lang: TextLanguage, weekday = true): string =>
  dayText(inZone(at, timeZone), lang, weekday);

/** The office day an instant falls on (yyyy-MM-dd), to tell whether two instants share one. */
export const officeDay = (at: number, timeZone: string): string => inZone(at, timeZone).toISODate() ?? '';

/** An hour of the business day as a time: 8 → "08:00" (the analytics' hour buckets). */
export const hourText = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;
