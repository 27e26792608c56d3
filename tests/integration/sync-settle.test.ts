// Settling sync problems across an office: a set resent in another order is no conflict; only an admin
// settles a conflict on an account; a rejected change is sent again once its cause is fixed, or dismissed
// with a reason, and leaves the counts; a supervisor sees every desk's open problems until they are settled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '@common/central/routes.js';
import { passwordOf, userSession } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

let central: TestCentral;
let a: TestWorkstation;
let b: TestWorkstation;
let budi: string;
let services: string[];
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  a = await startWorkstation(central, { name: 'LOKET-01' });
  b = await startWorkstation(central, { name: 'LOKET-02' });
  await a.t.value(
    'users.create',
    { username: 'budi', fullName: 'Budi Santoso', role: 'officer', password: 'Sementara-2026-x' },
    a.adminToken,
  );
  await a.client.runCycle();
  await b.client.runCycle();
  budi = b.t.core.liveDb.prepare("SELECT id FROM users WHERE username = 'budi'").pluck().get() as string;
  services = (await a.t.value('reference.services', {}, a.adminToken)).slice(0, 2).map((s) => s.code);
});
afterAll(async () => {
  await a?.cleanup();
  await b?.cleanup();
  await central?.close();
});

const errorOf = (r: { ok: boolean; error?: { code: string; details?: unknown } }) => (r.ok ? 'ok' : [r.error!.code, r.error!.details]);
const statusOf = async (w: TestWorkstation) => w.t.value('sync.status', {});
const listed = async (w: TestWorkstation, filter: 'rejected' | 'conflict' | 'problems') =>
  (await w.t.value('sync.list', { filter }, w.adminToken)).items;

describe('conflicts', () => {
  it("takes an officer's services sent in another order as the same set, not a conflict", async () => {
    await a.t.value('users.update', { id: budi, services }, a.adminToken);
    await a.client.runCycle();
    // Desk B has not pulled A's change: its edit is based on the version before it.
    await b.t.value('users.update', { id: budi, services: [...services].reverse() }, b.adminToken);
    await b.client.pushAll();
    expect(await statusOf(b)).toMatchObject({ conflicts: 0, rejected: 0, pendingOps: 0 });
    await b.client.runCycle();
  });

  it('lets only an admin settle a conflict on an account', async () => {
    await a.t.value('users.update', { id: budi, fullName: 'Budi Santoso Putra' }, a.adminToken);
    await a.client.runCycle();
    await b.t.value('users.update', { id: budi, fullName: 'Budi S.' }, b.adminToken);
    await b.client.pushAll();
    const [conflict] = await listed(b, 'conflict');
    expect(conflict).toMatchObject({ status: 'conflict', entity: 'user', conflict: { fields: [{ field: 'fullName' }] } });
    const supervisor = await userSession(b.t, b.adminToken, 'siti', 'supervisor');
    expect(errorOf(await b.t.call('sync.resolveConflict', { opId: conflict!.opId, choice: 'mine' }, supervisor))).toEqual([
      'FORBIDDEN',
      { reason: 'conflict.forbidden' },
    ]);
    await b.t.value('sync.resolveConflict', { opId: conflict!.opId, choice: 'theirs' }, b.adminToken);
    await b.client.runCycle();
    expect(await statusOf(b)).toMatchObject({ conflicts: 0 });
  });
});

describe('rejected changes', () => {
  let admin2: string;
  let supervisorB: string;

  it('are listed for a supervisor of the office from every desk', async () => {
    admin2 = await userSession(a.t, a.adminToken, 'admin2', 'admin');
    await a.client.runCycle();
    const id = a.t.core.liveDb.prepare("SELECT id FROM users WHERE username = 'admin2'").pluck().get() as string;
    // Central disables admin2; desk A has not heard yet, so admin2's next two changes are refused there.
    await central.admin(adminRoutes.updateUser, { params: { id }, body: { officeCode: 'banyumanik', disabled: true } });
    await a.t.value('users.update', { id: budi, fullName: 'Budi Santoso Dua' }, admin2);
    await a.t.value('users.update', { id: budi, role: 'supervisor' }, admin2);
    await a.client.runCycle();
    expect(await statusOf(a)).toMatchObject({ rejected: 2 });
    expect((await listed(a, 'rejected')).map((i) => i.reason)).toEqual(['actor.forbidden', 'actor.forbidden']);

    await b.client.runCycle();
    supervisorB = (await b.t.value('auth.login', { username: 'siti', password: passwordOf('siti') })).sessionToken;
    const office = await b.t.value('sync.officeProblems', {}, supervisorB);
    expect(office.problems.map((p) => [p.workstationName, p.status, p.reason, p.actor])).toEqual([
      ['LOKET-01', 'rejected', 'actor.forbidden', 'admin2'],
      ['LOKET-01', 'rejected', 'actor.forbidden', 'admin2'],
    ]);
    const officer = await userSession(b.t, b.adminToken, 'petugas', 'officer');
    expect(errorOf(await b.t.call('sync.officeProblems', {}, officer))[0]).toBe('FORBIDDEN');
  });

  it('are sent again by who may make them, as a new change against central, or dismissed with a reason', async () => {
    const [role, name] = await listed(a, 'rejected');
    const officer = await userSession(a.t, a.adminToken, 'petugas-a', 'officer');
    expect(errorOf(await a.t.call('sync.retryRejected', { opId: name!.opId }, officer))).toEqual([
      'FORBIDDEN',
      { reason: 'rejected.notYours' },
    ]);
    const retried = await a.t.value('sync.retryRejected', { opId: name!.opId }, a.adminToken);
    expect(retried.settled).toMatchObject({ kind: 'retried', by: 'admin', retryOpId: expect.any(String) });
    expect(errorOf(await a.t.call('sync.retryRejected', { opId: name!.opId }, a.adminToken))).toEqual([
      'CONFLICT',
      { reason: 'rejected.settled' },
    ]);
    expect(errorOf(await a.t.call('sync.dismissRejected', { opId: role!.opId, reason: 'no' }, a.adminToken))[0]).toBe('VALIDATION');
    const dismissed = await a.t.value('sync.dismissRejected', { opId: role!.opId, reason: 'Peran tidak jadi diubah' }, a.adminToken);
    expect(dismissed.settled).toMatchObject({ kind: 'dismissed', by: 'admin', reason: 'Peran tidak jadi diubah' });
    expect(await statusOf(a)).toMatchObject({ rejected: 0 });
    expect((await listed(a, 'problems')).filter((i) => i.status === 'rejected')).toEqual([]);

    await a.client.runCycle();
    expect(await statusOf(a)).toMatchObject({ rejected: 0, pendingOps: 0 });
    const [record] = await central.central.deps.store.query<{ name: string; role: string }>(
      "SELECT data->>'fullName' AS name, data->>'role' AS role FROM records WHERE entity = 'user' AND entity_id = $1",
      [budi],
    );
    expect(record).toEqual({ name: 'Budi Santoso Dua', role: 'officer' });
    const audit = a.t.core.liveDb
      .prepare(
        "SELECT action, username FROM audit_events WHERE action IN ('users.update', 'sync.retry', 'sync.dismiss') ORDER BY seq DESC LIMIT 3",
      )
      .all();
    expect(audit).toEqual([
      { action: 'sync.dismiss', username: 'admin' },
      { action: 'sync.retry', username: 'admin' },
      { action: 'users.update', username: 'admin' },
    ]);
    expect((await b.t.value('sync.officeProblems', {}, supervisorB)).problems).toEqual([]);
  });
});
