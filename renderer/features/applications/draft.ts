// The walk-in form's values as typed (strings), and the contract draft they make.
import type { CallInput } from '@common/contract/index.js';
import type { MrzFields } from '@common/domain/applications/mrz.js';

export type Draft = CallInput<'applications.create'>['draft'];

export interface FormValues {
  serviceCode: string;
  reason: 'new' | 'renewal' | 'lost' | 'damaged';
  accelerated: boolean;
  priorityGroup: string;
  nik: string;
  fullName: string;
  birthPlace: string;
  birthDate: string;
  sex: 'M' | 'F';
  maritalStatus: string;
  address: string;
  phone: string;
  email: string;
  fatherName: string;
  motherName: string;
  nationality: string;
  passportNumber: string;
  passportExpiry: string;
  nameChange: boolean;
}

export const EMPTY: FormValues = {
  serviceCode: 'PASPOR_ELEKTRONIK_5',
  reason: 'new',
  accelerated: false,
  priorityGroup: '',
  nik: '',
  fullName: '',
  birthPlace: '',
  birthDate: '',
  sex: 'M',
  maritalStatus: '',
  address: '',
  phone: '',
  email: '',
  fatherName: '',
  motherName: '',
  nationality: 'IDN',
  passportNumber: '',
  passportExpiry: '',
  nameChange: false,
};

const orNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** Null while the values cannot make a draft at all (no name, no birth date yet). */
export function toDraft(v: FormValues): Draft | null {
  if (v.fullName.trim() === '' || !/^\d{4}-\d{2}-\d{2}$/.test(v.birthDate)) return null;
  if (v.passportExpiry !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(v.passportExpiry)) return null;
  return {
    serviceCode: v.serviceCode,
    reason: v.reason,
    accelerated: v.accelerated,
    priorityGroup: (orNull(v.priorityGroup) as Draft['priorityGroup']) ?? null,
    applicant: {
      nik: orNull(v.nik),
      fullName: v.fullName.trim(),
      birthPlace: orNull(v.birthPlace),
      birthDate: v.birthDate,
      sex: v.sex,
      maritalStatus: (orNull(v.maritalStatus) as Draft['applicant']['maritalStatus']) ?? null,
      address: orNull(v.address),
      phone: orNull(v.phone),
      email: orNull(v.email),
      fatherName: orNull(v.fatherName),
      motherName: orNull(v.motherName),
      nationality: v.nationality.trim().toUpperCase() || 'IDN',
      passportNumber: orNull(v.passportNumber),
      passportExpiry: orNull(v.passportExpiry),
      nameChange: v.nameChange,
    },
  };
}

export function fromDraft(d: Draft): FormValues {
  const a = d.applicant;
  return {
    serviceCode: d.serviceCode,
    reason: d.reason ?? 'new',
    accelerated: d.accelerated ?? false,
    priorityGroup: d.priorityGroup ?? '',
    nik: a.nik ?? '',
    fullName: a.fullName,
    birthPlace: a.birthPlace ?? '',
    birthDate: a.birthDate,
    sex: a.sex,
    maritalStatus: a.maritalStatus ?? '',
    address: a.address ?? '',
    phone: a.phone ?? '',
    email: a.email ?? '',
    fatherName: a.fatherName ?? '',
    motherName: a.motherName ?? '',
    nationality: a.nationality ?? 'IDN',
    passportNumber: a.passportNumber ?? '',
    passportExpiry: a.passportExpiry ?? '',
    nameChange: a.nameChange ?? false,
  };
}

/** What the old passport's MRZ fills: the names as printed (given names first), birth, sex, passport. */
export function fromMrz(v: FormValues, f: MrzFields): FormValues {
  return {
    ...v,
    fullName: [f.givenNames, f.surname].filter(Boolean).join(' '),
    birthDate: f.birthDate ?? v.birthDate,
    sex: f.sex ?? v.sex,
    nationality: f.nationality || v.nationality,
    passportNumber: f.documentNumber,
    passportExpiry: f.expiryDate ?? '',
    reason: f.nationality === 'IDN' && v.reason === 'new' ? 'renewal' : v.reason,
  };
}
