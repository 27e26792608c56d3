// Realistic demo M-Paspor bookings for one office day: 15-minute slots 08:00-15:00 in the office's
// time zone, a few applicants per slot, valid NIKs (Jawa Tengah region codes), Indonesian names.
// Deterministic for a seed, so demo data and tests are reproducible.
import { prng } from '../analytics/history-generator.js';
import { composeNik } from '../applications/nik.js';

const GIVEN = [
  'Budi',
  'Siti',
  'Agus',
  'Dewi',
  'Rina',
  'Eko',
  'Sri',
  'Wahyu',
  'Putri',
  'Andi',
  'Nur',
  'Joko',
  'Ayu',
  'Bambang',
  'Fitri',
  'Hendra',
];
const FAMILY = [
  'Santoso',
  'Rahayu',
  'Wibowo',
  'Lestari',
  'Pratama',
  'Hidayat',
  'Susanto',
  'Kurniawan',
  'Nugroho',
  'Wulandari',
  'Saputra',
  'Setiawan',
];
const REGIONS = ['337401', '337402', '337403', '337201', '331501'];
const SLOT_MS = 15 * 60_000;
const FIRST_SLOT_MS = 8 * 3_600_000;
const SLOTS = 28; // 08:00 .. 14:45

export interface DemoBooking {
  code: string;
  officeCode: string;
  serviceCode: string;
  nik: string;
  fullName: string;
  slotAt: number;
  applicationService: string;
}

/** What M-Paspor books most: electronic 10-year passports, then ordinary ones. */
const APPLICATION_SERVICES = ['PASPOR_ELEKTRONIK_10', 'PASPOR_ELEKTRONIK_10', 'PASPOR_BIASA_10', 'PASPOR_ELEKTRONIK_5', 'PASPOR_BIASA_5'];

export function demoBookings(o: { officeCode: string; dayStart: number; count: number; seed: number }): DemoBooking[] {
  const rand = prng(o.seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const out: DemoBooking[] = [];
  for (let i = 0; i < o.count; i++) {
    const slot = Math.floor((i * SLOTS) / Math.max(1, o.count));
    const year = 1950 + Math.floor(rand() * 55);
    const birth = `${year}-${String(1 + Math.floor(rand() * 12)).padStart(2, '0')}-${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}`;
    const code = `MP${Math.floor(o.dayStart / 86_400_000)
      .toString(36)
      .toUpperCase()}${o.seed.toString(36).toUpperCase()}${String(i + 1).padStart(4, '0')}`;
    out.push({
      code,
      officeCode: o.officeCode,
      serviceCode: 'PASPOR_JANJI',
      nik: composeNik({ region: pick(REGIONS), birthDate: birth, sex: rand() < 0.5 ? 'M' : 'F', serial: 1 + Math.floor(rand() * 9000) }),
      fullName: `${pick(GIVEN)} ${pick(FAMILY)}`,
      slotAt: o.dayStart + FIRST_SLOT_MS + slot * SLOT_MS,
      applicationService: pick(APPLICATION_SERVICES),
    });
  }
  return out;
}
