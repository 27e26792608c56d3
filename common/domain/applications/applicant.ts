// Applicant data rules, run as the officer types (validate.* calls, renderer) and again in core on
// every write. Problems come back as stable codes keyed by the input path the screen shows them on.
import { DateTime } from 'luxon';
import { checkNik, type Sex } from './nik.js';
import type { ApplicationReason } from './fees.js';

export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export type MaritalStatus = (typeof MARITAL_STATUSES)[number];

/** Priority groups from REFERENCE.md: lansia 60+, disabilitas, ibu hamil, balita (5 and under), the sick. */
export const PRIORITY_GROUPS = ['lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export const APPLICATION_REASONS = ['new', 'renewal', 'lost', 'damaged'] as const;

export const ADULT_AGE = 17;
export const LANSIA_AGE = 60;
export const BALITA_MAX_AGE = 5;

export interface ApplicantData {
  nik: string | null;
  fullName: string;
  birthPlace: string | null;
  birthDate: string;
  sex: Sex;
  maritalStatus: MaritalStatus | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  fatherName: string | null;
  motherName: string | null;
  nationality: string;
  /** The old passport for a citizen's renewal; the current passport of a foreigner. */
  passportNumber: string | null;
  passportExpiry: string | null;
  /** The name differs from the one on the birth certificate or old passport: a decree is needed. */
  nameChange: boolean;
}

export interface ServiceFacts {
  code: string;
  category: 'passport' | 'travel_document' | 'stay_permit';
  applicantKind: 'citizen' | 'foreigner';
  passportYears: number | null;
  allowsAcceleration: boolean;
  allowedReasons: readonly ApplicationReason[];
}

export interface ApplicationFacts {
  service: ServiceFacts;
  reason: ApplicationReason;
  accelerated: boolean;
  priorityGroup: PriorityGroup | null;
  applicant: ApplicantData;
}

export type FieldProblems = Record<string, string[]>;

/** Upper case, NFC, single spaces: names are kept as printed on the KTP. */
export const normaliseName = (s: string): string => s.normalize('NFC').toUpperCase().replace(/\s+/g, ' ').trim();

/** Indonesian mobile numbers to +62...; other international numbers kept with their +. */
export function normalisePhone(raw: string): string {
  const s = raw.replace(/[\s().-]/g, '');
  if (/^08\d+$/.test(s)) return `+62${s.slice(1)}`;
  if (/^628\d+$/.test(s)) return `+${s}`;
  return s;
}

export function ageOn(birthDate: string, today: string): number {
  const b = DateTime.fromISO(birthDate, { zone: 'UTC' });
  const t = DateTime.fromISO(today, { zone: 'UTC' });
  let age = t.year - b.year;
  if (t.month < b.month || (t.month === b.month && t.day < b.day)) age -= 1;
  return age;
}

/** A child for passport purposes: under 17 and never married. */
export const isMinor = (a: Pick<ApplicantData, 'birthDate' | 'maritalStatus'>, today: string): boolean =>
  ageOn(a.birthDate, today) < ADULT_AGE && (a.maritalStatus === null || a.maritalStatus === 'single');

const NAME = /^[\p{Lu}\p{M}][\p{Lu}\p{M}' .,-]*$/u;
const PLACE = /^[\p{L}\p{M}][\p{L}\p{M}' .,()-]*$/u;
const isIsoDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;

/**
 * Checks an application. `complete` adds what verification needs (address, contact, parents of a
 * minor, the passport of a renewal or a foreigner); without it only what is given must be right.
 */
export function applicationProblems(f: ApplicationFacts, today: string, complete: boolean): FieldProblems {
  const out: FieldProblems = {};
  const add = (path: string, code: string) => (out[path] ??= []).push(code);
  const a = f.applicant;
  const s = f.service;

  // Identity
  if (a.fullName.length < 2 || a.fullName.length > 100 || !NAME.test(a.fullName)) add('applicant.fullName', 'name.invalid');
  const dobValid = isIsoDate(a.birthDate);
  if (!dobValid) add('applicant.birthDate', 'date.invalid');
  else if (a.birthDate > today) add('applicant.birthDate', 'birthDate.future');
  else if (ageOn(a.birthDate, today) > 130) add('applicant.birthDate', 'birthDate.tooOld');
  if (s.applicantKind === 'citizen') {
    if (!a.nik) add('applicant.nik', 'nik.required');
    else {
      const nik = checkNik(a.nik, { birthDate: dobValid ? a.birthDate : null, sex: a.sex }, today);
      for (const p of nik.problems)
        add(p === 'nik.birthDateMismatch' ? 'applicant.birthDate' : p === 'nik.sexMismatch' ? 'applicant.sex' : 'applicant.nik', p);
    }
    if (a.nationality !== 'IDN') add('applicant.nationality', 'nationality.citizenOnly');
  } else {
    if (a.nik) add('applicant.nik', 'nik.notForForeigners');
    if (a.nationality === 'IDN') add('applicant.nationality', 'nationality.foreignerOnly');
  }
  if (!/^[A-Z]{3}$/.test(a.nationality)) add('applicant.nationality', 'nationality.invalid');
  if (a.birthPlace !== null && (a.birthPlace.length < 2 || a.birthPlace.length > 60 || !PLACE.test(a.birthPlace)))
    add('applicant.birthPlace', 'place.invalid');
  if (a.address !== null && (a.address.length < 10 || a.address.length > 300)) add('applicant.address', 'address.invalid');
  if (a.phone !== null) {
    const ok = s.applicantKind === 'citizen' ? /^\+628\d{7,11}$/.test(a.phone) : /^\+\d{8,15}$/.test(a.phone);
    if (!ok) add('applicant.phone', 'phone.invalid');
  }
  if (a.email !== null && !/^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/.test(a.email)) add('applicant.email', 'email.invalid');
  for (const k of ['fatherName', 'motherName'] as const) {
    const v = a[k];
    if (v !== null && (v.length < 2 || v.length > 100 || !NAME.test(v))) add(`applicant.${k}`, 'name.invalid');
  }
  if (a.passportNumber !== null && !/^[A-Z0-9]{6,9}$/.test(a.passportNumber)) add('applicant.passportNumber', 'passport.invalid');
  if (a.passportExpiry !== null && !isIsoDate(a.passportExpiry)) add('applicant.passportExpiry', 'date.invalid');

  // Service rules
  if (!s.allowedReasons.includes(f.reason)) add('reason', 'reason.notForService');
  if (f.accelerated && !s.allowsAcceleration) add('accelerated', 'accelerated.notForService');
  if (dobValid && a.birthDate <= today) {
    const age = ageOn(a.birthDate, today);
    const minor = isMinor(a, today);
    // REFERENCE.md: a 10-year passport only for applicants aged 17 or over, or married.
    if (s.passportYears === 10 && minor) add('serviceCode', 'passport.tenYearNotEligible');
    if (f.priorityGroup === 'lansia' && age < LANSIA_AGE) add('priorityGroup', 'priority.lansiaAge');
    if (f.priorityGroup === 'balita' && age > BALITA_MAX_AGE) add('priorityGroup', 'priority.balitaAge');
    if (f.priorityGroup === 'ibu_hamil' && (a.sex !== 'F' || age < 12)) add('priorityGroup', 'priority.ibuHamil');
    if (a.maritalStatus === 'married' && age < 16) add('applicant.maritalStatus', 'marital.tooYoung');
    if (complete && minor) {
      if (!a.fatherName && !a.motherName) add('applicant.motherName', 'parents.requiredForMinor');
    }
  }
  if (s.applicantKind === 'foreigner' && a.passportExpiry && a.passportExpiry < today) add('applicant.passportExpiry', 'passport.expired');

  if (complete) {
    const need = (path: string, v: unknown) => (v === null || v === '' ? add(path, 'required') : undefined);
    need('applicant.birthPlace', a.birthPlace);
    need('applicant.address', a.address);
    need('applicant.maritalStatus', a.maritalStatus);
    if (!a.phone && !a.email) add('applicant.phone', 'contact.required');
    if (s.applicantKind === 'foreigner') {
      need('applicant.passportNumber', a.passportNumber);
      need('applicant.passportExpiry', a.passportExpiry);
    }
    if (s.category === 'passport' && (f.reason === 'renewal' || f.reason === 'damaged')) need('applicant.passportNumber', a.passportNumber);
  }
  return out;
}

export const hasProblems = (p: FieldProblems): boolean => Object.keys(p).length > 0;
