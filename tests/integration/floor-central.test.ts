// The supervisor's live floor at central, through the signed protocol, on PGlite and on PostgreSQL:
// tickets in known states at known times give exact waits, service level and no-show rate.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { enrolIdentity, wireOp } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { adminRoutes, queueAdminRoutes, queueRoutes, syncRoutes, ticketActionRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

/** 09:00 in Semarang (Asia/Jakarta) on a working day. */
const START = Date.parse('2026-12-01T09:00:00+07:00');
const MIN = 60_000;
const at = (minutes: number) => START + minutes * MIN;

describe.each(storeKinds())('live floor at central on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let other: Identity;
  let clock = Date.now();
  const rid = () => randomUUID().replace(/-/g, '');
  // Requests are signed with central's clock, the test's.
  const client = (id: Identity = ws) => centralClient(central, id, () => ({ timestamp: clock }));
  const issue = async (serviceCode: string, id: Identity = ws) =>
    (await client(id).ok(queueRoutes.issue, { body: { requestId: rid(), serviceCode } })).ticket;
  const callNext = async (counterId: string) =>
    (await client().ok(queueRoutes.callNext, { body: { counterId, requestId: rid() } })).ticket!;
  const act = (
    path: keyof typeof ticketActionRoutes,
    counterId: string,
    ticketId: string,
    extra: { outcome?: string; serviceCode?: string } = {},
  ) => client().ok(ticketActionRoutes[path], { body: { counterId, ticketId, ...extra } });
  const floor = (targetMinutes?: number) => client().ok(queueRoutes.floor, { query: { targetMinutes } });
  /** A desk enrolled and set up as a counter: its set-up op reaches central as a joined desk sends it. */
  const deskAt = async (officeCode: string, name: string, counter: number): Promise<Identity> => {
    const desk = await enrolIdentity(central, officeCode, name);
    const summary = { mode: 'join', office: officeCode, workstation: name, counter };
    const op = wireOp(1, {
      entity: 'workstation',
      entityId: desk.workstationId,
      op: 'setup.initialize',
      payload: { audit: { action: 'setup.initialize', entity: 'workstation', workstation: name, summary }, data: summary },
    });
    const answer = await client(desk).ok(syncRoutes.push, { body: { officeCode, ops: [op] } });
    expect(answer.results.map((r) => r.status)).toEqual(['applied']);
    return desk;
  };

  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => clock });
    ws = await enrolIdentity(central, 'banyumanik', 'SPV-01');
    other = await enrolIdentity(central, 'batam', 'SPV-02');
    // Desks set up as counters 1 and 3; counter 4's desk was revoked; counter 2 is only another office's.
    await deskAt('banyumanik', 'LOKET-01', 1);
    await deskAt('banyumanik', 'LOKET-03', 3);
    const gone = await deskAt('banyumanik', 'LOKET-04', 4);
    await central.admin(adminRoutes.revoke, { params: { id: gone.workstationId } });
    await deskAt('batam', 'LOKET-02', 2);
    // Yesterday's leftover and another office's queue are not this floor's.
    clock = at(-24 * 60);
    await issue('PENGAMBILAN');
    clock = at(0);
    await issue('PENGAMBILAN', other);
  });
  afterAll(() => central?.close());

  it('starts the day empty: the counters desks are set up as idle, no rates yet', async () => {
    const f = await floor();
    expect(f).toMatchObject({
      officeCode: 'banyumanik',
      timeZone: 'Asia/Jakarta',
      day: '2026-12-01',
      targetMinutes: 30,
      waitingTotal: 0,
      longestWaitMs: null,
    });
    expect(f).toMatchObject({ averageWaitLastHourMs: null, serviceLevel: null, noShowRate: null, calledToday: 0, closedToday: 0 });
    // Counters 2 and 4 are configured (every office starts with four) but no desk of this office is set
    // up as either: they are left out, not shown as open and idle.
    expect(f.counters.map((c) => [c.number, c.ticket])).toEqual([
      [1, null],
      [3, null],
    ]);
  });

  it('counts waits from arrival to the last call, the service level within the target and the no-show rate', async () => {
    clock = at(0);
    const b1 = await issue('PASPOR_PRIORITAS');
    clock = at(5);
    const b2 = await issue('PASPOR_PRIORITAS');
    clock = at(10);
    const c1 = await issue('PENGAMBILAN');
    clock = at(40);
    const d1 = await issue('IZIN_TINGGAL');
    // B1 called after 20 minutes and served.
    clock = at(20);
    expect((await callNext('1')).id).toBe(b1.id);
    clock = at(21);
    await act('start', '1', b1.id);
    clock = at(30);
    await act('finish', '1', b1.id, { outcome: 'served' });
    // B2 called at 09:50, recalled twice: the last call (09:52) counts, 47 minutes; then a no-show.
    clock = at(50);
    expect((await callNext('2')).id).toBe(b2.id);
    clock = at(51);
    await act('recall', '2', b2.id);
    clock = at(52);
    await act('recall', '2', b2.id);
    clock = at(53);
    await act('noShow', '2', b2.id);
    // C1 called after 50 minutes and being served since 10:05.
    clock = at(60);
    expect((await callNext('3')).id).toBe(c1.id);
    clock = at(65);
    await act('start', '3', c1.id);
    clock = at(70);
    const b3 = await issue('PASPOR_PRIORITAS');
    clock = at(75);
    await issue('PENGAMBILAN');
    // D1 called after 40 minutes, not yet started.
    clock = at(80);
    expect((await callNext('1')).id).toBe(d1.id);

    clock = at(90);
    const f = await floor();
    expect(f.services.map((s) => [s.serviceCode, s.waiting, s.longestWaitMs])).toEqual([
      ['PASPOR_JANJI', 0, null],
      ['PASPOR_PRIORITAS', 1, 20 * MIN],
      ['PENGAMBILAN', 1, 15 * MIN],
      ['IZIN_TINGGAL', 0, null],
    ]);
    expect(f.waitingTotal).toBe(2);
    expect(f.longestWaitMs).toBe(20 * MIN);
    // Called in the last hour (after 09:30): B2 47, C1 50, D1 40 minutes; B1 (09:20) is older.
    expect(f.calledLastHour).toBe(3);
    expect(f.averageWaitLastHourMs).toBe(Math.round(((47 + 50 + 40) * MIN) / 3));
    // Of four called today only B1 (20 minutes) was called within 30.
    expect(f).toMatchObject({ calledToday: 4, serviceLevel: 0.25, noShows: 1, closedToday: 2, noShowRate: 0.5 });
    // Counter 2 called today (a desk renumbered since its set-up): it is in use, now idle. 4 still is not.
    expect(f.counters.map((c) => [c.number, c.ticket && [c.ticket.number, c.ticket.status, c.ticket.since]])).toEqual([
      [1, [d1.number, 'called', at(80)]],
      [2, null],
      [3, [c1.number, 'serving', at(65)]],
    ]);
    expect(b3.number).toBe('B-003');
    // The target is the supervisor's: 47 minutes takes in B1, D1 and B2 (exactly 47).
    expect((await floor(47)).serviceLevel).toBe(0.75);
    expect((await floor(45)).serviceLevel).toBe(0.5);
  });

  it('refuses a target out of range and shows a closed counter only while it holds a ticket', async () => {
    for (const bad of [{ targetMinutes: 0 }, { targetMinutes: 'abc' }, { targetMinutes: 999 }, { other: 1 }]) {
      const r = await client().sendLoose(queueRoutes.floor, { query: bad });
      expect(r.status, JSON.stringify(bad)).toBe(400);
    }
    await central.admin(queueAdminRoutes.saveCounter, {
      body: {
        officeCode: 'banyumanik',
        counter: { id: '4', name: 'Loket 4', number: 4, services: ['PENGAMBILAN'], open: false },
      },
    });
    await central.admin(queueAdminRoutes.saveCounter, {
      body: {
        officeCode: 'banyumanik',
        counter: { id: '1', name: 'Loket 1', number: 1, services: ['IZIN_TINGGAL'], open: false },
      },
    });
    expect((await floor()).counters.map((c) => c.number)).toEqual([1, 2, 3]);
  });
});
