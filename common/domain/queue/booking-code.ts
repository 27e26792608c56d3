// Booking codes, one rule for every door: central's import of M-Paspor bookings, check-in at reception, the
// application form and the search box. M-Paspor's codes have changed shape over the years (MP + 8 today), so
// the rule is the import's: 4 to 32 letters, digits and inner hyphens, read without case or surrounding spaces.
export const BOOKING_CODE_MIN = 4;
export const BOOKING_CODE_MAX = 32;

export const BOOKING_CODE = /^[A-Z0-9](?:[A-Z0-9-]{2,30})[A-Z0-9]$/;

/** What an officer or a scanner types, in the form the rule and the database use. */
export const normaliseBookingCode = (raw: string): string => raw.trim().replace(/\s+/g, '').toUpperCase();

export const isBookingCode = (raw: string): boolean => BOOKING_CODE.test(normaliseBookingCode(raw));

/**
 * Whether a search for this text should look at booking codes: it fits the rule and mixes letters and
 * digits (a name has no digits, a NIK no letters).
 */
export const looksLikeBookingCode = (raw: string): boolean => {
  const code = normaliseBookingCode(raw);
  return BOOKING_CODE.test(code) && /\d/.test(code) && /[A-Z]/.test(code);
};
