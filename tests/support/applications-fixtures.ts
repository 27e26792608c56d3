// Shared set-up for the application tests: a workstation at Banyumanik (counter 3), an officer, two
// supervisors, and drafts that pass the domain rules.
import type { CallInput } from '@common/contract/index.js';
import { composeNik } from '@common/domain/applications/nik.js';
import { passwordOf, setUp, tempCore, userSession, type TempCore } from './core.js';

export type Draft = CallInput<'applications.create'>['draft'];

export const BUDI_NIK = composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 1 });

export function walkInDraft(over: Partial<Draft['applicant']> = {}, draft: Partial<Omit<Draft, 'applicant'>> = {}): Draft {
  return {
    serviceCode: 'PASPOR_ELEKTRONIK_10',
    reason: 'new',
    accelerated: false,
    priorityGroup: null,
    ...draft,
    applicant: {
      nik: BUDI_NIK,
      fullName: 'Budi Santoso',
      birthPlace: 'Semarang',
      birthDate: '1990-05-17',
      sex: 'M',
      maritalStatus: 'married',
      address: 'Jl. Setiabudi No. 12, Banyumanik, Semarang',
      phone: '0812 3456 7890',
      email: 'budi@example.id',
      fatherName: 'Slamet Santoso',
      motherName: 'Sri Wahyuni',
      nationality: 'IDN',
      passportNumber: null,
      passportExpiry: null,
      nameChange: false,
      ...over,
    },
  };
}

export interface Desk {
  t: TempCore;
  admin: string;
  officer: string;
  supervisor: string;
  supervisor2: string;
}

/** Monday 30 November 2026, 08:00 WIB. */
export const START = Date.UTC(2026, 10, 30, 1, 0, 0);

export async function openDesk(): Promise<Desk> {
  const t = tempCore(START);
  const admin = await setUp(t);
  const officer = await userSession(t, admin, 'petugas1', 'officer');
  const supervisor = await userSession(t, admin, 'supervisor1', 'supervisor');
  const supervisor2 = await userSession(t, admin, 'supervisor2', 'supervisor');
  return { t, admin, officer, supervisor, supervisor2 };
}

/** A single-use supervisor override granted at the officer's desk. */
export async function override(
  d: Desk,
  action: CallInput<'auth.override'>['action'],
  token = d.officer,
  supervisor = 'supervisor1',
): Promise<string> {
  const r = await d.t.value(
    'auth.override',
    { username: supervisor, password: passwordOf(supervisor), action, reason: 'Disetujui di loket' },
    token,
  );
  return r.overrideToken;
}

/** Biometrics have their own tests: tests of the application flow that are not about captures switch them off. */
export async function noCapturesRequired(d: Desk): Promise<void> {
  await d.t.value('biometrics.updateSettings', { required: [] }, d.admin);
}

export function insertBooking(d: Desk, over: Record<string, unknown> = {}): void {
  const row = {
    code: 'MP7K2Q9X4A',
    office_code: 'banyumanik',
    nik: BUDI_NIK,
    full_name: 'BUDI SANTOSO',
    birth_date: '1990-05-17',
    sex: 'M',
    birth_place: 'SEMARANG',
    phone: '+6281234567890',
    email: 'budi@example.id',
    address: 'Jl. Setiabudi No. 12, Banyumanik, Semarang',
    service_code: 'PASPOR_ELEKTRONIK_10',
    reason: 'renewal',
    appointment_date: '2026-11-30',
    slot: '08:30',
    billing_code: '820126113000042',
    billing_amount: 950_000,
    payment_status: 'paid',
    paid_at: START - 86_400_000,
    booked_at: START - 2 * 86_400_000,
    source: 'central',
    ...over,
  };
  const cols = Object.keys(row);
  d.t.core.db.prepare(`INSERT INTO bookings (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}
