// Dates, weekdays, hours and durations as the analytics screens print them, in the user's language.
import { currentLanguage } from '@renderer/i18n/index.js';

const locale = (): string => (currentLanguage() === 'id' ? 'id-ID' : 'en-GB');

/** ISO weekday 1-7 to its name ("Senin" / "Monday"); 2026-11-30 is a Monday. */
export const weekdayName = (weekday: number, width: 'long' | 'short' = 'long'): string =>
  new Intl.DateTimeFormat(locale(), { weekday: width, timeZone: 'UTC' }).format(Date.UTC(2026, 10, 29 + weekday));

/** "Sen 21/12" for a yyyy-MM-dd business day. */
export const shortDate = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { weekday: 'short', day: '2-digit', month: '2-digit', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

export const longDate = (iso: string): string =>
  new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  );

/** An hour of the day as every time of day is spelled: "08:00". */
export { hourText as hourLabel } from '@common/domain/shared/clock-text.js';

/** "6:05" minutes and seconds. */
export const duration = (seconds: number): string => {
  const s = Math.round(seconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

export const number = (n: number, digits = 1): string =>
  n.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: digits });

export const percent = (share: number, digits = 1): string => `${number(share * 100, digits)}%`;

/** Heat buckets 0-5 for a cell's colour, relative to the busiest cell. */
export const heatLevel = (value: number, max: number): number =>
  max <= 0 || value <= 0 ? 0 : Math.min(5, 1 + Math.floor((value / max) * 4.999));
