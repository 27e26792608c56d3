import { describe, expect, it } from 'vitest';
import { buildHeatmap, cellsByWeekday, openDaysByWeekday } from '@common/domain/analytics/heatmap.js';
import { quantileOfBins, shareWithin, summariseServiceTimes } from '@common/domain/analytics/service-level.js';

describe('arrivals heatmap', () => {
  it('divides counts by the open days of each weekday, skipping holidays', () => {
    // 2026-03-02 is a Monday; two weeks, with Wednesday 11 March a holiday.
    const open = openDaysByWeekday('2026-03-02', '2026-03-15', new Set(['2026-03-11']));
    expect([...open.entries()].sort()).toEqual([
      [1, 2],
      [2, 2],
      [3, 1],
      [4, 2],
      [5, 2],
    ]);
    const map = buildHeatmap(
      [
        { weekday: 1, hour: 8, arrivals: 100 },
        { weekday: 3, hour: 8, arrivals: 30 },
        { weekday: 3, hour: 10, arrivals: 10 },
      ],
      open,
    );
    expect(map.weekdays).toEqual([1, 2, 3, 4, 5]);
    expect(map.hours).toEqual([8, 9, 10]);
    expect(map.mean[0]).toEqual([50, 0, 0]);
    expect(map.mean[2]).toEqual([30, 0, 10]);
    expect(map.peak).toEqual({ weekday: 1, hour: 8, mean: 50 });
    expect(map.total).toBe(140);
    expect(map.openDays).toEqual([2, 2, 1, 2, 2]);
  });

  it('folds arrivals per day and hour into weekday cells', () => {
    const cells = cellsByWeekday([
      { day: '2026-03-02', hour: 8, arrivals: 40 },
      { day: '2026-03-09', hour: 8, arrivals: 60 },
      { day: '2026-03-09', hour: 9, arrivals: 7 },
      { day: '2026-03-13', hour: 8, arrivals: 5 },
    ]);
    expect(cells).toEqual([
      { weekday: 1, hour: 8, arrivals: 100 },
      { weekday: 1, hour: 9, arrivals: 7 },
      { weekday: 5, hour: 8, arrivals: 5 },
    ]);
  });

  it('is empty without arrivals', () => {
    const map = buildHeatmap([], new Map());
    expect(map).toMatchObject({ hours: [], total: 0, peak: null });
  });
});

describe('service-time distribution', () => {
  // 1..1000 seconds, one each, in 1-second bins: quantiles are the order statistics.
  const bins = Array.from({ length: 1000 }, (_, i) => ({ fromSeconds: i, count: 1 }));

  it('interpolates quantiles inside the bins', () => {
    expect(quantileOfBins(bins, 1, 0.5)).toBeCloseTo(500, 6);
    expect(quantileOfBins(bins, 1, 0.9)).toBeCloseTo(900, 6);
    expect(quantileOfBins([{ fromSeconds: 300, count: 4 }], 10, 0.5)).toBe(305);
    expect(quantileOfBins([], 10, 0.5)).toBe(0);
  });

  it('summarises mean, percentiles and chart bins that hold every ticket', () => {
    const s = summariseServiceTimes(bins, 1);
    expect(s.count).toBe(1000);
    expect(s.meanSeconds).toBeCloseTo(500, 6);
    expect([s.p50, s.p80, s.p90, s.p95].map(Math.round)).toEqual([500, 800, 900, 950]);
    expect(s.histogram.reduce((a, b) => a + b.count, 0)).toBe(1000);
    expect(s.histogram[0]!.fromSeconds).toBe(0);
    s.histogram.slice(1).forEach((b, i) => expect(b.fromSeconds).toBe(s.histogram[i]!.toSeconds));
    expect(summariseServiceTimes([], 5)).toMatchObject({ count: 0, histogram: [] });
  });

  it('counts the share served within a target', () => {
    expect(shareWithin([60, 600, 1800, 1801], 1800)).toBe(0.75);
    expect(shareWithin([], 1800)).toBe(1);
  });
});
