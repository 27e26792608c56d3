// Every time on screen is in the office's own time zone, labelled WIB, WITA or WIT.
import type { TimeZone } from '@common/domain/shared/offices.js';
import type { Language } from '@common/contract/schemas.js';
import { formatIsoDate } from '@common/domain/shared/calendar-text.js';
import { ZONE_ABBREVIATION, dateTimeText, instantDayText, officeDay, timeText } from '@common/domain/shared/clock-text.js';

/** WIB, WITA or WIT for an office's zone. */
export const TZ_LABEL = ZONE_ABBREVIATION;

// Times are spelled by common/domain/shared/clock-text.ts, the same words the printed documents use.
// The language is taken for the date's month and weekday names; a time of day reads the same in both
// (formatTime still accepts one so older callers keep compiling).
export function formatTime(ms: number, tz: TimeZone, _language?: Language): string {
  return timeText(ms, tz);
}

/** "Senin, 7 Desember 2026", the office's day. */
export function formatDate(ms: number, tz: TimeZone, language: Language): string {
  return instantDayText(ms, tz, language);
}

/** "7 Desember 2026 08:05 WIB", exactly as a receipt prints it. */
export function formatDateTime(ms: number, tz: TimeZone, language: Language): string {
  return dateTimeText(ms, tz, language);
}

/** A time for a message: the time alone when it falls on the same office day as `now`, else date and time. */
export function formatMoment(ms: number, now: number, tz: TimeZone, language: Language): string {
  return officeDay(ms, tz) === officeDay(now, tz) ? timeText(ms, tz) : dateTimeText(ms, tz, language);
}

/** A calendar day (yyyy-mm-dd: a birth date, a collection date) in the words the printed documents use. */
export function formatCalendarDate(iso: string | null, language: Language): string {
  if (!iso) return '—';
  try {
    return formatIsoDate(iso, language, false);
  } catch {
    return iso;
  }
}
