// A no-show waits for the applicant called last: it needs the calls (maxRecalls) and the time since the
// last one (noShowAfterMs), and a recall starts that time again.
import { describe, expect, it } from 'vitest';
import { decide, type ActionContext, type Decision, type LifecycleTicket } from '@common/domain/queue/lifecycle.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';

const T0 = Date.parse('2026-12-01T09:00:00+07:00');
const ticket = (over: Partial<LifecycleTicket> = {}): LifecycleTicket => ({
  id: 't1',
  number: 'C-001',
  service_code: 'PENGAMBILAN',
  status: 'called',
  counter_id: '3',
  called_at: T0,
  call_count: 3,
  started_at: null,
  parked_at: null,
  officer: 'ani',
  ...over,
});
const ctx = (now: number, over: Partial<ActionContext> = {}): ActionContext => ({
  counterId: '3',
  now,
  officer: 'ani',
  maxRecalls: 3,
  noShowAfterMs: 20_000,
  services: [{ code: 'PENGAMBILAN', active: true }],
  atCounter: null,
  ...over,
});
const refusal = (d: Decision) => (d.ok ? null : { kind: d.kind, details: d.details });

describe('no-show after the last call', () => {
  it('gives the applicant 20 seconds by default', () => {
    expect(DEFAULT_QUEUE_RULES.noShowAfterMs).toBe(20_000);
  });

  it('is refused before the interval with the time left, rounded up to whole seconds for the officer', () => {
    expect(refusal(decide(ticket(), { kind: 'noShow' }, ctx(T0 + 2_500)))).toEqual({
      kind: 'conflict',
      details: { reason: 'queue.noShowTooSoon', waitMs: 17_500, seconds: 18, calledAt: T0 },
    });
    expect(refusal(decide(ticket(), { kind: 'noShow' }, ctx(T0 + 19_999)))).toMatchObject({ details: { waitMs: 1, seconds: 1 } });
  });

  it('is recorded once the interval has passed', () => {
    const d = decide(ticket(), { kind: 'noShow' }, ctx(T0 + 20_000));
    expect(d).toMatchObject({ ok: true, change: { status: 'no_show', finished_at: T0 + 20_000 }, event: { kind: 'no_show' } });
  });

  it('starts the interval again at a recall: the last call counts', () => {
    const recall = decide(ticket({ call_count: 2 }), { kind: 'recall' }, ctx(T0 + 30_000));
    if (!recall.ok) throw new Error('the recall was refused');
    const recalled = ticket({ ...recall.change });
    expect(recalled).toMatchObject({ call_count: 3, called_at: T0 + 30_000 });
    expect(refusal(decide(recalled, { kind: 'noShow' }, ctx(T0 + 35_000)))).toMatchObject({
      details: { reason: 'queue.noShowTooSoon', waitMs: 15_000, calledAt: T0 + 30_000 },
    });
    expect(decide(recalled, { kind: 'noShow' }, ctx(T0 + 50_000)).ok).toBe(true);
  });

  it('asks for the recalls first, and then the time', () => {
    expect(refusal(decide(ticket({ call_count: 1 }), { kind: 'noShow' }, ctx(T0 + 1_000)))).toMatchObject({
      details: { reason: 'queue.recallFirst', callCount: 1, required: 3 },
    });
  });

  it('lets an office that wants no wait record it at once', () => {
    expect(decide(ticket(), { kind: 'noShow' }, ctx(T0, { noShowAfterMs: 0 })).ok).toBe(true);
  });
});
