// NIK (Nomor Induk Kependudukan): 16 digits `PP KK CC DDMMYY SSSS`. Province, regency and district codes,
// the date of birth with 40 added to the day for women, then a serial from 0001. There is no check
// digit, so structure and consistency with the stated birth date and sex are all that can be verified.
import { DateTime } from 'luxon';

/** Province codes (Kemendagri), including the Papua provinces created in 2022. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

export type Sex = 'M' | 'F';

/** Stable codes the renderer translates; the contract carries them in VALIDATION details. */
export type NikProblem =
  | 'nik.required'
  | 'nik.length'
  | 'nik.digits'
  | 'nik.province'
  | 'nik.regency'
  | 'nik.district'
  | 'nik.date'
  | 'nik.serial'
  | 'nik.birthDateMismatch'
  | 'nik.statedDate'
  | 'nik.sexMismatch';

export interface NikParts {
  province: string;
  provinceName: string | null;
  regency: string;
  district: string;
  /** The day and month encoded; the year is two digits, so the century comes from the stated birth date or `today`. */
  birthDay: number;
  birthMonth: number;
  birthYear2: number;
  sex: Sex;
  serial: string;
}

export interface NikCheck {
  valid: boolean;
  problems: NikProblem[];
  parts: NikParts | null;
  /** yyyy-MM-dd, when the date part is a real date; the century is inferred when no birth date is given. */
  birthDate: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The most recent date with this day, month and two-digit year that is not after `today`. */
function inferBirthDate(day: number, month: number, yy: number, today: string): string | null {
  const currentYear = Number(today.slice(0, 4));
  for (const century of [Math.floor(currentYear / 100) * 100, Math.floor(currentYear / 100) * 100 - 100]) {
    const d = DateTime.fromObject({ year: century + yy, month, day }, { zone: 'UTC' });
    if (d.isValid && d.toISODate()! <= today) return d.toISODate();
  }
  return null;
}

/**
 * Checks the structure of a NIK and, when given, that it agrees with the stated birth date and sex.
 * `today` (yyyy-MM-dd, the office's business date) resolves the two-digit year.
 */
export function checkNik(
  raw: string,
  stated: { birthDate?: string | null; sex?: Sex | null } = {},
  today = DateTime.utc().toISODate()!,
): NikCheck {
  const nik = raw.replace(/[\s.-]/g, '');
  const fail = (...problems: NikProblem[]): NikCheck => ({ valid: false, problems, parts: null, birthDate: null });
  if (nik.length === 0) return fail('nik.required');
  if (!/^\d+$/.test(nik)) return fail('nik.digits');
  if (nik.length !== 16) return fail('nik.length');

  const problems: NikProblem[] = [];
  const province = nik.slice(0, 2);
  const regency = nik.slice(2, 4);
  const district = nik.slice(4, 6);
  const rawDay = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  const serial = nik.slice(12, 16);
  if (!(province in PROVINCE_CODES)) problems.push('nik.province');
  if (regency === '00') problems.push('nik.regency');
  if (district === '00') problems.push('nik.district');
  if (serial === '0000') problems.push('nik.serial');

  const sex: Sex = rawDay > 40 ? 'F' : 'M';
  const day = sex === 'F' ? rawDay - 40 : rawDay;
  let birthDate: string | null = null;
  if (day < 1 || day > 31 || month < 1 || month > 12) {
    problems.push('nik.date');
  } else if (stated.birthDate) {
    const s = stated.birthDate;
    const statedDate = /^\d{4}-\d{2}-\d{2}$/.test(s) ? DateTime.fromISO(s, { zone: 'UTC' }) : null;
    if (!statedDate?.isValid) {
      problems.push('nik.statedDate');
    } else {
      // The stated date gives the century, also for someone over a hundred whose two-digit year fits this century.
      const century = Math.floor(statedDate.year / 100) * 100;
      const encoded = DateTime.fromObject({ year: century + yy, month, day }, { zone: 'UTC' });
      birthDate = encoded.isValid ? encoded.toISODate() : null;
      if (birthDate === null) problems.push('nik.date');
      else if (birthDate !== statedDate.toISODate()) problems.push('nik.birthDateMismatch');
    }
  } else {
    birthDate = inferBirthDate(day, month, yy, today);
    if (birthDate === null) problems.push('nik.date');
  }
  if (stated.sex && stated.sex !== sex) problems.push('nik.sexMismatch');

  return {
    valid: problems.length === 0,
    problems,
    parts: {
      province,
      provinceName: PROVINCE_CODES[province] ?? null,
      regency,
      district,
      birthDay: day,
      birthMonth: month,
      birthYear2: yy,
      sex,
      serial,
    },
    birthDate,
  };
}

/** Builds a structurally valid NIK (tests, training data). */
export function composeNik(p: { region: string; birthDate: string; sex: Sex; serial: number }): string {
  const [y, m, d] = p.birthDate.split('-');
  const day = Number(d) + (p.sex === 'F' ? 40 : 0);
  return `${p.region}${pad(day)}${m}${y!.slice(2)}${String(p.serial).padStart(4, '0')}`;
}
