import { describe, expect, it } from 'vitest';
import { announcementText, formatTicketNumber, indonesianNumber, localPrefix } from '@common/domain/queue/ticket-number.js';
import { demoBookings } from '@common/domain/queue/bookings.js';
import { checkNik } from '@common/domain/applications/nik.js';

describe('ticket numbers and the spoken announcement', () => {
  it('formats numbers with three digits and the local prefix', () => {
    expect(formatTicketNumber('A', 7)).toBe('A-007');
    expect(formatTicketNumber('B', 120)).toBe('B-120');
    expect(formatTicketNumber(`${localPrefix(3)}C`, 1)).toBe('L3C-001');
  });

  it('says counters as Indonesian cardinals', () => {
    expect([0, 3, 10, 11, 15, 20, 25, 100, 111, 342].map(indonesianNumber)).toEqual([
      'nol',
      'tiga',
      'sepuluh',
      'sebelas',
      'lima belas',
      'dua puluh',
      'dua puluh lima',
      'seratus',
      'seratus sebelas',
      'tiga ratus empat puluh dua',
    ]);
    expect(() => indonesianNumber(1000)).toThrow();
  });

  it('reads the ticket digit by digit, then the counter', () => {
    expect(announcementText('A-007', 3)).toBe('Nomor antrean A nol nol tujuh, silakan ke loket tiga');
    expect(announcementText('L12B-120', 12)).toBe('Nomor antrean L satu dua B satu dua nol, silakan ke loket dua belas');
  });
});

describe('demo bookings', () => {
  it('are reproducible, unique, inside office hours and carry valid NIKs', () => {
    const dayStart = Date.parse('2026-12-01T00:00:00+07:00');
    const a = demoBookings({ officeCode: 'banyumanik', dayStart, count: 60, seed: 3 });
    expect(demoBookings({ officeCode: 'banyumanik', dayStart, count: 60, seed: 3 })).toEqual(a);
    expect(new Set(a.map((b) => b.code)).size).toBe(60);
    for (const b of a) {
      expect(b.slotAt).toBeGreaterThanOrEqual(dayStart + 8 * 3_600_000);
      expect(b.slotAt).toBeLessThan(dayStart + 15 * 3_600_000);
      expect(checkNik(b.nik, {}, '2026-12-01').problems).toEqual([]);
    }
  });
});

describe('wait estimate backtest', () => {
  it('is reproducible and, knowing recent service times, beats the estimate without history', async () => {
    const { backtestWaitEstimate } = await import('@common/domain/queue/backtest.js');
    const o = { days: 5, seed: 11, counters: 4, arrivalsPerHour: 28, trueServiceMs: 9 * 60_000, defaultServiceMs: 6 * 60_000 };
    const r = backtestWaitEstimate(o);
    expect(backtestWaitEstimate(o)).toEqual(r);
    expect(r.tickets).toBeGreaterThan(500);
    expect(r.maeMs).toBeLessThan(r.naiveMaeMs);
  });
});
