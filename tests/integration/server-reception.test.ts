// Central holds a reception account to what reception may do, by its own record of the account, whatever
// the desk lets through: the counter's queue calls naming it are refused, and so are its pushed counter
// and application ops, while its check-in tickets and its session ops pass. An admin's reception account
// travels like any other account.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpResult, WireOp } from '@common/central/protocol.js';
import { UserData } from '@common/central/records.js';
import { queueRoutes, syncRoutes, ticketActionRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp, type Actor } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';

const START = Date.parse('2026-12-01T09:00:00+07:00');
const rid = () => randomUUID().replace(/-/g, '');

describe.each(storeKinds())('a reception account at central on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let reception: Actor;
  let officer: Actor;
  let admin: Actor;
  let seq = 0;
  // Enrolment is signed with the real clock; the queue's day is then the test's.
  let clock = Date.now();
  const client = () => centralClient(central, ws, () => ({ timestamp: clock }));
  const push = async (ops: WireOp[]): Promise<OpResult[]> =>
    (await client().ok(syncRoutes.push, { body: { officeCode: 'banyumanik', ops } })).results;
  const op = (action: string, entity: string, by: Actor, data: Record<string, unknown> = {}, entityId: string = randomUUID()) =>
    wireOp(++seq, { entity, entityId, op: action, createdAt: clock, payload: { audit: { action, ...auditBy(by) }, data } });

  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => clock });
    ws = await enrolIdentity(central, 'banyumanik', 'RESEPSI-01');
    reception = await centralActor(central, 'banyumanik', 'reception');
    officer = await centralActor(central, 'banyumanik', 'officer');
    admin = await centralActor(central, 'banyumanik', 'admin');
    clock = START;
  });
  afterAll(() => central?.close());

  it("refuses the counter's calls naming a reception account, and lets the officer's and an unknown name through", async () => {
    const issued = await client().ok(queueRoutes.issue, { body: { requestId: rid(), serviceCode: 'PENGAMBILAN' } });
    const byReception = await client().send(queueRoutes.callNext, {
      body: { counterId: '1', requestId: rid(), officer: reception.username },
    });
    expect([byReception.status, byReception.body.error?.code, byReception.body.error?.details]).toEqual([
      403,
      'FORBIDDEN',
      { reason: 'actor.forbidden' },
    ]);
    // Nothing moved: the officer's call gets the ticket reception could not.
    const called = await client().ok(queueRoutes.callNext, { body: { counterId: '1', requestId: rid(), officer: officer.username } });
    expect(called.ticket?.id).toBe(issued.ticket.id);
    for (const action of ['recall', 'start', 'park', 'noShow'] as const) {
      const r = await client().send(ticketActionRoutes[action], {
        body: { counterId: '1', ticketId: issued.ticket.id, officer: reception.username },
      });
      expect([action, r.status, r.body.error?.details], action).toEqual([action, 403, { reason: 'actor.forbidden' }]);
    }
    const finish = await client().send(ticketActionRoutes.finish, {
      body: { counterId: '1', ticketId: issued.ticket.id, officer: reception.username, outcome: 'served' },
    });
    expect(finish.status).toBe(403);
    const replayed = await client().ok(queueRoutes.replay, {
      body: {
        actions: [
          {
            id: randomUUID(),
            ticketId: issued.ticket.id,
            counterId: '1',
            kind: 'start',
            outcome: null,
            serviceCode: null,
            officer: reception.username,
            at: clock,
          },
        ],
      },
    });
    expect(replayed.results.map((r) => [r.outcome, r.reason])).toEqual([['refused', 'actor.forbidden']]);
    expect((await client().ok(queueRoutes.current, { query: { counterId: '1' } })).ticket).toMatchObject({ status: 'called' });
    // A name central does not hold yet (an account made on a desk whose op is still on its way) acts as before.
    const started = await client().ok(ticketActionRoutes.start, {
      body: { counterId: '1', ticketId: issued.ticket.id, officer: 'belum-sampai' },
    });
    expect(started.ticket?.status).toBe('serving');
    await client().ok(ticketActionRoutes.finish, {
      body: { counterId: '1', ticketId: issued.ticket.id, officer: officer.username, outcome: 'served' },
    });
  });

  it('refuses its pushed counter, application, capture and sync ops by its role at central, and keeps its check-ins', async () => {
    // The role the audit claims counts for nothing: each claims to be an officer.
    const claimsOfficer = (o: WireOp): WireOp => ({
      ...o,
      payload: { ...o.payload, audit: { ...(o.payload.audit as object), role: 'officer' } },
    });
    const refused = [
      op('queue.callNext', 'ticket', reception),
      op('queue.finish', 'ticket', reception),
      op('applications.create', 'application', reception),
      op('applications.transition', 'application', reception),
      op('payments.confirmManual', 'payment', reception),
      op('biometrics.capture', 'biometric_record', reception),
      op('sync.dismiss', 'audit', reception),
      op('endOfDay.signOff', 'business_day', reception, {}, '2026-12-01'),
      op('users.create', 'user', reception, { username: 'penyusup', fullName: 'Penyusup', role: 'admin', services: [] }),
    ].map(claimsOfficer);
    const results = await push(refused);
    expect(results.map((r) => [r.status, r.reason])).toEqual(refused.map(() => ['rejected', 'actor.forbidden']));

    const allowed = await push([
      op('auth.login', 'user', reception, {}, reception.userId),
      op('queue.issue', 'ticket', reception),
      op('auth.lock', 'user', reception, {}, reception.userId),
    ]);
    expect(allowed.map((r) => r.reason ?? '').filter((reason) => reason.startsWith('actor.'))).toEqual([]);
  });

  it("accepts an admin's new reception account from a desk and sends it to the office's desks", async () => {
    const id = randomUUID();
    const [created] = await push([
      op(
        'users.create',
        'user',
        admin,
        { username: 'resepsi2', fullName: 'Rina Resepsi', role: 'reception', services: [], passwordHash: 'scrypt$1$1$1$abc$def' },
        id,
      ),
    ]);
    expect([created?.status, created?.reason ?? null]).toEqual(['applied', null]);
    const page = await client().ok(syncRoutes.pull, { query: { cursor: 0, limit: 5000 } });
    const record = page.changes.find((c) => c.entity === 'user' && c.entityId === id);
    expect(UserData.parse(record?.data)).toMatchObject({ username: 'resepsi2', role: 'reception' });
    // The one central's admin API made (beforeAll) travels the same way.
    const made = page.changes.find((c) => c.entity === 'user' && c.entityId === reception.userId);
    expect(UserData.parse(made?.data)).toMatchObject({ username: reception.username, role: 'reception' });
  });
});
