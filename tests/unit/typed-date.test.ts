import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseTypedDate, showTypedDate } from '@common/domain/shared/typed-date.js';

describe('a date as the officer types it', () => {
  it('reads dd/mm/yyyy with any usual separator, eight bare digits, or ISO', () => {
    expect(parseTypedDate('17/05/1990')).toBe('1990-05-17');
    expect(parseTypedDate('7.5.1990')).toBe('1990-05-07');
    expect(parseTypedDate('17-05-1990')).toBe('1990-05-17');
    expect(parseTypedDate('17051990')).toBe('1990-05-17');
    expect(parseTypedDate(' 1990-05-17 ')).toBe('1990-05-17');
  });

  it('refuses what is incomplete or not a real day', () => {
    for (const s of ['17/05/19', '17/05', '31/04/2026', '29/02/2027', '00/01/2026', '1990-13-01', '05/17/1990', 'besok', ''])
      expect(parseTypedDate(s), s).toBeNull();
    expect(parseTypedDate('29/02/2028')).toBe('2028-02-29');
  });

  it('shows every real date as dd/mm/yyyy and reads it back unchanged', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        expect(showTypedDate(iso)).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
        expect(parseTypedDate(showTypedDate(iso))).toBe(iso);
      }),
    );
  });

  it('leaves a date still being typed as it is', () => {
    expect(showTypedDate('17/05')).toBe('17/05');
  });
});
