// How the printed documents spell dates, times and money. Month and weekday names are spelled out
// here rather than taken from Intl so a receipt reads the same on every machine and ICU build.
import { DateTime } from 'luxon';
import { formatRupiah } from '@common/domain/applications/fees.js';
import { ZONE_ABBREVIATION } from '@common/domain/shared/working-days.js';
import type { Bilingual, PdfLanguage } from './models.js';

export { formatRupiah };

const MONTHS: Record<PdfLanguage, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
// Luxon weekdays: 1 = Monday ... 7 = Sunday.
const WEEKDAYS: Record<PdfLanguage, readonly string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

/** WIB, WITA or WIT; the UTC offset for a zone outside Indonesia. */
export function zoneLabel(timeZone: string, at: number): string {
  return ZONE_ABBREVIATION[timeZone] ?? DateTime.fromMillis(at, { zone: timeZone }).toFormat("'UTC'ZZ");
}

function dayText(d: DateTime, lang: PdfLanguage, weekday: boolean): string {
  const date = `${d.day} ${MONTHS[lang][d.month - 1]} ${d.year}`;
  return weekday ? `${WEEKDAYS[lang][d.weekday - 1]}, ${date}` : date;
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

/** A calendar day (yyyy-MM-dd) spelled out, e.g. "Senin, 7 Desember 2026". */
export function formatIsoDate(iso: string, lang: PdfLanguage, weekday = true): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!d.isValid) throw new RangeError(`Not a calendar date: ${iso}`);
  return dayText(d, lang, weekday);
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
