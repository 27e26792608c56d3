// How the printed documents spell dates, times and money; a calendar day and a time of day are spelled
// by common/domain/shared/calendar-text.ts and clock-text.ts, the same words the screens use.
import { formatRupiah } from '@common/domain/applications/fees.js';
import { formatIsoDate } from '@common/domain/shared/calendar-text.js';
import { dateTimeText, instantDayText, timeText } from '@common/domain/shared/clock-text.js';
import type { Bilingual, PdfLanguage } from './models.js';

export { formatIsoDate, formatRupiah };

/** "30 November 2026 14:05 WIB" in the office's own zone, whatever zone this computer is set to. */
export const formatDateTime = dateTimeText;

/** "09:14 WITA". */
export const formatTime = timeText;

/** The day of an instant in the office's zone, spelled out. */
export const formatDay = instantDayText;

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
