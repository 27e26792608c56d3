// How Loket spells a calendar day, on screen and on paper alike: "4 Desember 2026", "Jumat, 4 Desember
// 2026". Month and weekday names are spelled out here rather than taken from Intl, so a receipt and a
// screen read the same on every machine and ICU build.
import { DateTime } from 'luxon';

export type TextLanguage = 'id' | 'en';

const MONTHS: Record<TextLanguage, readonly string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
// Luxon weekdays: 1 = Monday ... 7 = Sunday.
const WEEKDAYS: Record<TextLanguage, readonly string[]> = {
  id: ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
};

export function dayText(d: DateTime, lang: TextLanguage, weekday: boolean): string {
  const date = `${d.day} ${MONTHS[lang][d.month - 1]} ${d.year}`;
  return weekday ? `${WEEKDAYS[lang][d.weekday - 1]}, ${date}` : date;
}

/** A calendar day (yyyy-MM-dd) spelled out, e.g. "Senin, 7 Desember 2026". */
export function formatIsoDate(iso: string, lang: TextLanguage, weekday = true): string {
  const d = DateTime.fromISO(iso, { zone: 'UTC' });
  if (!d.isValid) throw new RangeError(`Not a calendar date: ${iso}`);
  return dayText(d, lang, weekday);
}
