import { describe, expect, it } from 'vitest';
import { generateHistory, poisson, postHolidayRank, prng, type HistoryDay } from '@common/domain/analytics/history-generator.js';
import { weekdayOf } from '@common/domain/analytics/heatmap.js';

// SKB 3 Menteri 2026, Nyepi and Idul Fitri: Wednesday 18 March to Tuesday 24 March closed.
const HOLIDAYS = new Set(['2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22', '2026-03-23', '2026-03-24', '2026-05-01']);
const TZ = 'Asia/Jakarta';
const days = (seed = 7): HistoryDay[] => [
  ...generateHistory({ seed, from: '2026-02-02', to: '2026-04-30', holidays: HOLIDAYS, tz: TZ, dailyVolume: 400 }),
];
const localHour = (ms: number) => new Date(ms + 7 * 3_600_000).getUTCHours();
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('history generator', () => {
  const history = days();

  it('is reproducible from its seed and differs for another seed', () => {
    expect(days().map((d) => d.tickets.length)).toEqual(history.map((d) => d.tickets.length));
    expect(days(8).map((d) => d.tickets.length)).not.toEqual(history.map((d) => d.tickets.length));
  });

  it('is closed on weekends and holidays', () => {
    for (const d of history) {
      if (weekdayOf(d.date) >= 6 || HOLIDAYS.has(d.date)) expect(d.tickets, d.date).toHaveLength(0);
      else expect(d.tickets.length, d.date).toBeGreaterThan(200);
    }
  });

  it('peaks in the morning and on Mondays', () => {
    const all = history.flatMap((d) => d.tickets);
    const at = (h: number) => all.filter((t) => localHour(t.arrivedAt) === h).length;
    expect(at(8)).toBeGreaterThan(at(12) * 2);
    expect(Math.min(...all.map((t) => localHour(t.arrivedAt)))).toBe(8);
    expect(Math.max(...all.map((t) => localHour(t.arrivedAt)))).toBe(14);
    const ordinary = history.filter((d) => d.tickets.length > 0 && postHolidayRank(d.date, HOLIDAYS).rank === 0);
    const byWeekday = (w: number) => mean(ordinary.filter((d) => weekdayOf(d.date) === w).map((d) => d.tickets.length));
    expect(byWeekday(1)).toBeGreaterThan(byWeekday(3) * 1.15);
    expect(byWeekday(5)).toBeLessThan(byWeekday(3));
  });

  it('surges on the first working day after Lebaran', () => {
    const after = history.find((d) => d.date === '2026-03-25')!;
    expect(postHolidayRank('2026-03-25', HOLIDAYS)).toEqual({ rank: 1, closed: 5 });
    const wednesdays = history.filter(
      (d) => weekdayOf(d.date) === 3 && d.tickets.length > 0 && postHolidayRank(d.date, HOLIDAYS).rank === 0,
    );
    expect(after.tickets.length).toBeGreaterThan(1.8 * mean(wednesdays.map((d) => d.tickets.length)));
  });

  it('plays a consistent queue: called after arrival, started after the call, one ticket per counter at a time', () => {
    const day = history.find((d) => d.date === '2026-02-09')!;
    const served = day.tickets.filter((t) => t.outcome === 'served');
    expect(served.length / day.tickets.length).toBeGreaterThan(0.88);
    for (const t of day.tickets) {
      if (t.outcome === 'cancelled') expect([t.calledAt, t.startedAt, t.finishedAt, t.counter]).toEqual([null, null, null, null]);
      if (t.outcome === 'no_show') expect(t.calledAt).toBeGreaterThanOrEqual(t.arrivedAt);
      if (t.outcome === 'served')
        expect(t.arrivedAt <= t.calledAt! && t.calledAt! < t.startedAt! && t.startedAt! < t.finishedAt!).toBe(true);
    }
    const byCounter = new Map<number, Array<[number, number]>>();
    for (const t of served) byCounter.set(t.counter!, [...(byCounter.get(t.counter!) ?? []), [t.calledAt!, t.finishedAt!]]);
    for (const spans of byCounter.values()) {
      spans.sort((a, b) => a[0] - b[0]);
      spans.slice(1).forEach((s, i) => expect(s[0]).toBeGreaterThanOrEqual(spans[i]![1]));
    }
    expect(day.tickets.some((t) => t.outcome === 'no_show')).toBe(true);
    expect(day.tickets.some((t) => t.channel === 'walk_in') && day.tickets.some((t) => t.channel === 'appointment')).toBe(true);
  });

  it('calls priority groups ahead of those who arrived earlier', () => {
    const day = history.find((d) => d.date === '2026-02-09')!;
    const called = day.tickets.filter((t) => t.calledAt !== null);
    const wait = (p: boolean) => mean(called.filter((t) => (t.priorityGroup !== null) === p).map((t) => t.calledAt! - t.arrivedAt));
    expect(wait(true)).toBeLessThan(wait(false) / 2);
  });

  it('draws Poisson counts with the right mean', () => {
    const rand = prng(1);
    for (const m of [3, 120]) expect(mean(Array.from({ length: 4000 }, () => poisson(rand, m)))).toBeCloseTo(m, 0);
    expect(poisson(rand, 0)).toBe(0);
  });
});
