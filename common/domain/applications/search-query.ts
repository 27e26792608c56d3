// What an officer typed into the one search box: an application number, a booking code, a NIK, a
// passport number, or the start of a name. Ambiguous shapes (a booking code also looks like a passport
// number) are searched both ways.
import { isApplicationNumber } from './number.js';
import { looksLikeBookingCode, normaliseBookingCode } from '../queue/booking-code.js';

export const SEARCH_KINDS = ['number', 'booking', 'nik', 'passport', 'name'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const PASSPORT = /^[A-Z]{1,2}\d{6,8}$/;

export function classifyQuery(raw: string): { kinds: SearchKind[]; value: string } {
  const compact = raw.trim().toUpperCase();
  if (isApplicationNumber(compact)) return { kinds: ['number'], value: compact };
  const noSpaces = compact.replace(/[\s.-]/g, '');
  if (/^\d{16}$/.test(noSpaces)) return { kinds: ['nik'], value: noSpaces };
  if (looksLikeBookingCode(compact)) {
    const booking = normaliseBookingCode(compact);
    // A booking code can also look like a passport number: search both, by the code as typed.
    return { kinds: PASSPORT.test(booking) ? ['booking', 'passport'] : ['booking'], value: booking };
  }
  if (PASSPORT.test(noSpaces)) return { kinds: ['passport'], value: noSpaces };
  return { kinds: ['name'], value: raw.trim() };
}

/** Name tokens for a prefix search: letters and digits only, accents kept (the index folds them). */
export function nameTokens(raw: string): string[] {
  return raw
    .normalize('NFC')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 6);
}
