import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { orderQueue, PRIORITY_GROUPS, tierOf, type QueuedTicket } from '@common/domain/queue/order.js';
import { estimateWaitMs } from '@common/domain/queue/wait-estimate.js';

const MIN = 60_000;
const rules = { agingMs: 45 * MIN };
const t = (id: string, arrivedAt: number, extra: Partial<QueuedTicket> = {}): QueuedTicket => ({
  id,
  arrivedAt,
  slotAt: null,
  priorityGroup: null,
  ...extra,
});

describe('queue order', () => {
  it('serves due appointments by slot, then priority groups, then first come first served', () => {
    const now = 100 * MIN;
    const q = orderQueue(
      [
        t('walk-early', 80 * MIN),
        t('walk-late', 90 * MIN),
        t('lansia', 95 * MIN, { priorityGroup: 'lansia' }),
        t('appt-0930', 99 * MIN, { slotAt: 95 * MIN }),
        t('appt-0900', 98 * MIN, { slotAt: 90 * MIN }),
        t('appt-future', 70 * MIN, { slotAt: 130 * MIN }),
      ],
      now,
      rules,
    );
    expect(q.map((x) => x.id)).toEqual(['appt-0900', 'appt-0930', 'lansia', 'walk-early', 'walk-late', 'appt-future']);
  });

  it('lets a walk-in that waited past the bound go ahead of everyone', () => {
    const now = 100 * MIN;
    const q = orderQueue(
      [t('lansia', 99 * MIN, { priorityGroup: 'balita' }), t('appt', 99 * MIN, { slotAt: 99 * MIN }), t('old', 50 * MIN)],
      now,
      rules,
    );
    expect(q[0]!.id).toBe('old');
    expect(tierOf(q[0]!, now, rules)).toBe(0);
  });

  it('never starves a ticket: however many arrive after it, it is called within the aging bound plus what aged before it', () => {
    const arrival = fc.record({
      gap: fc.integer({ min: 0, max: 3 * MIN }),
      slotOffset: fc.option(fc.integer({ min: -30 * MIN, max: 30 * MIN }), { nil: null }),
      group: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arrival, { minLength: 5, maxLength: 200 }), fc.integer({ min: 1, max: 4 * MIN }), (arrivals, serviceMs) => {
        // One counter; tickets arrive over time, the counter calls the head of the order every serviceMs.
        let now = 0;
        const waiting: QueuedTicket[] = [];
        const calledAt = new Map<string, number>();
        const arrivedAt = new Map<string, number>();
        let i = 0;
        let nextCall = 0;
        let lastArrival = 0;
        while (i < arrivals.length || waiting.length > 0) {
          const a = arrivals[i];
          const nextArrival = a ? lastArrival + a.gap : Infinity;
          if (nextArrival <= nextCall) {
            now = nextArrival;
            lastArrival = now;
            const id = `t${i}`;
            waiting.push(t(id, now, { slotAt: a!.slotOffset === null ? null : now + a!.slotOffset, priorityGroup: a!.group }));
            arrivedAt.set(id, now);
            i += 1;
          } else {
            now = nextCall;
            const [head] = orderQueue(waiting, now, rules);
            if (head) {
              waiting.splice(waiting.indexOf(head), 1);
              calledAt.set(head.id, now);
            }
            nextCall = now + serviceMs;
          }
        }
        // A ticket ages after agingMs; after that only tickets that aged earlier (arrived earlier) go first.
        for (const [id, at] of arrivedAt) {
          const agedAhead = [...arrivedAt.values()].filter((x) => x < at).length;
          expect(calledAt.get(id)! - at).toBeLessThanOrEqual(rules.agingMs + (agedAhead + 1) * serviceMs);
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('wait estimate', () => {
  it('is tickets ahead + 1 times mean service time over open counters without history', () => {
    expect(estimateWaitMs({ ahead: 5, openCounters: 2, meanServiceMs: null, headOfLineDelayMs: null, defaultServiceMs: 4 * MIN })).toBe(
      12 * MIN,
    );
  });

  it('blends in the head-of-line delay once there is history', () => {
    const base = { ahead: 4, openCounters: 2, meanServiceMs: 5 * MIN, defaultServiceMs: 4 * MIN };
    const calm = estimateWaitMs({ ...base, headOfLineDelayMs: null });
    const stalled = estimateWaitMs({ ...base, headOfLineDelayMs: 60 * MIN });
    expect(calm).toBe(12.5 * MIN);
    expect(stalled).toBeGreaterThan(calm);
  });
});
