// Central holds changes dated in a closed business day for the office's supervisor (never applied, never
// lost): a supervisor's sign-off closes (office, day), an admin's reopen with a reason opens it again; days
// are the office's own calendar (WIB/WITA/WIT).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '@server/entities/business-day.js';
import { preferredStore, startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp, type Actor } from '../support/model/signed.js';
import type { Role } from '@common/domain/shared/roles.js';
import { centralClient } from '../support/central-client.js';
import { syncRoutes } from '@common/central/routes.js';
import type { OpResult, WireOp } from '@common/central/protocol.js';
import type { Identity } from '@main/sync/transport.js';
import { ADMIN_PASSWORD, passwordOf, userSession } from '../support/core.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { walkInDraft } from '../support/applications-fixtures.js';

const DAY = '2026-11-20';
/** 2026-11-20 23:30 WIB: the last hour of DAY in Jakarta's zone, already 2026-11-21 in Jayapura's. */
const LATE = Date.UTC(2026, 10, 20, 16, 30);
/** 2026-11-21 00:30 WIB: the next day in Jakarta's zone. */
const NEXT = Date.UTC(2026, 10, 20, 17, 30);
const MORNING = Date.UTC(2026, 10, 20, 2, 0);

let counter = 0;
const appNumber = () => `BYM-261120-01-${String(++counter).padStart(4, '0')}`;
// Accounts central holds, one per role and office, named after their role: made in beforeAll.
const people = new Map<string, Actor>();
const audit = (role: Role, office = 'banyumanik') => auditBy(people.get(`${office}/${role}`)!);

describe.each(storeKinds())('central DAY_CLOSED on %s', (kind) => {
  let central: TestCentral;
  let counterWs: Identity;
  let supervisorWs: Identity;
  let batam: Identity;
  const seqs = new Map<string, number>();
  const next = (id: Identity): number => {
    const n = (seqs.get(id.workstationId) ?? 0) + 1;
    seqs.set(id.workstationId, n);
    return n;
  };
  const push = async (id: Identity, ops: WireOp[], officeCode = 'banyumanik'): Promise<OpResult[]> =>
    (await centralClient(central, id).ok(syncRoutes.push, { body: { officeCode, ops } })).results;
  const one = async (id: Identity, op: WireOp, officeCode = 'banyumanik'): Promise<OpResult> => (await push(id, [op], officeCode))[0]!;
  const record = async (entity: string, id: string, office = 'banyumanik') =>
    (
      await central.central.deps.store.query<{ version: number; data: Record<string, unknown> }>(
        'SELECT version, data FROM records WHERE office_code = $1 AND entity = $2 AND entity_id = $3',
        [office, entity, id],
      )
    )[0];

  const createApp = (id: Identity, at: number, officeCode = 'banyumanik') =>
    wireOp(next(id), {
      entity: 'application',
      entityId: randomUUID(),
      op: 'applications.create',
      createdAt: at,
      payload: {
        audit: audit('officer', officeCode),
        data: {
          number: appNumber(),
          officeCode,
          serviceCode: 'PASPOR_BARU',
          status: 'checked_in',
          fullName: 'Siti Aminah',
          feeTotal: 650000,
        },
      },
    });
  const signOff = (id: Identity, role: Role, date = DAY, at = NEXT + 3_600_000) =>
    wireOp(next(id), {
      entity: 'business_day',
      entityId: date,
      op: 'endOfDay.signOff',
      createdAt: at,
      payload: { audit: audit(role), data: { date, reportHash: 'a'.repeat(64), discrepancies: 0, total: 650000 } },
    });
  const reopen = (id: Identity, role: Role, reason: string, date = DAY) =>
    wireOp(next(id), {
      entity: 'business_day',
      entityId: date,
      op: 'endOfDay.reopen',
      createdAt: NEXT + 7_200_000,
      payload: { audit: audit(role), data: { date, reason, signedHash: 'a'.repeat(64) } },
    });

  beforeAll(async () => {
    central = await startTestCentral(kind);
    counterWs = await enrolIdentity(central, 'banyumanik', 'LOKET-01');
    supervisorWs = await enrolIdentity(central, 'banyumanik', 'SPV-01');
    batam = await enrolIdentity(central, 'batam', 'LOKET-01');
    for (const role of ['officer', 'supervisor', 'admin'] as const)
      people.set(`banyumanik/${role}`, await centralActor(central, 'banyumanik', role, role));
    people.set('batam/officer', await centralActor(central, 'batam', 'officer', 'officer'));
  });
  afterAll(() => central?.close());

  it('reads the business day in the office zone', () => {
    expect(businessDateOf(LATE, 'Asia/Jakarta')).toBe(DAY);
    expect(businessDateOf(LATE, 'Asia/Jayapura')).toBe('2026-11-21');
    expect(businessDateOf(NEXT, 'Asia/Jakarta')).toBe('2026-11-21');
  });

  it('closes a day only on a supervisor sign-off; changes dated in it are then held and change nothing', async () => {
    const early = createApp(counterWs, MORNING);
    expect(await one(counterWs, early)).toMatchObject({ status: 'applied' });

    expect(await one(counterWs, signOff(counterWs, 'officer'))).toMatchObject({ status: 'rejected', reason: 'actor.forbidden' });
    expect(await record('business_day', DAY)).toBeUndefined();
    expect(await one(supervisorWs, signOff(supervisorWs, 'supervisor'))).toMatchObject({ status: 'applied' });
    expect((await record('business_day', DAY))?.data).toMatchObject({ date: DAY, status: 'closed', closedBy: 'supervisor' });

    // What central applied before the sign-off arrived stays.
    const appId = early.entityId as string;
    expect(await record('application', appId)).toMatchObject({ version: 1 });

    const update = wireOp(next(counterWs), {
      entity: 'application',
      entityId: appId,
      op: 'applications.update',
      baseVersion: 1,
      createdAt: LATE,
      payload: { audit: audit('officer'), data: { fullName: 'Siti Aminah Binti Ahmad' } },
    });
    const lateCreate = createApp(counterWs, LATE);
    const waiver = wireOp(next(counterWs), {
      entity: 'payment',
      entityId: randomUUID(),
      op: 'payments.waive',
      createdAt: LATE,
      payload: { audit: audit('officer'), data: { applicationId: appId, kind: 'waiver', amount: 650000 } },
    });
    const nextDay = createApp(counterWs, NEXT);
    const results = await push(counterWs, [update, lateCreate, waiver, nextDay]);
    expect(results.map((r) => [r.opId, r.status, r.reason])).toEqual([
      [update.opId, 'held', 'late.held'],
      [lateCreate.opId, 'held', 'late.held'],
      [waiver.opId, 'held', 'late.held'],
      [nextDay.opId, 'applied', null],
    ]);
    expect(await record('application', appId)).toMatchObject({ version: 1, data: { fullName: 'Siti Aminah' } });
    expect(await record('application', lateCreate.entityId as string)).toBeUndefined();
    expect(await record('payment', waiver.entityId as string)).toBeUndefined();
    expect(await record('application', nextDay.entityId as string)).toMatchObject({ version: 1 });
  });

  it('leaves other offices days open', async () => {
    expect(await one(batam, createApp(batam, LATE, 'batam'), 'batam')).toMatchObject({ status: 'applied' });
  });

  it('holds a change of the day signed off earlier in the same batch', async () => {
    const date = '2026-11-23';
    const at = Date.UTC(2026, 10, 23, 3, 0);
    const results = await push(supervisorWs, [signOff(supervisorWs, 'supervisor', date, at + 3_600_000), createApp(supervisorWs, at)]);
    expect(results.map((r) => [r.status, r.reason])).toEqual([
      ['applied', null],
      ['held', 'late.held'],
    ]);
    // A second sign-off of a closed day (another supervisor desk) changes nothing.
    expect(await one(counterWs, signOff(counterWs, 'supervisor', date))).toMatchObject({ status: 'applied' });
    expect(await record('business_day', date)).toMatchObject({ version: 1 });
  });

  it('reopens only for an admin with a reason; the day then takes changes again', async () => {
    expect(await one(supervisorWs, reopen(supervisorWs, 'supervisor', 'Salah hitung'))).toMatchObject({
      status: 'rejected',
      reason: 'actor.forbidden',
    });
    expect(await one(supervisorWs, reopen(supervisorWs, 'admin', '  '))).toMatchObject({
      status: 'rejected',
      reason: 'data.invalid:reason',
    });
    expect(await one(supervisorWs, reopen(supervisorWs, 'admin', 'Pembayaran SIMPONI tercatat terlambat', '2026-11-24'))).toMatchObject({
      status: 'rejected',
      reason: 'day.notClosed',
    });
    expect((await record('business_day', DAY))?.data).toMatchObject({ status: 'closed' });

    expect(await one(supervisorWs, reopen(supervisorWs, 'admin', 'Pembayaran SIMPONI tercatat terlambat'))).toMatchObject({
      status: 'applied',
    });
    expect((await record('business_day', DAY))?.data).toMatchObject({
      status: 'reopened',
      reopenedBy: 'admin',
      reopenReason: 'Pembayaran SIMPONI tercatat terlambat',
    });
    expect(await one(counterWs, createApp(counterWs, LATE))).toMatchObject({ status: 'applied' });
    // Signed off again, it is closed again.
    expect(await one(supervisorWs, signOff(supervisorWs, 'supervisor'))).toMatchObject({ status: 'applied' });
    expect(await one(counterWs, createApp(counterWs, LATE))).toMatchObject({ status: 'held', reason: 'late.held' });
    // Central keeps both sign-offs of the day.
    expect(((await record('business_day', DAY))?.data.signoffs as unknown[]).length).toBe(2);
  });

  it('keeps later ops on a held record behind it in order; only the office supervisor accepts, and all of them apply', async () => {
    const date = '2026-11-25';
    const at = Date.UTC(2026, 10, 25, 3, 0);
    expect(await one(supervisorWs, signOff(supervisorWs, 'supervisor', date, at + 3_600_000))).toMatchObject({ status: 'applied' });
    const create = createApp(counterWs, at);
    // The next day is open, but the record it changes is still held: it waits instead of finding no record.
    const update = wireOp(next(counterWs), {
      entity: 'application',
      entityId: create.entityId,
      op: 'applications.update',
      baseVersion: 1,
      createdAt: at + 86_400_000,
      payload: { audit: audit('officer'), data: { fullName: 'Siti Aminah Binti Ahmad' } },
    });
    expect((await push(counterWs, [create, update])).map((r) => [r.status, r.reason])).toEqual([
      ['held', 'late.held'],
      ['held', 'late.waiting'],
    ]);
    const decide = (role: Role, op: 'endOfDay.acceptLate' | 'endOfDay.returnLate', target: string) =>
      wireOp(next(supervisorWs), {
        entity: 'late_change',
        entityId: target,
        op,
        createdAt: at + 7_200_000,
        payload: { audit: audit(role), data: { date, opId: target, reason: 'Berkas kurang' } },
      });
    expect(await one(supervisorWs, decide('officer', 'endOfDay.acceptLate', create.opId))).toMatchObject({
      status: 'rejected',
      reason: 'actor.forbidden',
    });
    expect(await one(supervisorWs, decide('supervisor', 'endOfDay.acceptLate', update.opId))).toMatchObject({
      status: 'rejected',
      reason: 'late.earlierHeld',
    });
    expect(await one(supervisorWs, decide('supervisor', 'endOfDay.acceptLate', create.opId))).toMatchObject({ status: 'applied' });
    expect(await record('application', create.entityId)).toMatchObject({ version: 2, data: { fullName: 'Siti Aminah Binti Ahmad' } });
    expect((await record('business_day', date))?.data).toMatchObject({ status: 'reopened', reopenReason: 'late.accepted' });
    // The desk's resend now reads what became of them.
    expect((await push(counterWs, [create, update])).map((r) => [r.status, r.original])).toEqual([
      ['duplicate', 'applied'],
      ['duplicate', 'applied'],
    ]);
    expect((await record('late_change', create.opId))?.data).toMatchObject({ status: 'accepted', decidedBy: 'supervisor' });
  });

  it('answers an op refused for its day before this version again once it is resent after a reopen', async () => {
    const date = '2026-11-26';
    const at = Date.UTC(2026, 10, 26, 3, 0);
    const create = createApp(counterWs, at);
    expect(await one(supervisorWs, signOff(supervisorWs, 'supervisor', date, at + 3_600_000))).toMatchObject({ status: 'applied' });
    expect(await one(counterWs, create)).toMatchObject({ status: 'held' });
    // As an earlier central answered it: rejected for its day, with no late change kept.
    await central.central.deps.store.query('DELETE FROM late_changes WHERE op_id = $1', [create.opId]);
    await central.central.deps.store.query("UPDATE applied_ops SET status = 'rejected', reason = 'day.closed' WHERE op_id = $1", [
      create.opId,
    ]);
    expect(await one(supervisorWs, reopen(supervisorWs, 'admin', 'Berkas terlambat masuk', date))).toMatchObject({ status: 'applied' });
    expect(await one(counterWs, create)).toMatchObject({ status: 'applied' });
    expect(await record('application', create.entityId)).toMatchObject({ version: 1 });
  });

  it('refuses a malformed business day', async () => {
    expect(await one(supervisorWs, signOff(supervisorWs, 'supervisor', '20-11-2026'))).toMatchObject({
      status: 'rejected',
      reason: 'data.invalid:date',
    });
  });
});

describe('a day signed off at one desk, through the real sync client', () => {
  let central: TestCentral;
  const open: TestWorkstation[] = [];
  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
  });
  afterAll(async () => {
    for (const w of open) await w.cleanup();
    await central?.close();
  });

  it('holds the change another desk made in it offline, shows it waiting there, and sends it again once the day is reopened', async () => {
    const desk = await startWorkstation(central, { name: 'SPV-01' });
    open.push(desk);
    const counter = await startWorkstation(central, { name: 'LOKET-02' });
    open.push(counter);
    const supervisor = await userSession(desk.t, desk.adminToken, 'spv1', 'supervisor');
    const officer = await userSession(counter.t, counter.adminToken, 'petugas1', 'officer');
    await desk.client.runCycle();
    await counter.client.runCycle();

    const today = businessDateOf(desk.t.now(), 'Asia/Jakarta');
    await desk.t.value('endOfDay.signOff', { date: today, password: passwordOf('spv1') }, supervisor);
    await desk.client.runCycle();
    const [day] = await central.central.deps.store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE office_code = 'banyumanik' AND entity = 'business_day' AND entity_id = $1",
      [today],
    );
    expect(day?.data).toMatchObject({ status: 'closed', closedBy: 'spv1' });

    // The counter has not heard of the sign-off: it keeps working, and central holds the change for the supervisor.
    const app = await counter.t.value('applications.create', { draft: walkInDraft() }, officer);
    await counter.client.runCycle();
    const { items } = await counter.t.value('sync.list', { filter: 'rejected' }, counter.adminToken);
    expect(items.filter((i) => i.entityId === app.id).map((i) => [i.op, i.reason])).toEqual([['applications.create', 'late.held']]);
    expect(
      await central.central.deps.store.query("SELECT 1 FROM records WHERE entity = 'application' AND entity_id = $1", [app.id]),
    ).toEqual([]);

    // The pull brought the sign-off: the counter's own core now refuses changes dated in that day, before any push.
    const refused = await counter.t.call('applications.create', { draft: walkInDraft() }, officer);
    expect(refused.ok ? 'ok' : [refused.error.code, (refused.error.details as { closedBy?: string }).closedBy]).toEqual([
      'DAY_CLOSED',
      'Nama spv1',
    ]);
    const counterAdmin = await userSession(counter.t, counter.adminToken, 'spv2', 'supervisor');
    const seen = await counter.t.value('endOfDay.report', { date: today }, counterAdmin);
    expect(seen.blockers).toEqual(['eod.closed']);
    expect(seen.closure).toMatchObject({ status: 'closed', reportHash: day?.data.reportHash });
    const signOffHere = await counter.t.call('endOfDay.signOff', { date: today, password: passwordOf('spv2') }, counterAdmin);
    expect(signOffHere.ok ? 'ok' : signOffHere.error.code).toBe('DAY_CLOSED');

    // An admin's reopen at the desk reaches the counter the same way: it takes changes again.
    await desk.t.value(
      'endOfDay.reopen',
      { date: today, reason: 'Pembayaran tercatat terlambat', password: ADMIN_PASSWORD },
      desk.adminToken,
    );
    await desk.client.runCycle();
    await counter.client.runCycle();
    expect((await counter.t.value('endOfDay.report', { date: today }, counterAdmin)).closure).toMatchObject({
      status: 'reopened',
      reopenReason: 'Pembayaran tercatat terlambat',
    });
    const again = await counter.t.value('applications.create', { draft: walkInDraft() }, officer);
    await counter.client.runCycle();
    expect(
      (await counter.t.value('sync.list', { filter: 'rejected' }, counter.adminToken)).items.filter((i) => i.entityId === again.id),
    ).toEqual([]);
  });
});
