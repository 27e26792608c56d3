import { describe, expect, it } from 'vitest';
import { checkNik, composeNik } from '@common/domain/applications/nik.js';

const TODAY = '2026-11-30';

describe('NIK structure and consistency', () => {
  it("reads province, birth date and sex from a man's NIK", () => {
    const r = checkNik('3374101705900001', { birthDate: '1990-05-17', sex: 'M' }, TODAY);
    expect(r.valid).toBe(true);
    expect(r.parts).toMatchObject({ province: '33', provinceName: 'Jawa Tengah', sex: 'M', birthDay: 17, birthMonth: 5, serial: '0001' });
    expect(r.birthDate).toBe('1990-05-17');
  });

  it('adds 40 to the day for women and infers the century without a stated date', () => {
    const r = checkNik('3374105705900002', {}, TODAY);
    expect(r.valid).toBe(true);
    expect(r.parts?.sex).toBe('F');
    expect(r.birthDate).toBe('1990-05-17');
    // A two-digit year later than this year belongs to the last century; 2020 stays in this one.
    expect(checkNik('3174010101300001', {}, TODAY).birthDate).toBe('1930-01-01');
    expect(checkNik('3174010101200001', {}, TODAY).birthDate).toBe('2020-01-01');
  });

  it('accepts spaces and dots an officer types between groups', () => {
    expect(checkNik('33.74.10 170590 0001', { birthDate: '1990-05-17', sex: 'M' }, TODAY).valid).toBe(true);
  });

  it.each([
    ['', 'nik.required'],
    ['33741017059000', 'nik.length'],
    ['337410170590000A', 'nik.digits'],
    ['9974101705900001', 'nik.province'],
    ['3300101705900001', 'nik.regency'],
    ['3374001705900001', 'nik.district'],
    ['3374101705900000', 'nik.serial'],
    ['3374103205900001', 'nik.date'],
    ['3374101713900001', 'nik.date'],
  ])('%s is refused with %s', (nik, problem) => {
    const r = checkNik(nik, {}, TODAY);
    expect(r.valid).toBe(false);
    expect(r.problems).toContain(problem);
  });

  it('refuses 31 February and 29 February of a non-leap year, accepts it in a leap year', () => {
    expect(checkNik('3374103102900001', {}, TODAY).problems).toContain('nik.date');
    expect(checkNik('3374102902010001', {}, TODAY).problems).toContain('nik.date');
    expect(checkNik('3374102902000001', {}, TODAY).valid).toBe(true);
  });

  it('flags a stated birth date or sex the NIK disagrees with', () => {
    expect(checkNik('3374101705900001', { birthDate: '1990-05-18', sex: 'M' }, TODAY).problems).toEqual(['nik.birthDateMismatch']);
    expect(checkNik('3374101705900001', { birthDate: '1991-05-17' }, TODAY).problems).toEqual(['nik.birthDateMismatch']);
    expect(checkNik('3374101705900001', { birthDate: '1990-05-17', sex: 'F' }, TODAY).problems).toEqual(['nik.sexMismatch']);
    expect(checkNik('3374105705900001', { birthDate: '1990-05-17', sex: 'M' }, TODAY).problems).toEqual(['nik.sexMismatch']);
  });

  it('refuses a stated birth date that is not a real date, instead of calling it a mismatch', () => {
    for (const stated of ['1990-02-30', '1990-13-01', '17-05-1990', '1990-5-17'])
      expect(checkNik('3374101705900001', { birthDate: stated }, TODAY).problems).toEqual(['nik.statedDate']);
  });

  it('takes the century from the stated birth date, also for someone over a hundred', () => {
    const centenarian = composeNik({ region: '317101', birthDate: '1920-05-10', sex: 'M', serial: 1 });
    expect(checkNik(centenarian, { birthDate: '1920-05-10', sex: 'M' }, TODAY)).toMatchObject({ valid: true, birthDate: '1920-05-10' });
    // A wrong day still reads the NIK's own date in the stated century, so the officer sees 1920, not 2020.
    expect(checkNik(centenarian, { birthDate: '1920-06-10' }, TODAY)).toMatchObject({
      problems: ['nik.birthDateMismatch'],
      birthDate: '1920-05-10',
    });
  });

  it('composes NIKs that check out', () => {
    for (const [birthDate, sex] of [
      ['1990-05-17', 'M'],
      ['2001-12-31', 'F'],
      ['1958-02-28', 'F'],
    ] as const) {
      const nik = composeNik({ region: '337410', birthDate, sex, serial: 12 });
      expect(checkNik(nik, { birthDate, sex }, TODAY)).toMatchObject({ valid: true, birthDate });
    }
  });
});
