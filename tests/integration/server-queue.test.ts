// The office queue at central, through the signed protocol, on PGlite and on PostgreSQL: numbering,
// the call order against the pure reference, atomic call-next under concurrency, double presses,
// recall / no-show / transfer / finish, quotas with override, booking check-in, the board, reconcile.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderQueue, type PriorityGroup } from '@common/domain/queue/order.js';
import type { IssueRequest, TicketView } from '@common/contract/queue/central.js';
import type { LocalTicket } from '@common/contract/queue/sync.js';
import { drainNotifications } from '@server/queue/events.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { enrolIdentity } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { queueAdminRoutes, queueRoutes, ticketActionRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

const START = Date.parse('2026-12-01T09:00:00+07:00');

describe.each(storeKinds())('office queue at central on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let other: Identity;
  let clock = Date.now();
  const rid = () => randomUUID().replace(/-/g, '');
  // Central's clock is the test's: requests are signed with it too, or they would be refused as skewed.
  const client = (id: Identity = ws) => centralClient(central, id, () => ({ timestamp: clock }));
  const issue = (body: Omit<IssueRequest, 'requestId'> & { requestId?: string }, id: Identity = ws) =>
    client(id).ok(queueRoutes.issue, { body: { requestId: rid(), ...body } });
  const callNext = (counterId: string, requestId = rid()) => client().ok(queueRoutes.callNext, { body: { counterId, requestId } });
  /** A counter's action on a ticket: each answers the ticket it acted on. */
  const act = async (
    path: keyof typeof ticketActionRoutes,
    body: { counterId: string; ticketId: string; outcome?: string; serviceCode?: string },
  ) => {
    const { ticket } = await client().ok(ticketActionRoutes[path], { body });
    if (!ticket) throw new Error(`${path} answered without a ticket`);
    return { ticket };
  };
  const drain = async () => {
    // Finish everything waiting so one test's tickets do not leak into the next.
    for (;;) {
      const r = await callNext('1');
      if (!r.ticket) return;
      await act('start', { counterId: '1', ticketId: r.ticket.id });
      await act('finish', { counterId: '1', ticketId: r.ticket.id, outcome: 'served' });
    }
  };

  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => clock });
    ws = await enrolIdentity(central, 'banyumanik', 'Q-01');
    other = await enrolIdentity(central, 'batam', 'Q-02');
    clock = START;
  });
  afterAll(() => central?.close());

  it('numbers tickets per service and day and tells each how many are ahead', async () => {
    const a1 = await issue({ serviceCode: 'PASPOR_PRIORITAS' });
    const a2 = await issue({ serviceCode: 'PASPOR_PRIORITAS' });
    const c1 = await issue({ serviceCode: 'PENGAMBILAN' });
    expect([a1.ticket.number, a2.ticket.number, c1.ticket.number]).toEqual(['B-001', 'B-002', 'C-001']);
    expect([a1.ahead, a2.ahead, c1.ahead]).toEqual([0, 1, 0]);
    expect(a2.estimatedWaitMs).toBeGreaterThan(a1.estimatedWaitMs);
    expect(a1.ticket).toMatchObject({ status: 'waiting', day: '2026-12-01', arrivedAt: START });
    // The same request again (a retried POST) is the same ticket, not a new number.
    const again = await issue({ serviceCode: 'PASPOR_PRIORITAS', requestId: 'retry-0000001' });
    const twice = await issue({ serviceCode: 'PASPOR_PRIORITAS', requestId: 'retry-0000001' });
    expect(twice.ticket.id).toBe(again.ticket.id);
    expect(again.ticket.number).toBe('B-003');
    await drain();
  });

  it('calls in the order of the pure reference: slots, priority, aging, arrival', async () => {
    const groups: Array<PriorityGroup | null> = [null, 'lansia', null, 'balita', null];
    const issued: TicketView[] = [];
    for (const [i, g] of groups.entries()) {
      clock = START + 60_000 * (i + 1);
      issued.push((await issue({ serviceCode: 'IZIN_TINGGAL', priorityGroup: g })).ticket);
    }
    // Let the first one age past the bound (45 minutes by default) so it goes ahead of the priority groups.
    clock = START + 46 * 60_000 + 60_000;
    const expected = orderQueue(issued, clock, { agingMs: 45 * 60_000 }).map((t) => t.number);
    const called: string[] = [];
    for (;;) {
      const r = await callNext('2');
      if (!r.ticket) break;
      called.push(r.ticket.number);
      await act('start', { counterId: '2', ticketId: r.ticket.id });
      await act('finish', { counterId: '2', ticketId: r.ticket.id, outcome: 'served' });
    }
    expect(called).toEqual(expected);
    expect(called[0]).toBe(issued[0]!.number);
    expect(called[1]).toBe(issued[1]!.number);
  });

  it('never gives two counters the same ticket, and a double press calls one ticket', async () => {
    for (let i = 0; i < 60; i++) await issue({ serviceCode: 'PASPOR_PRIORITAS' });
    const seen = new Map<string, string>();
    const counters = ['1', '2', '3', '4'];
    await Promise.all(
      counters.map(async (counterId) => {
        for (;;) {
          const requestId = rid();
          // Two presses of the same key, concurrently: both answer the same ticket.
          const [x, y] = await Promise.all([callNext(counterId, requestId), callNext(counterId, requestId)]);
          expect(y.ticket?.id).toBe(x.ticket?.id);
          if (!x.ticket) return;
          expect(seen.has(x.ticket.id), `${x.ticket.number} called twice`).toBe(false);
          seen.set(x.ticket.id, counterId);
          await act('start', { counterId, ticketId: x.ticket.id });
          await act('finish', { counterId, ticketId: x.ticket.id, outcome: 'served' });
        }
      }),
    );
    expect(seen.size).toBe(60);
    expect(new Set(seen.values()).size).toBeGreaterThan(1);
  });

  it("refuses call next while a ticket is at the counter, and actions on another counter's ticket", async () => {
    await issue({ serviceCode: 'PENGAMBILAN' });
    await issue({ serviceCode: 'PENGAMBILAN' });
    const first = (await callNext('3')).ticket!;
    const busy = await client().send(queueRoutes.callNext, { body: { counterId: '3', requestId: rid() } });
    expect(busy.status).toBe(409);
    expect(busy.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.counterBusy', number: first.number } });
    const notMine = await client().send(queueRoutes.start, { body: { counterId: '4', ticketId: first.id } });
    expect(notMine.status).toBe(409);
    expect(notMine.body.error?.details).toMatchObject({ reason: 'queue.notYourTicket' });
    const unknown = await client().send(queueRoutes.callNext, { body: { counterId: '99', requestId: rid() } });
    expect(unknown.status).toBe(404);
    const bad = await client().sendLoose(queueRoutes.callNext, { body: { counterId: '3' } });
    expect(bad.status).toBe(400);
    // No-show only after the configured number of calls (3); each recall moves the last call time.
    const early = await client().send(queueRoutes.noShow, { body: { counterId: '3', ticketId: first.id } });
    expect(early.body.error?.details).toMatchObject({ reason: 'queue.recallFirst', callCount: 1, required: 3 });
    clock += 30_000;
    const r1 = await act('recall', { counterId: '3', ticketId: first.id });
    expect(r1.ticket).toMatchObject({ callCount: 2, calledAt: clock });
    await act('recall', { counterId: '3', ticketId: first.id });
    // The applicant had the time to walk over since the last call.
    clock += 20_000;
    expect((await act('noShow', { counterId: '3', ticketId: first.id })).ticket.status).toBe('no_show');
    // Transfer keeps the number and the original arrival; the visit continues in the other service.
    const second = (await callNext('3')).ticket!;
    await act('start', { counterId: '3', ticketId: second.id });
    const moved = (await act('transfer', { counterId: '3', ticketId: second.id, serviceCode: 'IZIN_TINGGAL' })).ticket;
    expect(moved).toMatchObject({ status: 'waiting', serviceCode: 'IZIN_TINGGAL', number: second.number, arrivedAt: second.arrivedAt });
    expect(moved.id).not.toBe(second.id);
    const same = await client().send(queueRoutes.transfer, { body: { counterId: '3', ticketId: second.id, serviceCode: 'PASPOR_JANJI' } });
    expect(same.status).toBe(409);
    await drain();
  });

  it('refuses a no-show until the applicant had the time to walk over from the last call, and a recall restarts that time', async () => {
    const t = (await issue({ serviceCode: 'PENGAMBILAN' })).ticket;
    const events = async () =>
      (
        await central.central.deps.store.query<{ n: number }>('SELECT count(*)::int AS n FROM ticket_events WHERE ticket_id = $1', [t.id])
      )[0]!.n;
    // F1, F2, F2 and F3 within three seconds.
    expect((await callNext('2')).ticket!.id).toBe(t.id);
    clock += 1_000;
    await act('recall', { counterId: '2', ticketId: t.id });
    clock += 1_000;
    const lastCall = (await act('recall', { counterId: '2', ticketId: t.id })).ticket;
    expect(lastCall).toMatchObject({ callCount: 3, calledAt: clock });
    const before = await events();
    clock += 1_000;
    const soon = await client().send(queueRoutes.noShow, { body: { counterId: '2', ticketId: t.id } });
    expect(soon.status).toBe(409);
    expect(soon.body.error).toMatchObject({
      code: 'CONFLICT',
      details: { reason: 'queue.noShowTooSoon', waitMs: 19_000, seconds: 19, calledAt: lastCall.calledAt },
    });
    // Nothing changed: the ticket is still called at the counter, with no event recorded.
    expect((await client().ok(queueRoutes.current, { query: { counterId: '2' } })).ticket).toEqual(lastCall);
    expect(await events()).toBe(before);
    // A fourth call restarts the wait: 19 s after the third is now 0 s after the last.
    clock += 18_000;
    const again = (await act('recall', { counterId: '2', ticketId: t.id })).ticket;
    clock += 19_999;
    const stillSoon = await client().send(queueRoutes.noShow, { body: { counterId: '2', ticketId: t.id } });
    expect(stillSoon.body.error?.details).toMatchObject({ reason: 'queue.noShowTooSoon', waitMs: 1, seconds: 1, calledAt: again.calledAt });
    clock += 1;
    expect((await act('noShow', { counterId: '2', ticketId: t.id })).ticket).toMatchObject({ status: 'no_show', finishedAt: clock });
    await drain();
  });

  it('parks a ticket aside without blocking the counter, and resumes it only there, service time continuing', async () => {
    const a = (await issue({ serviceCode: 'PENGAMBILAN' })).ticket;
    const b = (await issue({ serviceCode: 'PENGAMBILAN' })).ticket;
    const waitingNow = async () => {
      const { board } = await client().ok(queueRoutes.board);
      return board.services.find((s) => s.serviceCode === 'PENGAMBILAN')!.waiting;
    };
    expect((await callNext('2')).ticket!.id).toBe(a.id);
    const started = (await act('start', { counterId: '2', ticketId: a.id })).ticket.startedAt!;
    // Another counter cannot park it, and the refusal changes nothing.
    const foreign = await client().send(queueRoutes.park, { body: { counterId: '4', ticketId: a.id } });
    expect(foreign.status).toBe(409);
    expect(foreign.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.notYourTicket' } });
    expect((await client().ok(queueRoutes.current, { query: { counterId: '2' } })).ticket).toMatchObject({ id: a.id, status: 'serving' });
    clock += 60_000;
    const parked = (await act('park', { counterId: '2', ticketId: a.id })).ticket;
    expect(parked).toMatchObject({ status: 'parked', counterId: '2' });
    // Neither waiting (the board counts only b) nor at the counter: call next goes on; no one else gets it.
    expect(await waitingNow()).toBe(1);
    expect((await client().ok(queueRoutes.current, { query: { counterId: '2' } })).ticket).toBeNull();
    expect((await callNext('2')).ticket!.id).toBe(b.id);
    expect((await callNext('4')).ticket).toBeNull();
    expect((await client().ok(queueRoutes.parked, { query: { counterId: '2' } })).tickets).toMatchObject([
      { id: a.id, number: a.number, status: 'parked' },
    ]);
    expect((await client().ok(queueRoutes.parked, { query: { counterId: '4' } })).tickets).toEqual([]);
    const busy = await client().send(queueRoutes.resume, { body: { counterId: '2', ticketId: a.id } });
    expect(busy.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.counterBusy', number: b.number } });
    const elsewhere = await client().send(queueRoutes.resume, { body: { counterId: '4', ticketId: a.id } });
    expect(elsewhere.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.parkedElsewhere', counterId: '2' } });
    expect((await client().ok(queueRoutes.current, { query: { counterId: '4' } })).ticket).toBeNull();
    await act('start', { counterId: '2', ticketId: b.id });
    await act('finish', { counterId: '2', ticketId: b.id, outcome: 'served' });
    clock += 5 * 60_000;
    // Back at counter 2, serving again; the five parked minutes are not service time.
    const resumed = (await act('resume', { counterId: '2', ticketId: a.id })).ticket;
    expect(resumed).toMatchObject({ status: 'serving', counterId: '2', startedAt: started + 5 * 60_000 });
    expect((await client().ok(queueRoutes.parked, { query: { counterId: '2' } })).tickets).toEqual([]);
    const twice = await client().send(queueRoutes.resume, { body: { counterId: '2', ticketId: a.id } });
    expect(twice.body.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.notParked', status: 'serving' } });
    await act('finish', { counterId: '2', ticketId: a.id, outcome: 'served' });
    const events = await central.central.deps.store.query<{ kind: string }>(
      'SELECT kind FROM ticket_events WHERE ticket_id = $1 ORDER BY id',
      [a.id],
    );
    expect(events.map((e) => e.kind)).toEqual(['issued', 'called', 'started', 'parked', 'resumed', 'done']);
  });

  it('enforces the daily quota unless a supervisor override lets one more in', async () => {
    await central.admin(queueAdminRoutes.saveService, {
      body: {
        officeCode: 'banyumanik',
        service: { code: 'VISA', prefix: 'E', nameId: 'Visa', nameEn: 'Visa', dailyQuota: 2, active: true },
      },
    });
    await issue({ serviceCode: 'VISA' });
    await issue({ serviceCode: 'VISA' });
    const full = await client().send(queueRoutes.issue, { body: { requestId: rid(), serviceCode: 'VISA' } });
    expect(full.status).toBe(409);
    expect(full.body.error?.details).toMatchObject({ reason: 'queue.quotaFull', quota: 2 });
    const extra = await issue({ serviceCode: 'VISA', quotaOverride: true });
    expect(extra.ticket.number).toBe('E-003');
    await drain();
  });

  it('checks bookings in by code or NIK, refusing other days and offices, late arrivals as walk-ins', async () => {
    const slot = (h: number, m = 0) => Date.parse(`2026-12-01T${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:00+07:00`);
    const nik = '3374011505900001';
    const r = await central.admin(queueAdminRoutes.importBookings, {
      body: {
        bookings: [
          { code: 'MP-0001', officeCode: 'banyumanik', nik, fullName: 'Budi Santoso', slotAt: slot(10) },
          { code: 'MP-0002', officeCode: 'banyumanik', nik: '3374015505900002', fullName: 'Siti Rahayu', slotAt: slot(9, 30) },
          {
            code: 'MP-0003',
            officeCode: 'banyumanik',
            nik: '3374011505900003',
            fullName: 'Agus',
            slotAt: Date.parse('2026-12-02T10:00:00+07:00'),
          },
          { code: 'MP-0004', officeCode: 'batam', nik: '3374011505900004', fullName: 'Dewi', slotAt: slot(10) },
          { code: 'MP-0005', officeCode: 'banyumanik', nik: '3374011505900005', fullName: 'Eko', slotAt: slot(14) },
        ],
      },
    });
    expect(r.imported).toBe(5);
    clock = slot(9, 50);
    const byNik = await issue({ nik });
    expect(byNik.ticket).toMatchObject({
      bookingCode: 'MP-0001',
      applicantName: 'Budi Santoso',
      slotAt: slot(10),
      serviceCode: 'PASPOR_JANJI',
    });
    expect((await issue({ bookingCode: 'mp-0001' })).ticket.id).toBe(byNik.ticket.id);
    clock = slot(10, 5);
    const late = await issue({ bookingCode: 'MP-0002' });
    expect(late.ticket.slotAt).toBeNull();
    const checks: Array<[{ bookingCode: string }, number, string]> = [
      [{ bookingCode: 'MP-9999' }, 404, 'booking.unknown'],
      [{ bookingCode: 'MP-0003' }, 409, 'booking.otherDay'],
      [{ bookingCode: 'MP-0004' }, 403, 'booking.otherOffice'],
      [{ bookingCode: 'MP-0005' }, 409, 'booking.tooEarly'],
    ];
    for (const [body, status, reason] of checks) {
      const res = await client().send(queueRoutes.issue, { body: { requestId: rid(), ...body } });
      expect(res.status, reason).toBe(status);
      expect(res.body.error?.details).toMatchObject({ reason });
    }
    // Calling a booked ticket queues a notification for the applicant; the gateway sends each once (central's
    // own 5-second drain may get there before this test's, so what counts is the outbox, all sent, none twice).
    const gateway = { send: async () => undefined };
    await drain();
    await drainNotifications(central.central.deps.store, gateway, clock);
    const outbox = await central.central.deps.store.query<{ kind: string; code: string; sent: boolean }>(
      "SELECT kind, payload->>'bookingCode' AS code, sent_at IS NOT NULL AS sent FROM notifications_outbox WHERE payload->>'bookingCode' IN ('MP-0001', 'MP-0002')",
    );
    expect(outbox.map((n) => `${n.kind}:${n.code}`)).toEqual(expect.arrayContaining(['called:MP-0001', 'done:MP-0001', 'called:MP-0002']));
    expect(outbox.every((n) => n.sent)).toBe(true);
    expect(await drainNotifications(central.central.deps.store, gateway, clock)).toBe(0);
    const gen = await central.admin(queueAdminRoutes.generateBookings, {
      body: {
        officeCode: 'banyumanik',
        day: '2026-12-03',
        count: 40,
        seed: 7,
      },
    });
    expect(gen.imported).toBe(40);
    expect(new Set(gen.codes).size).toBe(40);
    await drain();
  });

  it('long-polls the board: a call wakes it with the call on top', async () => {
    const t = await issue({ serviceCode: 'PASPOR_PRIORITAS' });
    const first = await client().ok(queueRoutes.board);
    const version = first.version;
    expect(first.board.officeName).toBe('Kantor Imigrasi Banyumanik');
    const waiting = client().ok(queueRoutes.board, { query: { version, wait: 10000 } });
    await callNext('4');
    const woke = await waiting;
    expect(woke.version).toBeGreaterThan(version);
    expect(woke.board.current).toMatchObject({
      number: t.ticket.number,
      counterNumber: 4,
    });
    const services = woke.board.services;
    expect(services.map((s) => s.serviceCode)).toContain('PASPOR_JANJI');
    // Another office's workstation sees its own board, not this one.
    const elsewhere = await client(other).ok(queueRoutes.board);
    expect(elsewhere.board.current).toBeNull();
  });

  it('reconciles local-mode tickets once, and a stale resend changes nothing', async () => {
    const id = randomUUID();
    const local: LocalTicket = {
      id,
      day: '2026-12-01',
      serviceCode: 'PENGAMBILAN',
      number: 'L3C-001',
      status: 'waiting',
      arrivedAt: clock - 1000,
      slotAt: null,
      priorityGroup: null,
      counterId: null,
      calledAt: null,
      callCount: 0,
      startedAt: null,
      finishedAt: null,
      outcome: null,
    };
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [local] } })).toEqual({ inserted: 1, updated: 0, unchanged: 0 });
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [local] } })).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    // Now it is an ordinary waiting ticket of the office: another counter calls it.
    const called = (await callNext('1')).ticket!;
    expect(called.id).toBe(id);
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [local] } })).toEqual({ inserted: 0, updated: 0, unchanged: 1 });
    const bad = await client().send(queueRoutes.reconcile, { body: { tickets: [{ ...local, id: 'nope' }] } });
    expect(bad.status).toBe(400);
  });
});
