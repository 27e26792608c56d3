// How the printed documents spell dates, times and money; a calendar day is spelled by
// common/domain/shared/calendar-text.ts, the same words the screens use.
import { DateTime } from 'luxon';
import { formatRupiah } from '@common/domain/applications/fees.js';
import { ZONE_ABBREVIATION } from '@common/domain/shared/working-days.js';
import { dayText, formatIsoDate } from '@common/domain/shared/calendar-text.js';
import type { Bilingual, PdfLanguage } from './models.js';

export { formatIsoDate, formatRupiah };

/** WIB, WITA or WIT; the UTC offset for a zone outside Indonesia. */
export function zoneLabel(timeZone: string, at: number): string {
  return ZONE_ABBREVIATION[timeZone] ?? DateTime.fromMillis(at, { zone: timeZone }).toFormat("'UTC'ZZ");
}

/** "30 November 2026 14:05 WIB" in the office's own zone, whatever zone this computer is set to. */
export function formatDateTime(at: number, timeZone: string, lang: PdfLanguage): string {
  const d = DateTime.fromMillis(at, { zone: timeZone });
  return `${dayText(d, lang, false)} ${d.toFormat('HH:mm')} ${zoneLabel(timeZone, at)}`;
}

/** "09:14 WITA". */
export function formatTime(at: number, timeZone: string): string {
  return `${DateTime.fromMillis(at, { zone: timeZone }).toFormat('HH:mm')} ${zoneLabel(timeZone, at)}`;
}

/** The day of an instant in the office's zone, spelled out. */
export function formatDay(at: number, timeZone: string, lang: PdfLanguage, weekday = true): string {
  return dayText(DateTime.fromMillis(at, { zone: timeZone }), lang, weekday);
}

/** Primary text first, the other language second. */
export function ordered(text: Bilingual, lang: PdfLanguage): [string, string] {
  return lang === 'en' ? [text.en, text.id] : [text.id, text.en];
}

/** "Tanda Terima / Receipt" style one-liner, primary language first; one text when both are equal. */
export function joined(text: Bilingual, lang: PdfLanguage, sep = ' / '): string {
  const [a, b] = ordered(text, lang);
  return a === b ? a : `${a}${sep}${b}`;
}

export const bi = (id: string, en: string): Bilingual => ({ id, en });
