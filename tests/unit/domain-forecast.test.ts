import { describe, expect, it } from 'vitest';
import { backtest } from '@common/domain/analytics/forecast-backtest.js';
import { fit, forecast, HOURS, type History } from '@common/domain/analytics/forecast.js';
import { generateHistory } from '@common/domain/analytics/history-generator.js';
import { isOpen, isoWeekday, plusDays } from '@common/domain/analytics/forecast-calendar.js';
import { addDays, isWorkingDay } from '@common/domain/shared/working-days.js';

const HOLIDAYS = new Set([
  '2026-03-18',
  '2026-03-19',
  '2026-03-20',
  '2026-03-23',
  '2026-03-24',
  '2026-04-03',
  '2026-05-01',
  '2026-05-14',
  '2026-05-15',
  '2026-06-01',
  '2026-06-16',
]);

function historyOf(from: string, to: string, dailyVolume = 400): History {
  const counts = new Map<string, number[]>();
  for (const day of generateHistory({ seed: 11, from, to, holidays: HOLIDAYS, tz: 'Asia/Jakarta', dailyVolume })) {
    if (day.tickets.length === 0) continue;
    const hours = Array.from({ length: HOURS }, () => 0);
    for (const t of day.tickets) hours[new Date(t.arrivedAt + 7 * 3_600_000).getUTCHours()]! += 1;
    counts.set(day.date, hours);
  }
  return { counts, holidays: HOLIDAYS, firstDay: from };
}

describe('arrivals forecast', () => {
  const h = historyOf('2026-01-05', '2026-06-05');

  it('learns the hour-of-week shape: Monday mornings busiest, nothing before opening', () => {
    const m = fit(h, '2026-06-08', 8);
    expect(m.baseline[1]![8]).toBeGreaterThan(m.baseline[3]![8]! * 1.15);
    expect(m.baseline[3]![8]).toBeGreaterThan(m.baseline[3]![12]! * 2);
    expect(m.baseline[3]![6]).toBe(0);
    expect(m.baseline[6]!.every((v) => v === 0)).toBe(true);
  });

  it('learns the post-holiday uplift from the surges it has seen', () => {
    const m = fit(h, '2026-06-08', 8);
    // The generator adds 22% per closed weekday on the first day back and 10% on the second.
    expect(m.upliftPerClosedDay[0]).toBeGreaterThan(0.15);
    expect(m.upliftPerClosedDay[0]).toBeLessThan(0.3);
    expect(m.upliftPerClosedDay[1]).toBeGreaterThan(0.04);
    expect(m.upliftPerClosedDay[1]).toBeLessThan(0.16);
  });

  it('forecasts 10 working days, closed on holidays, with the surge after them', () => {
    const m = fit(h, '2026-06-08', 8);
    const days = forecast(m, '2026-06-08', 10, HOLIDAYS);
    expect(days.filter((d) => !d.closed)).toHaveLength(10);
    expect(days.map((d) => d.date)).not.toContain('2026-06-13');
    const holiday = days.find((d) => d.date === '2026-06-16')!;
    expect(holiday).toMatchObject({ closed: true, total: 0 });
    const after = days.find((d) => d.date === '2026-06-17')!;
    const ordinaryWednesday = days.find((d) => d.date === '2026-06-10')!;
    expect(after.uplift).toBeCloseTo(1 + m.upliftPerClosedDay[0], 10);
    expect(after.total).toBeGreaterThan(ordinaryWednesday.total * 1.1);
    expect(days[days.length - 1]!.date).toBe('2026-06-22');
  });

  it("backtests on rolling origins and beats last week's numbers", () => {
    const r = backtest(h, '2026-06-06', { horizon: 10, trainingWeeks: 8, folds: 6, step: 5 });
    expect(r.folds).toBe(6);
    expect(r.cells).toBeGreaterThan(6 * 10 * 6);
    expect(r.mape).toBeGreaterThan(0);
    expect(r.mape).toBeLessThan(20);
    expect(r.mae).toBeLessThan(r.naiveMae);
  });

  it('needs two weeks of history before a fold counts', () => {
    const short = historyOf('2026-05-18', '2026-06-05');
    expect(backtest(short, '2026-06-06', { horizon: 10, trainingWeeks: 8, folds: 6, step: 5 }).folds).toBe(0);
  });
});

describe('forecast calendar', () => {
  it('walks the days exactly as working-days.ts does, across month, year and leap-day edges', () => {
    for (let d = '2027-12-01', i = 0; i < 500; i++, d = addDays(d, 1)) {
      expect(plusDays(d, 1)).toBe(addDays(d, 1));
      expect(plusDays(d, -1)).toBe(addDays(d, -1));
      expect(isOpen(d, HOLIDAYS)).toBe(isWorkingDay(d, HOLIDAYS));
    }
    expect(plusDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });
});
