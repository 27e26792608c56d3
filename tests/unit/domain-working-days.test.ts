import Database from 'better-sqlite3-multiple-ciphers';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '@db/migrate.js';
import { addWorkingDays, businessDate, isWorkingDay, workingDaysBetween } from '@common/domain/shared/working-days.js';

// The holidays seeded by the workstation's migration, read from a real (in-memory) database.
let holidays: Set<string>;
beforeAll(() => {
  const db = new Database(':memory:');
  migrate(db);
  holidays = new Set((db.prepare('SELECT date FROM holidays WHERE active = 1').all() as Array<{ date: string }>).map((r) => r.date));
  db.close();
});

describe('working days with the seeded holiday calendar', () => {
  it('skips weekends: Friday + 3 is Wednesday', () => {
    expect(addWorkingDays('2026-11-27', 3, holidays)).toBe('2026-12-02');
  });

  it('skips Christmas and its cuti bersama', () => {
    // Wed 23 Dec 2026: 24 cuti bersama, 25 Natal, 26-27 weekend.
    expect(addWorkingDays('2026-12-23', 4, holidays)).toBe('2026-12-31');
  });

  it('crosses the year end into the 2027 calendar', () => {
    // 31 Dec (1), 1 Jan holiday, 2-3 weekend, 4 Jan (2), 5 Jan Isra Mikraj (estimate), 6 Jan (3).
    expect(addWorkingDays('2026-12-30', 3, holidays)).toBe('2027-01-06');
    expect(workingDaysBetween('2026-12-30', '2027-01-06', holidays)).toBe(3);
  });

  it('skips the Nyepi and Lebaran long weekend of March 2026', () => {
    // 18-24 March 2026 are all holidays, cuti bersama or weekend.
    for (const d of ['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-23', '2026-03-24']) expect(isWorkingDay(d, holidays)).toBe(false);
    expect(addWorkingDays('2026-03-17', 4, holidays)).toBe('2026-03-30');
  });

  it('same-day (percepatan) is the next working day when applied on a holiday', () => {
    expect(addWorkingDays('2026-11-30', 0, holidays)).toBe('2026-11-30');
    expect(addWorkingDays('2026-12-25', 0, holidays)).toBe('2026-12-28');
  });

  it('refuses a negative or fractional lead time', () => {
    expect(() => addWorkingDays('2026-11-30', -1, holidays)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-11-30', 1.5, holidays)).toThrow(RangeError);
  });

  it("counts the business day in the office's own zone", () => {
    // 23:30 WIB on 30 Nov is 16:30 UTC; the same instant is already 1 Dec in WIT (UTC+9, 01:30).
    const instant = Date.UTC(2026, 10, 30, 16, 30);
    expect(businessDate(instant, 'Asia/Jakarta')).toBe('2026-11-30');
    expect(businessDate(instant, 'Asia/Jayapura')).toBe('2026-12-01');
  });
});
