import { describe, expect, it } from 'vitest';
import { averageWait, erlangB, erlangC, offeredLoad, quotaFor, rostered, serviceLevel, staffFor } from '@common/domain/analytics/erlang.js';

const traffic = { arrivals: 100, ahtSeconds: 180, intervalSeconds: 1800 };

describe('Erlang C (REFERENCE.md worked example)', () => {
  it('100 arrivals per 30 minutes at 180 s is 10 Erlangs', () => {
    expect(offeredLoad(traffic)).toBe(10);
  });

  it.each([
    [13, 0.2853, 0.7956, 17.1],
    [14, 0.1741, 0.8884, 7.8],
  ])('with %i counters: P(wait) %f, SL(20 s) %f, ASA %f s', (n, pw, sl, asa) => {
    expect(erlangC(n, 10).toFixed(4)).toBe(pw.toFixed(4));
    expect(serviceLevel(n, 10, 180, 20).toFixed(4)).toBe(sl.toFixed(4));
    expect(averageWait(n, 10, 180).toFixed(1)).toBe(asa.toFixed(1));
  });

  it('Erlang B matches the closed form for small cases', () => {
    // B(1, A) = A / (1 + A); B(2, A) = A^2/2 / (1 + A + A^2/2)
    expect(erlangB(1, 3)).toBeCloseTo(3 / 4, 12);
    expect(erlangB(2, 3)).toBeCloseTo(4.5 / 8.5, 12);
  });

  it('treats N <= A as an unstable queue', () => {
    expect(erlangC(10, 10)).toBe(1);
    expect(serviceLevel(9, 10, 180, 20)).toBe(0);
    expect(averageWait(10, 10, 180)).toBe(Infinity);
  });

  it('picks the fewest counters meeting the target and rosters for shrinkage', () => {
    const plan = staffFor(traffic, { serviceLevel: 0.8, withinSeconds: 20, shrinkage: 0.3 });
    expect(plan.counters).toBe(14); // 13 gives 0.7956 < 0.8
    expect(plan.rostered).toBe(20); // ceil(14 / 0.7)
    expect(rostered(13, 0)).toBe(13);
    expect(staffFor({ ...traffic, arrivals: 0 }, { serviceLevel: 0.8, withinSeconds: 20, shrinkage: 0 }).counters).toBe(0);
  });

  it('suggests an appointment quota that the open counters can serve within target', () => {
    const target = { serviceLevel: 0.8, withinSeconds: 20, shrinkage: 0 };
    const quota = quotaFor(14, 180, 1800, target);
    expect(staffFor({ arrivals: quota, ahtSeconds: 180, intervalSeconds: 1800 }, target).counters).toBeLessThanOrEqual(14);
    expect(staffFor({ arrivals: quota + 1, ahtSeconds: 180, intervalSeconds: 1800 }, target).counters).toBeGreaterThan(14);
    expect(quota).toBeGreaterThanOrEqual(100);
  });
});

describe('Erlang inputs and edges', () => {
  it('rosters exactly: 21 open counters at 30 % shrinkage need 30 people, not 31', () => {
    expect(rostered(21, 0.3)).toBe(30);
    expect(rostered(14, 0.3)).toBe(20);
    expect(rostered(15, 0.3)).toBe(22);
    expect(rostered(0, 0.3)).toBe(0);
    // Every count from 0 to 500 at the usual shrinkages agrees with integer arithmetic.
    for (const [shrinkPercent, present] of [
      [30, 70],
      [10, 90],
      [25, 75],
    ] as const)
      for (let open = 0; open <= 500; open++) expect(rostered(open, shrinkPercent / 100)).toBe(Math.ceil((open * 100) / present));
  });

  it('an hour with no arrivals needs no counters and serves everyone (service level 1, no wait)', () => {
    const plan = staffFor(
      { arrivals: 0, ahtSeconds: 180, intervalSeconds: 1800 },
      { serviceLevel: 0.8, withinSeconds: 1800, shrinkage: 0.3 },
    );
    expect(plan).toMatchObject({ counters: 0, rostered: 0, probabilityOfWait: 0, serviceLevel: 1, averageWaitSeconds: 0, feasible: true });
    expect(serviceLevel(3, 0, 180, 20)).toBe(1);
  });

  it.each([
    ['NaN counters', () => erlangC(Number.NaN, 10), /servers/],
    ['negative counters', () => erlangB(-1, 10), /servers/],
    ['fractional counters', () => serviceLevel(2.5, 1, 180, 20), /servers/],
    ['a negative load', () => erlangC(3, -1), /load/],
    ['NaN arrivals', () => offeredLoad({ arrivals: Number.NaN, ahtSeconds: 180, intervalSeconds: 1800 }), /arrivals/],
    ['a zero handling time', () => offeredLoad({ arrivals: 10, ahtSeconds: 0, intervalSeconds: 1800 }), /ahtSeconds/],
    ['shrinkage of 100 %', () => rostered(3, 1), /shrinkage/],
    ['fractional open counters', () => rostered(2.5, 0.3), /open counters/],
  ])('refuses %s with a clear error', (_label, run, message) => {
    expect(run).toThrow(RangeError);
    expect(run).toThrow(message);
  });
});
