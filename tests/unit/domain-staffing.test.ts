import { describe, expect, it } from 'vitest';
import { averageWait, erlangC, quotaFor } from '@common/domain/analytics/erlang.js';
import { capacity, DEFAULT_TARGET, planDay, planHour } from '@common/domain/analytics/staffing.js';

describe('staffing per hour (REFERENCE.md worked example)', () => {
  const worked = { ahtSeconds: 180, intervalSeconds: 1800, target: { serviceLevel: 0.8, withinSeconds: 20, shrinkage: 0.3 } };

  it('100 arrivals per 30 minutes at 180 s: 14 counters, P(wait) 0.1741, SL 0.8884, ASA 7.8 s', () => {
    const plan = planHour({ hour: 9, arrivals: 100, walkIns: 0 }, { ...worked, countersAvailable: 30 });
    expect(plan.load).toBe(10);
    expect(plan.counters).toBe(14);
    expect(plan.probabilityOfWait.toFixed(4)).toBe('0.1741');
    expect(plan.serviceLevel.toFixed(4)).toBe('0.8884');
    expect(plan.averageWaitSeconds.toFixed(1)).toBe('7.8');
    expect(plan.rostered).toBe(20);
    expect(plan.feasible).toBe(true);
  });

  it('with only 13 counters the target is missed: still plans 14, and 13 give SL 0.7956 (P(wait) 0.2853, ASA 17.1 s)', () => {
    const plan = planHour({ hour: 9, arrivals: 100, walkIns: 0 }, { ...worked, countersAvailable: 13 });
    expect(plan.feasible).toBe(false);
    expect(plan.counters).toBe(14);
    expect(plan.serviceLevelWithAvailable.toFixed(4)).toBe('0.7956');
    expect(erlangC(13, plan.load).toFixed(4)).toBe('0.2853');
    expect(averageWait(13, plan.load, 180).toFixed(1)).toBe('17.1');
    expect(
      planHour({ hour: 9, arrivals: 100, walkIns: 0 }, { ...worked, countersAvailable: 14 }).serviceLevelWithAvailable.toFixed(4),
    ).toBe('0.8884');
  });

  it('capacity agrees with the one-by-one quota of erlang.ts', () => {
    for (const n of [1, 3, 8, 14]) expect(capacity(n, 180, 1800, worked.target)).toBe(quotaFor(n, 180, 1800, worked.target));
    expect(capacity(0, 180, 1800, worked.target)).toBe(0);
  });

  it('leaves for appointments what the walk-ins do not take', () => {
    const o = { ahtSeconds: 420, intervalSeconds: 3600, target: DEFAULT_TARGET, countersAvailable: 10 };
    const cap = capacity(10, 420, 3600, DEFAULT_TARGET);
    const [busy, quiet, closed] = planDay(
      [
        { hour: 8, arrivals: 95, walkIns: 30.2 },
        { hour: 12, arrivals: 20, walkIns: 6 },
        { hour: 20, arrivals: 0, walkIns: 0 },
      ],
      o,
    );
    expect(busy!.quota).toBe(cap - 31);
    expect(quiet!.quota).toBe(cap - 6);
    expect(busy!.counters).toBeGreaterThan(quiet!.counters);
    expect(closed).toMatchObject({ counters: 0, quota: cap });
    expect(planHour({ hour: 8, arrivals: 500, walkIns: 400 }, o).quota).toBe(0);
  });

  it('defaults to 80% within 30 minutes', () => {
    expect(DEFAULT_TARGET).toMatchObject({ serviceLevel: 0.8, withinSeconds: 1800 });
  });
});
