// Every time on screen is in the office's own time zone, labelled WIB, WITA or WIT.
import type { TimeZone } from '@common/domain/shared/offices.js';
import type { Language } from '@common/contract/schemas.js';
import { formatIsoDate } from '@common/domain/shared/calendar-text.js';

export const TZ_LABEL: Record<TimeZone, string> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

const locale = (language: Language): string => (language === 'id' ? 'id-ID' : 'en-GB');

export function formatTime(ms: number, tz: TimeZone, language: Language, seconds = false): string {
  const time = new Intl.DateTimeFormat(locale(language), {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hourCycle: 'h23',
  }).format(ms);
  return `${time} ${TZ_LABEL[tz]}`;
}

export function formatDate(ms: number, tz: TimeZone, language: Language): string {
  return new Intl.DateTimeFormat(locale(language), {
    timeZone: tz,
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(ms);
}

export function formatDateTime(ms: number, tz: TimeZone, language: Language): string {
  const date = new Intl.DateTimeFormat(locale(language), { timeZone: tz, day: '2-digit', month: 'short', year: 'numeric' }).format(ms);
  return `${date} ${formatTime(ms, tz, language, true)}`;
}

/** A time for a message: the time alone when it falls on the same office day as `now`, else date and time. */
export function formatMoment(ms: number, now: number, tz: TimeZone, language: Language): string {
  const day = (t: number) => new Intl.DateTimeFormat('en-CA', { timeZone: tz, dateStyle: 'short' }).format(t);
  if (day(ms) === day(now)) return formatTime(ms, tz, language);
  const date = new Intl.DateTimeFormat(locale(language), { timeZone: tz, day: 'numeric', month: 'long' }).format(ms);
  return `${date} ${formatTime(ms, tz, language)}`;
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
