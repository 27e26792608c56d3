// The live floor through core: a supervisor's call reaches a real central over the signed transport;
// counters cannot read it; when central is out of reach the call says so instead of answering.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredStore } from '../support/model/central.js';
import { type TempCore } from '../support/core.js';
import { startQueueDesk, type QueueDesk } from '../support/queue-desk.js';

const rid = () => randomUUID().replace(/-/g, '');

describe(`live floor through core (${preferredStore()})`, () => {
  let desk: QueueDesk;
  let t: TempCore;
  let officer: string;
  let supervisor: string;

  beforeAll(async () => {
    desk = await startQueueDesk();
    ({ t, officer, supervisor } = desk);
  });
  afterAll(() => desk?.close());

  it("shows the office's queue and what this counter does, for supervisors only", async () => {
    const a = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    const before = await t.value('floor.view', {}, supervisor);
    expect(before).toMatchObject({ officeCode: 'banyumanik', targetMinutes: 30, waitingTotal: 2, calledToday: 0 });
    expect(before.counters.find((c) => c.counterId === '3')?.ticket).toBeNull();
    await t.value('queue.callNext', { requestId: rid() }, officer);
    const after = await t.value('floor.view', { targetMinutes: 10 }, supervisor);
    expect(after).toMatchObject({ targetMinutes: 10, waitingTotal: 1, calledToday: 1, serviceLevel: 1, noShowRate: null });
    expect(after.counters.find((c) => c.counterId === '3')?.ticket).toMatchObject({
      ticketId: a.ticket.id,
      number: 'C-001',
      status: 'called',
    });
    const counter = await t.call('floor.view', {}, officer);
    expect(counter.ok ? null : counter.error.code).toBe('FORBIDDEN');
    const badTarget = await t.call('floor.view', { targetMinutes: 0 }, supervisor);
    expect(badTarget.ok ? null : badTarget.error.code).toBe('VALIDATION');
  });

  it('says central is out of reach rather than showing old numbers', async () => {
    desk.reachable = false;
    const r = await t.call('floor.view', {}, supervisor);
    expect(r.ok ? null : r.error).toMatchObject({ code: 'OFFLINE', details: { reason: 'floor.offline' } });
    desk.reachable = true;
    expect((await t.value('floor.view', {}, supervisor)).waitingTotal).toBe(1);
  });
});
