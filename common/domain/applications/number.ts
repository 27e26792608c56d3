// Application numbers: `PFX-YYMMDD-CC-NNNN`, e.g. BYM-261130-03-0001.
//   PFX     the office's three-letter prefix (reference data, one per office)
//   YYMMDD  the business day in the office's time zone
//   CC      the counter number of the workstation that checked the applicant in (2 digits, 3 from 100)
//   NNNN    a per-counter, per-day sequence from 0001
// Each counter allocates its own numbers, so two workstations never collide, even offline, as long as
// counter numbers are unique within an office. The number is what the QR and Code 128 carry.

export const APPLICATION_NUMBER = /^([A-Z]{3})-(\d{6})-(\d{2,3})-(\d{4})$/;

export function formatApplicationNumber(p: { prefix: string; businessDate: string; counter: number; seq: number }): string {
  const yymmdd = p.businessDate.slice(2).replace(/-/g, '');
  return `${p.prefix}-${yymmdd}-${String(p.counter).padStart(2, '0')}-${String(p.seq).padStart(4, '0')}`;
}

/** Accepts what a scanner or an officer types (lower case, spaces around) and returns the canonical number. */
export function parseApplicationNumber(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  return APPLICATION_NUMBER.test(s) ? s : null;
}

export const MAX_DAILY_SEQUENCE = 9999;
