// Application numbers: `PFX-YYMMDD-CC-NNNN`, e.g. BYM-261130-03-0001.
//   PFX     the office's three-letter prefix (reference data, one per office)
//   YYMMDD  the business day in the office's time zone
//   CC      the counter number of the workstation that checked the applicant in (2 digits, 3 from 100)
//   NNNN    a per-counter, per-day sequence from 0001
// Each counter allocates its own numbers, so two workstations never collide, even offline, as long as
// counter numbers are unique within an office. The number is what the QR and Code 128 carry.
// Training mode puts `LAT-` in front (LAT-BYM-261130-03-0001): a shape the real rule never produces, so a
// practice receipt cannot be read as a real office's application, by an officer or by a scanner.

export const APPLICATION_NUMBER = /^([A-Z]{3})-(\d{6})-(\d{2,3})-(\d{4})$/;

export const TRAINING_NUMBER_MARK = 'LAT-';
export const TRAINING_APPLICATION_NUMBER = /^LAT-([A-Z]{3})-(\d{6})-(\d{2,3})-(\d{4})$/;

export function formatApplicationNumber(p: {
  prefix: string;
  businessDate: string;
  counter: number;
  seq: number;
  training?: boolean;
}): string {
  const yymmdd = p.businessDate.slice(2).replace(/-/g, '');
  const real = `${p.prefix}-${yymmdd}-${String(p.counter).padStart(2, '0')}-${String(p.seq).padStart(4, '0')}`;
  return p.training ? `${TRAINING_NUMBER_MARK}${real}` : real;
}

/** A number of either shape: real, or training's. Which one a workstation accepts depends on its mode. */
export const isApplicationNumber = (s: string): boolean => APPLICATION_NUMBER.test(s) || TRAINING_APPLICATION_NUMBER.test(s);

/**
 * Accepts what a scanner or an officer types (lower case, spaces around) and returns the canonical number.
 * A training number is a number only in training mode; training also still reads the real shape, which
 * training databases from before the mark hold.
 */
export function parseApplicationNumber(raw: string, training = false): string | null {
  const s = raw.trim().toUpperCase();
  if (TRAINING_APPLICATION_NUMBER.test(s)) return training ? s : null;
  return APPLICATION_NUMBER.test(s) ? s : null;
}

/** What a scanner sends from a receipt: the bare number, or a QR payload that contains one (parsed as above). */
export function applicationNumberIn(code: string, training = false): string | null {
  const direct = parseApplicationNumber(code, training);
  if (direct) return direct;
  // The optional mark is part of the match, so a real workstation never finds the real-looking tail of a practice number.
  const m = /(?:LAT-)?[A-Z]{3}-\d{6}-\d{2,3}-\d{4}/.exec(code.toUpperCase());
  return m ? parseApplicationNumber(m[0], training) : null;
}

export const MAX_DAILY_SEQUENCE = 9999;
