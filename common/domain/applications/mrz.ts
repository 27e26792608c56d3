// Passport MRZ (ICAO 9303 TD3): two lines of 44 characters. Parsing and check-digit verification come
// from the `mrz` library; this module normalises what a document reader types and maps the library's
// findings to stable problem codes the counter screen can show next to the right field.
import { parse, type FieldName } from 'mrz';
import { DateTime } from 'luxon';
import type { Sex } from './nik.js';

export type MrzProblem =
  | 'mrz.required'
  | 'mrz.format'
  | 'mrz.documentCode'
  | 'mrz.checkDigit'
  | 'mrz.country'
  | 'mrz.countryUnknown'
  | 'mrz.date'
  | 'mrz.characters';

/** Which part of the MRZ a problem is about, in our field names. */
export type MrzField =
  | 'mrz'
  | 'documentCode'
  | 'issuingState'
  | 'surname'
  | 'givenNames'
  | 'documentNumber'
  | 'nationality'
  | 'birthDate'
  | 'sex'
  | 'expiryDate'
  | 'personalNumber'
  | 'composite';

export interface MrzIssue {
  field: MrzField;
  code: MrzProblem;
  message: string;
  /** What the MRZ holds there, when it helps the officer (an unknown state code). */
  value?: string;
}

export interface MrzFields {
  documentCode: string;
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  /** yyyy-MM-dd; the century makes the date not later than `today`. */
  birthDate: string | null;
  sex: Sex | null;
  /** yyyy-MM-dd; a passport is valid for at most 10 years, so the century puts it no later than today + 10 years. */
  expiryDate: string | null;
  personalNumber: string;
}

export interface MrzCheck {
  valid: boolean;
  issues: MrzIssue[];
  /**
   * What the officer should look at but that does not stop the reading: a well-formed state code that the
   * library's list does not know (new states and codes reach passports before they reach the list).
   */
  warnings: MrzIssue[];
  /** Null when the text is not two TD3 lines at all. */
  fields: MrzFields | null;
  lines: [string, string] | null;
}

const LINE = 44;

/** Readers type the MRZ like a keyboard: with or without a line break, sometimes in lower case or with spaces. */
export function normaliseMrz(text: string): string[] {
  const upper = text.toUpperCase().replace(/[ \t]/g, '');
  const lines = upper.split(/\r\n|\r|\n/).filter((l) => l.length > 0);
  if (lines.length === 1 && lines[0]!.length === LINE * 2) return [lines[0]!.slice(0, LINE), lines[0]!.slice(LINE)];
  return lines;
}

const FIELD_MAP: Partial<Record<FieldName, MrzField>> = {
  documentCode: 'documentCode',
  issuingState: 'issuingState',
  lastName: 'surname',
  firstName: 'givenNames',
  documentNumber: 'documentNumber',
  documentNumberCheckDigit: 'documentNumber',
  nationality: 'nationality',
  birthDate: 'birthDate',
  birthDateCheckDigit: 'birthDate',
  sex: 'sex',
  expirationDate: 'expiryDate',
  expirationDateCheckDigit: 'expiryDate',
  personalNumber: 'personalNumber',
  personalNumberCheckDigit: 'personalNumber',
  compositeCheckDigit: 'composite',
};

function problemFor(field: FieldName | null, error: string): MrzProblem {
  if (field?.endsWith('CheckDigit')) return 'mrz.checkDigit';
  if (field === 'issuingState' || field === 'nationality') return 'mrz.country';
  if (field === 'birthDate' || field === 'expirationDate') return 'mrz.date';
  if (field === 'documentCode') return 'mrz.documentCode';
  return /character/i.test(error) ? 'mrz.characters' : 'mrz.format';
}

/** The longest a passport is valid: an expiry year further ahead than this belongs to the century before. */
const MAX_VALIDITY_YEARS = 10;

function yymmdd(raw: string | null | undefined, pick: 'past' | 'expiry', today: string): string | null {
  if (!raw || !/^\d{6}$/.test(raw)) return null;
  const yy = Number(raw.slice(0, 2));
  const month = Number(raw.slice(2, 4));
  const day = Number(raw.slice(4, 6));
  const thisYear = Number(today.slice(0, 4));
  const thisCentury = Math.floor(thisYear / 100) * 100;
  const latest = pick === 'past' ? today : `${thisYear + MAX_VALIDITY_YEARS}${today.slice(4)}`;
  // The most recent reading that is not later than the latest possible date.
  for (const year of [thisCentury + 100 + yy, thisCentury + yy, thisCentury - 100 + yy]) {
    const d = DateTime.fromObject({ year, month, day }, { zone: 'UTC' });
    if (d.isValid && d.toISODate()! <= latest) return d.toISODate();
  }
  return null;
}

/** ICAO 9303 writes Germany as `D<<`; everywhere else Loket uses the three-letter code. */
const stateCode = (raw: string): string => {
  const code = raw.replace(/</g, '');
  return code === 'D' ? 'DEU' : code;
};

/** Parses the two TD3 lines and verifies every check digit (document number, birth, expiry, optional data, composite). */
export function checkMrz(text: string, today = DateTime.utc().toISODate()!): MrzCheck {
  const lines = normaliseMrz(text);
  if (lines.length === 0)
    return {
      valid: false,
      issues: [{ field: 'mrz', code: 'mrz.required', message: 'The MRZ is empty' }],
      warnings: [],
      fields: null,
      lines: null,
    };
  if (lines.length !== 2 || lines.some((l) => l.length !== LINE)) {
    const lengths = lines.map((l) => l.length).join(' + ');
    return {
      valid: false,
      issues: [
        {
          field: 'mrz',
          code: 'mrz.format',
          message: `A passport MRZ is two lines of 44 characters (got ${lines.length} line(s): ${lengths})`,
        },
      ],
      warnings: [],
      fields: null,
      lines: null,
    };
  }
  if (lines.some((l) => !/^[A-Z0-9<]+$/.test(l))) {
    return {
      valid: false,
      issues: [{ field: 'mrz', code: 'mrz.characters', message: 'An MRZ holds only A-Z, 0-9 and <' }],
      warnings: [],
      fields: null,
      lines: null,
    };
  }
  let result: ReturnType<typeof parse>;
  try {
    result = parse(lines);
  } catch (err) {
    return {
      valid: false,
      issues: [{ field: 'mrz', code: 'mrz.format', message: (err as Error).message }],
      warnings: [],
      fields: null,
      lines: null,
    };
  }
  const issues: MrzIssue[] = [];
  const warnings: MrzIssue[] = [];
  if (result.format !== 'TD3') issues.push({ field: 'documentCode', code: 'mrz.format', message: `Not a passport MRZ (${result.format})` });
  for (const d of result.details) {
    if (d.valid) continue;
    const field = (d.field && FIELD_MAP[d.field]) ?? 'mrz';
    const code = problemFor(d.field, d.error ?? '');
    const message = d.error ?? `${d.label} is not valid`;
    const raw = lines[d.line]?.slice(d.start, d.end) ?? '';
    if (code === 'mrz.country' && /^[A-Z]{3}$/.test(raw)) warnings.push({ field, code: 'mrz.countryUnknown', message, value: raw });
    else issues.push({ field, code, message });
  }
  const line1 = lines[0]!;
  const line2 = lines[1]!;
  if (line1[0] !== 'P')
    issues.push({ field: 'documentCode', code: 'mrz.documentCode', message: 'The document code of a passport starts with P' });
  // Raw slices so a field the library rejected is still shown to the officer next to its error.
  const f = result.fields;
  const birthDate = yymmdd(line2.slice(13, 19), 'past', today);
  const expiryDate = yymmdd(line2.slice(21, 27), 'expiry', today);
  if (birthDate === null && !issues.some((i) => i.field === 'birthDate'))
    issues.push({ field: 'birthDate', code: 'mrz.date', message: 'The birth date is not a date' });
  if (expiryDate === null && !issues.some((i) => i.field === 'expiryDate'))
    issues.push({ field: 'expiryDate', code: 'mrz.date', message: 'The expiry date is not a date' });
  const sexChar = line2[20];
  const fields: MrzFields = {
    documentCode: line1.slice(0, 2).replace(/</g, ''),
    issuingState: stateCode(line1.slice(2, 5)),
    surname: f.lastName ?? line1.slice(5).split('<<')[0]!.replace(/</g, ' ').trim(),
    givenNames: f.firstName ?? (line1.slice(5).split('<<')[1] ?? '').replace(/</g, ' ').trim(),
    documentNumber: line2.slice(0, 9).replace(/</g, ''),
    nationality: stateCode(line2.slice(10, 13)),
    birthDate,
    sex: sexChar === 'M' ? 'M' : sexChar === 'F' ? 'F' : null,
    expiryDate,
    personalNumber: line2.slice(28, 42).replace(/</g, ''),
  };
  return { valid: issues.length === 0, issues, warnings, fields, lines: [line1, line2] };
}

// ---- composing (tests and training data) ----

const charValue = (c: string): number => (c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);

/** ICAO 9303 check digit: weights 7, 3, 1 repeating, sum modulo 10. */
export function mrzCheckDigit(s: string): string {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < s.length; i++) sum += charValue(s[i]!) * weights[i % 3]!;
  return String(sum % 10);
}

const fill = (s: string, n: number) =>
  s
    .toUpperCase()
    .replace(/[^A-Z0-9<]/g, '<')
    .padEnd(n, '<')
    .slice(0, n);

/** Builds valid TD3 lines; dates are yyyy-MM-dd. */
export function composeTd3(p: {
  issuingState: string;
  surname: string;
  givenNames: string;
  documentNumber: string;
  nationality: string;
  birthDate: string;
  sex: Sex | null;
  expiryDate: string;
  personalNumber?: string;
}): [string, string] {
  const name = `${p.surname.trim().replace(/\s+/g, '<')}<<${p.givenNames.trim().replace(/\s+/g, '<')}`;
  const line1 = fill(`P<${fill(p.issuingState, 3)}${name}`, LINE);
  const doc = fill(p.documentNumber, 9);
  const dob = p.birthDate.replace(/-/g, '').slice(2);
  const exp = p.expiryDate.replace(/-/g, '').slice(2);
  const personal = fill(p.personalNumber ?? '', 14);
  const personalCd = /^<+$/.test(personal) ? '<' : mrzCheckDigit(personal);
  const body = `${doc}${mrzCheckDigit(doc)}${fill(p.nationality, 3)}${dob}${mrzCheckDigit(dob)}${p.sex ?? '<'}${exp}${mrzCheckDigit(exp)}${personal}${personalCd}`;
  const composite = mrzCheckDigit(body.slice(0, 10) + body.slice(13, 20) + body.slice(21, 43));
  return [line1, `${body}${composite}`];
}
