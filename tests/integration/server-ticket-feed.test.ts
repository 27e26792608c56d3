// Central publishes its queue tickets into the office's change feed (entity "ticket"): at
// issue and at a final status, with the officer who acted at the counter; reconciled local tickets too.
// Seen as a workstation sees it: through signed pull, snapshot and push, on PGlite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TICKET_ENTITY, TicketData } from '@common/central/ticket-record.js';
import type { LocalTicket } from '@common/contract/queue/sync.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp, type Actor } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { queueRoutes, syncRoutes, ticketActionRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

const START = Date.parse('2026-12-02T09:00:00+07:00');

describe.each(storeKinds())('queue tickets in the change feed on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  // Real time while enrolling (signed with the real clock), the test's day after.
  let clock = Date.now();
  let deviceSeq = 0;
  let admin: Actor;
  const rid = () => randomUUID().replace(/-/g, '');
  const client = () => centralClient(central, ws, () => ({ timestamp: clock }));
  const issue = async (serviceCode = 'PENGAMBILAN', requestId = rid()) =>
    (await client().ok(queueRoutes.issue, { body: { requestId, serviceCode } })).ticket;
  const callNext = async (counterId: string, extra: { requestId?: string; officer?: string } = {}) =>
    (await client().ok(queueRoutes.callNext, { body: { counterId, requestId: rid(), ...extra } })).ticket;
  /** A counter's action on a ticket: each answers the ticket it acted on. */
  const act = async (
    path: keyof typeof ticketActionRoutes,
    body: { counterId: string; ticketId: string; officer?: string; outcome?: string; serviceCode?: string },
  ) => {
    const { ticket } = await client().ok(ticketActionRoutes[path], { body });
    if (!ticket) throw new Error(`${path} answered without a ticket`);
    return ticket;
  };
  const pull = (query: { cursor: number; limit?: number; wait?: number }) => client().ok(syncRoutes.pull, { query });
  const lastSeq = async () =>
    (await central.central.deps.store.query<{ last_seq: number }>("SELECT last_seq FROM office_seq WHERE office_code = 'banyumanik'"))[0]!
      .last_seq;
  /** The ticket changes a workstation pulls after `cursor`. */
  const ticketsSince = async (cursor: number) => (await pull({ cursor, limit: 5000 })).changes.filter((c) => c.entity === TICKET_ENTITY);
  /** Empties a service so one test's tickets are not called by the next. */
  const drain = async (counterId: string) => {
    for (let t = await callNext(counterId); t; t = await callNext(counterId)) {
      await act('start', { counterId, ticketId: t.id });
      await act('finish', { counterId, ticketId: t.id, outcome: 'served' });
    }
  };

  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => clock });
    ws = await enrolIdentity(central, 'banyumanik', 'FEED-01');
    admin = await centralActor(central, 'banyumanik', 'admin');
    clock = START;
  });
  afterAll(() => central?.close());

  it('publishes an issued ticket at version 1, waiting, as TicketData without the applicant', async () => {
    const before = await lastSeq();
    const t = await issue();
    const feed = await ticketsSince(before);
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({
      entityId: t.id,
      version: 1,
      data: { status: 'waiting', number: t.number, day: '2026-12-02', serviceCode: 'PENGAMBILAN', officer: null },
    });
    expect(TicketData.parse(feed[0]!.data)).toEqual(feed[0]!.data);
    expect(feed[0]!.data).not.toHaveProperty('applicantName');
    // Snapshots carry tickets too (a workstation enrolled after compaction still gets the day's tickets).
    const { records } = await client().ok(syncRoutes.snapshot, { query: { limit: 5000 } });
    expect(records.find((r) => r.entity === TICKET_ENTITY && r.entityId === t.id)).toMatchObject({ version: 1 });
    await drain('1');
  });

  it('publishes nothing on call and start, then version 2 done with the officer and the times', async () => {
    const t = await issue();
    const issuedAt = await lastSeq();
    clock += 60_000;
    const called = await callNext('1', { officer: 'siti' });
    expect(called?.id).toBe(t.id);
    await act('start', { counterId: '1', ticketId: t.id });
    expect(await lastSeq()).toBe(issuedAt);
    clock += 120_000;
    // The finish names no officer: the one who called keeps the ticket.
    await act('finish', { counterId: '1', ticketId: t.id, outcome: 'served' });
    const feed = await ticketsSince(issuedAt);
    expect(feed).toHaveLength(1);
    expect(feed[0]).toMatchObject({
      entityId: t.id,
      version: 2,
      data: {
        status: 'done',
        officer: 'siti',
        counterId: '1',
        calledAt: START + 60_000,
        callCount: 1,
        startedAt: START + 60_000,
        finishedAt: START + 180_000,
        outcome: 'served',
      },
    });
  });

  it('publishes a no-show after the recalls, with the officer of the last action that named one', async () => {
    const t = await issue();
    const issuedAt = await lastSeq();
    await callNext('2', { officer: 'siti' });
    await act('recall', { counterId: '2', ticketId: t.id, officer: 'budi' });
    await act('recall', { counterId: '2', ticketId: t.id });
    expect(await lastSeq()).toBe(issuedAt);
    // After the time the applicant had to walk over since the last call.
    clock += 20_000;
    await act('noShow', { counterId: '2', ticketId: t.id });
    const feed = await ticketsSince(issuedAt);
    expect(feed.map((c) => [c.entityId, c.version, c.data.status, c.data.callCount, c.data.officer])).toEqual([
      [t.id, 2, 'no_show', 3, 'budi'],
    ]);
  });

  it('publishes nothing on park and resume, and keeps the officer who resumed', async () => {
    const t = await issue();
    const issuedAt = await lastSeq();
    await callNext('2', { officer: 'siti' });
    await act('park', { counterId: '2', ticketId: t.id });
    await act('resume', { counterId: '2', ticketId: t.id, officer: 'andi' });
    await act('start', { counterId: '2', ticketId: t.id });
    expect(await lastSeq()).toBe(issuedAt);
    await act('finish', { counterId: '2', ticketId: t.id, outcome: 'served' });
    expect((await ticketsSince(issuedAt)).map((c) => [c.version, c.data.status, c.data.officer])).toEqual([[2, 'done', 'andi']]);
  });

  it('publishes a transfer as the old ticket transferred and the new one waiting, from the old', async () => {
    const t = await issue();
    const issuedAt = await lastSeq();
    await callNext('3', { officer: 'rina' });
    const moved = await act('transfer', { counterId: '3', ticketId: t.id, serviceCode: 'IZIN_TINGGAL', officer: 'rina' });
    const feed = await ticketsSince(issuedAt);
    expect(feed.map((c) => [c.entityId, c.version, c.data.status, c.data.serviceCode, c.data.transferredFrom, c.data.officer])).toEqual([
      [t.id, 2, 'transferred', 'PENGAMBILAN', null, 'rina'],
      [moved.id, 1, 'waiting', 'IZIN_TINGGAL', t.id, null],
    ]);
    await drain('3');
  });

  it('publishes nothing again for a repeated issue or a double-pressed call next', async () => {
    const requestId = rid();
    const t = await issue('PENGAMBILAN', requestId);
    const issuedAt = await lastSeq();
    expect((await issue('PENGAMBILAN', requestId)).id).toBe(t.id);
    const press = rid();
    const [a, b] = await Promise.all([
      callNext('4', { requestId: press, officer: 'siti' }),
      callNext('4', { requestId: press, officer: 'siti' }),
    ]);
    expect([a?.id, b?.id]).toEqual([t.id, t.id]);
    expect(await lastSeq()).toBe(issuedAt);
    await act('start', { counterId: '4', ticketId: t.id });
    await act('finish', { counterId: '4', ticketId: t.id, outcome: 'served' });
    expect((await ticketsSince(issuedAt)).map((c) => c.version)).toEqual([2]);
  });

  it('publishes reconciled local tickets with their officer, once; a resend publishes nothing', async () => {
    const local: LocalTicket = {
      id: randomUUID(),
      day: '2026-12-02',
      serviceCode: 'PENGAMBILAN',
      number: 'L2C-001',
      status: 'done',
      arrivedAt: START - 600_000,
      slotAt: null,
      priorityGroup: null,
      counterId: '2',
      calledAt: START - 500_000,
      callCount: 1,
      startedAt: START - 480_000,
      finishedAt: START - 300_000,
      outcome: 'served',
      officer: 'dewi',
    };
    const open: LocalTicket = {
      ...local,
      id: randomUUID(),
      number: 'L2C-002',
      status: 'called',
      startedAt: null,
      finishedAt: null,
      outcome: null,
    };
    const before = await lastSeq();
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [local, open] } })).toEqual({
      inserted: 2,
      updated: 0,
      unchanged: 0,
    });
    const feed = await ticketsSince(before);
    expect(feed.map((c) => [c.entityId, c.version, c.data.status, c.data.officer, c.data.number])).toEqual([
      [local.id, 1, 'done', 'dewi', 'L2C-001'],
      [open.id, 1, 'called', 'dewi', 'L2C-002'],
    ]);
    const published = await lastSeq();
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [local, open] } })).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 2,
    });
    expect(await lastSeq()).toBe(published);
    // The open one finished at the workstation later: sent again, it moves on and is published at version 2.
    const finished: LocalTicket = { ...open, status: 'done', startedAt: START - 100_000, finishedAt: START - 50_000, outcome: 'served' };
    expect(await client().ok(queueRoutes.reconcile, { body: { tickets: [finished] } })).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
    expect((await ticketsSince(published)).map((c) => [c.entityId, c.version, c.data.status, c.data.officer])).toEqual([
      [open.id, 2, 'done', 'dewi'],
    ]);
  });

  it('refuses a local ticket the feed cannot hold, and keeps nothing of its batch', async () => {
    const before = await lastSeq();
    const fine: LocalTicket = {
      id: randomUUID(),
      day: '2026-12-02',
      serviceCode: 'PENGAMBILAN',
      number: 'L2C-009',
      status: 'waiting',
      arrivedAt: START,
      slotAt: null,
      priorityGroup: null,
      counterId: null,
      calledAt: null,
      callCount: 0,
      startedAt: null,
      finishedAt: null,
      outcome: null,
    };
    const odd: LocalTicket = {
      ...fine,
      id: randomUUID(),
      number: 'L2C-010',
      status: 'called',
      counterId: 'Loket 2',
      calledAt: START,
      callCount: 1,
    };
    const r = await client().send(queueRoutes.reconcile, { body: { tickets: [fine, odd] } });
    expect(r.status).toBe(400);
    expect(r.body.error).toMatchObject({ code: 'INVALID_FIELD', details: { fields: { 'ticket.counterId': expect.any(Array) } } });
    expect(r.body.error?.message).toContain('L2C-010');
    const rows = await central.central.deps.store.query('SELECT id FROM tickets WHERE id IN ($1, $2)', [fine.id, odd.id]);
    expect(rows).toEqual([]);
    expect(await lastSeq()).toBe(before);
  });

  it("refuses a workstation's change to a ticket record, and keeps its queue audit ops in the journal", async () => {
    const t = await issue();
    const before = await lastSeq();
    const push = async (op: Record<string, unknown>) =>
      (await client().ok(syncRoutes.push, { body: { officeCode: 'banyumanik', ops: [wireOp(++deviceSeq, { createdAt: clock, ...op })] } }))
        .results[0];
    const change = await push({
      entity: TICKET_ENTITY,
      entityId: t.id,
      op: 'sync.resolve',
      baseVersion: 1,
      payload: { audit: auditBy(admin), data: { status: 'done' } },
    });
    expect(change).toMatchObject({ status: 'rejected', reason: 'central.owned', current: { version: 1, data: { status: 'waiting' } } });
    // What main/core/queue/handlers.ts sends for every press at a counter: the audit of a queue action.
    const audit = await push({
      entity: TICKET_ENTITY,
      entityId: t.id,
      op: 'queue.callNext',
      payload: { audit: { action: 'queue.callNext', ...auditBy(admin) }, data: { mode: 'central' } },
    });
    expect(audit).toMatchObject({ status: 'applied' });
    expect(await lastSeq()).toBe(before);
    await drain('1');
  });

  it('publishes from issues, finishes and a push running at once, each ticket once per change, in seq order', async () => {
    const served: Array<{ counterId: string; ticketId: string }> = [];
    for (const counterId of ['1', '2', '3']) {
      await issue('IZIN_TINGGAL');
      const t = (await callNext(counterId, { officer: `petugas${counterId}` }))!;
      await act('start', { counterId, ticketId: t.id });
      served.push({ counterId, ticketId: t.id });
    }
    const before = await lastSeq();
    const users = [1, 2, 3].map((n) =>
      wireOp(++deviceSeq, {
        createdAt: clock,
        entity: 'user',
        entityId: randomUUID(),
        op: 'users.create',
        payload: {
          audit: auditBy(admin),
          data: { username: `serentak${n}`, fullName: 'Nama Lengkap', role: 'officer', services: [], passwordHash: 'scrypt$1$1$1$abc$def' },
        },
      }),
    );
    const [issued, , pushed] = await Promise.all([
      Promise.all(
        ['PENGAMBILAN', 'PASPOR_PRIORITAS', 'PASPOR_JANJI', 'PENGAMBILAN', 'PASPOR_PRIORITAS', 'PASPOR_JANJI'].map((s) => issue(s)),
      ),
      Promise.all(served.map((s) => act('finish', { ...s, outcome: 'served' }))),
      client().send(syncRoutes.push, { body: { officeCode: 'banyumanik', ops: users } }),
    ]);
    expect(pushed.status).toBe(200);
    const { changes } = await pull({ cursor: before, limit: 5000 });
    expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => before + 1 + i));
    const tickets = changes.filter((c) => c.entity === TICKET_ENTITY);
    expect(tickets.map((c) => `${c.entityId}@${c.version}`).sort()).toEqual(
      [...issued.map((t) => `${t.id}@1`), ...served.map((s) => `${s.ticketId}@2`)].sort(),
    );
    expect(changes.filter((c) => c.entity === 'user')).toHaveLength(3);
    await drain('1');
  });

  it('wakes a long-polling pull at the head of the feed when a ticket is issued', async () => {
    const head = await lastSeq();
    // Without the wake the pull would answer only when its 60 s wait ran out, past this test's timeout.
    const waiting = pull({ cursor: head, wait: 60000 });
    // Issue only once the pull is waiting, so it is the wake that answers it, not the pull's first read.
    await expect.poll(() => central.central.deps.notifier.waiting('banyumanik'), { timeout: 10_000, interval: 10 }).toBeGreaterThan(0);
    const t = await issue();
    const r = await waiting;
    expect(r.changes.map((c) => [c.entity, c.entityId, c.version])).toEqual([[TICKET_ENTITY, t.id, 1]]);
    await drain('1');
  });
});
