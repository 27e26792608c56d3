// A counter when central hangs (takes connections, answers nothing: a SIGSTOPped process, simulated by
// a freezing TCP proxy in front of a real central) and when it comes back: the queue press fails within
// its deadline and local mode takes over, the status says "not answering" instead of Online, the desk is
// online again within 10 s of central's return, and the central ticket the counter was serving is
// finished here and shows finished at central afterwards, with the counter free.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { queueRoutes } from '@common/central/routes.js';
import { installCentralQueue } from '@main/sync/queue-client.js';
import { DEFAULT_DEADLINES } from '@main/sync/transport.js';
import { userSession } from '../support/core.js';
import { startFreezer, type Freezer } from '../support/freezer.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

const rid = () => randomUUID().replace(/-/g, '');

describe(`a counter across a hung central (${preferredStore()})`, () => {
  let central: TestCentral;
  let freezer: Freezer;
  let w: TestWorkstation;
  let officer: string;
  let stopQueue: () => void;

  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
    freezer = await startFreezer(central.url);
    // Enrolled at central itself; every request after that goes through the freezer.
    w = await startWorkstation(central, { name: 'LOKET-03', centralUrl: freezer.url, background: true, longPollMs: 2_000 });
    officer = await userSession(w.t, w.adminToken, 'petugas', 'officer');
    stopQueue = installCentralQueue(w.t.core, () => w.client.transport, { longPollMs: 2_000 });
    await vi.waitFor(async () => expect((await w.t.value('sync.status', {})).state).toBe('idle'), { timeout: 10_000 });
  });
  afterAll(async () => {
    stopQueue?.();
    await w?.cleanup();
    await freezer?.close();
    await central?.close();
  });

  const centralTicket = async (id: string) =>
    (
      await central.central.deps.store.query<{ status: string; counter_id: string | null; outcome: string | null }>(
        'SELECT status, counter_id, outcome FROM tickets WHERE id = $1',
        [id],
      )
    )[0];

  it('finishes the central ticket it serves locally, says central is not answering, and settles at central on its return', async () => {
    const issued = await w.t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect(issued.mode).toBe('central');
    const called = await w.t.value('queue.callNext', { requestId: rid() }, officer);
    expect(called).toMatchObject({ mode: 'central', ticket: { id: issued.ticket.id, status: 'called' } });
    await w.t.value('queue.start', { ticketId: issued.ticket.id }, officer);
    expect(await centralTicket(issued.ticket.id)).toMatchObject({ status: 'serving', counter_id: '3' });

    freezer.freeze();
    const started = Date.now();
    const finished = await w.t.value('queue.finish', { ticketId: issued.ticket.id, outcome: 'served' }, officer);
    // The press gives up at its deadline, not at Node's five-minute header timeout.
    expect(Date.now() - started).toBeLessThan(DEFAULT_DEADLINES.queueMs + 2_000);
    expect(finished).toMatchObject({ mode: 'local', ticket: { id: issued.ticket.id, status: 'done', outcome: 'served' } });
    const status = await w.t.value('sync.status', {});
    expect(status).toMatchObject({ state: 'notAnswering', online: false });
    // Known not to answer: the next press is local at once, and the counter is free.
    const next = await w.t.value('queue.callNext', { requestId: rid() }, officer);
    expect(next.mode).toBe('local');
    expect((await w.t.value('queue.current', {}, officer)).ticket).toBeNull();
    expect((await w.t.value('queue.pendingActions', {}, officer)).actions).toMatchObject([
      { ticketId: issued.ticket.id, number: issued.ticket.number, kind: 'finish', status: 'pending' },
    ]);
    // Central never heard of it yet.
    expect(await centralTicket(issued.ticket.id)).toMatchObject({ status: 'serving' });

    freezer.thaw();
    await expect.poll(async () => (await w.t.value('sync.status', {})).state, { timeout: 10_000, interval: 100 }).toBe('idle');
    expect((await w.t.value('sync.status', {})).online).toBe(true);
    await expect.poll(() => centralTicket(issued.ticket.id), { timeout: 10_000 }).toMatchObject({ status: 'done', outcome: 'served' });
    await expect.poll(async () => (await w.t.value('queue.pendingActions', {}, officer)).actions, { timeout: 10_000 }).toEqual([]);
    // The counter is free at central: call next there answers (nobody waiting) instead of "counter busy".
    const current = await w.t.value('queue.current', {}, officer);
    expect(current).toMatchObject({ mode: 'central', ticket: null });
    const atCentral = await w.client.transport!.call(queueRoutes.current, { query: { counterId: '3' } });
    expect(atCentral.ticket).toBeNull();
  });

  it('parks and transfers central tickets while central hangs; central takes both, validated, on its return', async () => {
    const a = await w.t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    const b = await w.t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    await w.t.value('queue.callNext', { requestId: rid() }, officer);
    expect((await w.t.value('queue.current', {}, officer)).ticket?.id).toBe(a.ticket.id);

    freezer.freeze();
    expect(await w.t.value('queue.park', { ticketId: a.ticket.id }, officer)).toMatchObject({
      mode: 'local',
      ticket: { status: 'parked' },
    });
    // A ticket never at this counter is refused here, as central would.
    const notMine = await w.t.call('queue.finish', { ticketId: b.ticket.id, outcome: 'served' }, officer);
    expect(notMine.ok ? null : notMine.error).toMatchObject({ code: 'OFFLINE', details: { reason: 'queue.offline' } });
    expect((await w.t.value('queue.parked', {}, officer)).tickets.map((t) => t.id)).toEqual([a.ticket.id]);
    await w.t.value('queue.resume', { ticketId: a.ticket.id }, officer);
    expect(await w.t.value('queue.transfer', { ticketId: a.ticket.id, serviceCode: 'IZIN_TINGGAL' }, officer)).toMatchObject({
      mode: 'local',
      ticket: { id: a.ticket.id, status: 'transferred' },
    });
    expect((await w.t.value('queue.pendingActions', {}, officer)).actions.map((x) => x.kind)).toEqual(['park', 'resume', 'transfer']);

    freezer.thaw();
    await expect.poll(() => centralTicket(a.ticket.id), { timeout: 10_000 }).toMatchObject({ status: 'transferred' });
    const successor = await central.central.deps.store.query<{ status: string; service_code: string }>(
      'SELECT status, service_code FROM tickets WHERE transferred_from = $1',
      [a.ticket.id],
    );
    expect(successor).toEqual([{ status: 'waiting', service_code: 'IZIN_TINGGAL' }]);
    await expect.poll(async () => (await w.t.value('queue.pendingActions', {}, officer)).actions, { timeout: 10_000 }).toEqual([]);
    expect(await centralTicket(b.ticket.id)).toMatchObject({ status: 'waiting' });
  });

  it('is online again within 10 s of central coming back after a long outage, whatever the backoff had grown to', async () => {
    freezer.cut();
    await expect.poll(async () => (await w.t.value('sync.status', {})).state, { timeout: 10_000 }).toBe('offline');
    // Failures pile up until the backoff reaches its cap.
    await expect
      .poll(
        async () => {
          const s = await w.t.value('sync.status', {});
          return (s.nextAttemptAt ?? 0) - (s.lastAttemptAt ?? 0);
        },
        { timeout: 30_000, interval: 200 },
      )
      .toBeGreaterThanOrEqual(2_500);
    freezer.restore();
    await expect.poll(async () => (await w.t.value('sync.status', {})).state, { timeout: 10_000, interval: 100 }).toBe('idle');
    expect((await w.t.value('sync.status', {})).online).toBe(true);
  });

  it('refuses a replayed action on a ticket not at that counter, and counts a resend once', async () => {
    const t = w.client.transport!;
    const c = await w.t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    const finish = {
      ticketId: c.ticket.id,
      counterId: '3',
      kind: 'finish',
      outcome: 'served',
      serviceCode: null,
      officer: 'petugas',
    } as const;
    const waiting = await t.call(queueRoutes.replay, { body: { actions: [{ ...finish, id: randomUUID(), at: Date.now() }] } });
    expect(waiting.results).toMatchObject([{ outcome: 'refused', reason: 'queue.notYourTicket' }]);
    const unknown = await t.call(queueRoutes.replay, {
      body: { actions: [{ ...finish, ticketId: randomUUID(), id: randomUUID(), at: Date.now() }] },
    });
    expect(unknown.results).toMatchObject([{ outcome: 'refused', reason: 'queue.unknownTicket' }]);
    // Called to counter 3 and served there: counter 2 cannot finish it, counter 3 can, once.
    const x = (await w.t.value('queue.callNext', { requestId: rid() }, officer)).ticket!;
    await w.t.value('queue.start', { ticketId: x.id }, officer);
    const served = { ...finish, ticketId: x.id };
    const elsewhere = await t.call(queueRoutes.replay, {
      body: { actions: [{ ...served, counterId: '2', id: randomUUID(), at: Date.now() }] },
    });
    expect(elsewhere.results).toMatchObject([{ outcome: 'refused', reason: 'queue.notYourTicket' }]);
    const once = { ...served, id: randomUUID(), at: Date.now() };
    expect((await t.call(queueRoutes.replay, { body: { actions: [once] } })).results).toMatchObject([{ outcome: 'applied' }]);
    expect((await t.call(queueRoutes.replay, { body: { actions: [once] } })).results).toMatchObject([{ outcome: 'applied' }]);
    const events = await central.central.deps.store.query("SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND kind = 'done'", [x.id]);
    expect(events).toHaveLength(1);
    expect(await centralTicket(x.id)).toMatchObject({ status: 'done', counter_id: '3' });
  });
});
