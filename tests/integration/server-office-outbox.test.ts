// The office's outboxes as central knows them: each workstation says how far its outbox goes with its
// pulls; the supervisor's desk asks central which desks still hold ops central has not answered.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '@server/entities/business-day.js';
import { addDays } from '@common/domain/shared/working-days.js';
import { preferredStore, startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { auditBy, centralActor, enrolIdentity, wireOp } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { syncRoutes } from '@common/central/routes.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { passwordOf, userSession } from '../support/core.js';
import { walkInDraft } from '../support/applications-fixtures.js';
import type { Identity } from '@main/sync/transport.js';

const today = (): string => businessDateOf(Date.now(), 'Asia/Jakarta');

describe.each(storeKinds())('office outbox on %s', (kind) => {
  let central: TestCentral;
  let desk: Identity;
  let counter: Identity;
  let batam: Identity;
  beforeAll(async () => {
    central = await startTestCentral(kind);
    desk = await enrolIdentity(central, 'banyumanik', 'SPV-01');
    counter = await enrolIdentity(central, 'banyumanik', 'LOKET-02');
    batam = await enrolIdentity(central, 'batam', 'LOKET-01');
  });
  afterAll(() => central?.close());

  const outbox = (id: Identity, date = today()) => centralClient(central, id).ok(syncRoutes.officeOutbox, { query: { date } });
  const pull = (id: Identity, lastSeq: number, conflicts: number) =>
    centralClient(central, id).send(syncRoutes.pull, { query: { cursor: 0, lastSeq, conflicts } });

  it('lists every workstation of the office, the asking one marked, nothing of other offices', async () => {
    const view = await outbox(desk);
    expect(view.workstations.map((w) => [w.name, w.self, w.pending, w.conflicts, w.rejected, w.reportedAt])).toEqual([
      ['LOKET-02', false, 0, 0, 0, null],
      ['SPV-01', true, 0, 0, 0, null],
    ]);
  });

  it('counts the ops a desk reported but central has not answered, its conflicts and its refused ops of the day', async () => {
    expect((await pull(counter, 3, 1)).status).toBe(200);
    let w = (await outbox(desk)).workstations.find((x) => x.name === 'LOKET-02')!;
    expect([w.pending, w.conflicts]).toEqual([3, 1]);
    expect(w.reportedAt).toBeGreaterThan(0);

    // Two of them arrive, and central refuses the malformed one.
    const ok = wireOp(1, {
      entity: 'audit',
      entityId: randomUUID(),
      op: 'auth.login.failed',
      payload: { audit: { action: 'auth.login.failed' }, data: {} },
    });
    const bad = wireOp(2, {
      entity: 'payment',
      entityId: randomUUID(),
      op: 'payments.waive',
      payload: { audit: auditBy(await centralActor(central, 'banyumanik', 'officer')), data: { kind: 'waiver' } },
    });
    const pushed = await centralClient(central, counter).ok(syncRoutes.push, { body: { officeCode: 'banyumanik', ops: [ok, bad] } });
    expect(pushed.results.map((r) => [r.status, r.reason?.split(':')[0] ?? null])).toEqual([
      ['applied', null],
      ['rejected', 'data.invalid'],
    ]);
    w = (await outbox(desk)).workstations.find((x) => x.name === 'LOKET-02')!;
    expect([w.pending, w.conflicts, w.rejected]).toEqual([1, 1, 1]);
    // A refused op belongs to the day it was answered in: another day shows none.
    expect((await outbox(desk, '2020-01-02')).workstations.find((x) => x.name === 'LOKET-02')!.rejected).toBe(0);

    expect((await pull(counter, 3, 0)).status).toBe(200);
    const pushed3 = await centralClient(central, counter).send(syncRoutes.push, {
      body: {
        officeCode: 'banyumanik',
        ops: [
          wireOp(3, {
            entity: 'audit',
            entityId: randomUUID(),
            op: 'auth.login.failed',
            payload: { audit: { action: 'auth.login.failed' }, data: {} },
          }),
        ],
      },
    });
    expect(pushed3.status).toBe(200);
    w = (await outbox(desk)).workstations.find((x) => x.name === 'LOKET-02')!;
    expect([w.pending, w.conflicts]).toEqual([0, 0]);
  });

  it('refuses a malformed date and answers only for the asking workstation office', async () => {
    const r = await centralClient(central, desk).send(syncRoutes.officeOutbox, { query: { date: '29-11-2026' } });
    expect(r.status).toBe(400);
    expect((await outbox(batam)).workstations.map((w) => w.name)).toEqual(['LOKET-01']);
  });
});

describe('a real workstation reports its outbox with each pull', () => {
  let central: TestCentral;
  let centralClosed = false;
  const open: TestWorkstation[] = [];
  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
  });
  afterAll(async () => {
    for (const w of open) await w.cleanup();
    if (!centralClosed) await central?.close();
  });

  it('shows a desk that pulled but could not push yet as holding ops, then as level once it pushed', async () => {
    const desk = await startWorkstation(central, { name: 'SPV-01' });
    open.push(desk);
    const counter = await startWorkstation(central, { name: 'LOKET-02' });
    open.push(counter);
    const officer = await userSession(counter.t, counter.adminToken, 'petugas1', 'officer');
    await counter.client.runCycle();
    await counter.t.value('applications.create', { draft: walkInDraft() }, officer);
    await counter.client.pullAll(0);
    const behind = (await desk.client.officeOutbox(today())).workstations.find((w) => w.name === 'LOKET-02')!;
    expect(behind.pending).toBeGreaterThan(0);
    await counter.client.runCycle();
    const level = (await desk.client.officeOutbox(today())).workstations.find((w) => w.name === 'LOKET-02')!;
    expect(level.pending).toBe(0);
  });

  it("blocks the supervisor's sign-off while another desk holds unsent changes, and says which", async () => {
    const [desk, counter] = open as [TestWorkstation, TestWorkstation];
    const supervisor = await userSession(desk.t, desk.adminToken, 'spv1', 'supervisor');
    const officer = await counter.t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') });
    await desk.client.runCycle();
    await counter.t.value('applications.create', { draft: walkInDraft() }, officer.sessionToken);
    await counter.client.pullAll(0);

    const date = businessDateOf(desk.t.now(), 'Asia/Jakarta');
    const report = await desk.t.value('endOfDay.report', { date }, supervisor);
    expect(report.office.status).toBe('checked');
    expect(report.office.workstations.map((w) => [w.name, w.self, w.pending > 0])).toEqual([
      ['LOKET-02', false, true],
      ['SPV-01', true, false],
    ]);
    expect(report.blockers).toContain('eod.officeUnsynced');
    // Every desk holds the office's applications: the counter's (no fee yet) are discrepancies here too.
    for (const x of report.discrepancies)
      await desk.t.value('endOfDay.note', { date, key: x.key, note: 'Dicek bersama loket.' }, supervisor);
    const refused = await desk.t.call('endOfDay.signOff', { date, password: passwordOf('spv1') }, supervisor);
    expect(
      refused.ok
        ? 'ok'
        : [
            refused.error.code,
            (refused.error.details as { code: string; workstations: Array<{ name: string }> }).code,
            (refused.error.details as { workstations: Array<{ name: string }> }).workstations.map((w) => w.name),
          ],
    ).toEqual(['CONFLICT', 'eod.officeUnsynced', ['LOKET-02']]);
    expect(desk.t.core.liveDb.prepare('SELECT count(*) FROM day_closures').pluck().get()).toBe(0);

    await counter.client.runCycle();
    const csv = await desk.t.value('endOfDay.csv', { date, language: 'id' }, supervisor);
    // LOKET-02 is the office's second desk: central refused its own setup admin's first ops (a stranger there).
    expect(csv.csv).toMatch(/office\.workstation,[^,]+,LOKET-02,"pending 0, conflicts 0, rejected \d+",0/);
    const signed = await desk.t.value('endOfDay.signOff', { date, password: passwordOf('spv1') }, supervisor);
    expect(signed.closure?.status).toBe('closed');
  });

  it('says central is unreachable instead of guessing, and does not let the day close', async () => {
    const desk = open[0]!;
    const supervisor = (await desk.t.value('auth.login', { username: 'spv1', password: passwordOf('spv1') })).sessionToken;
    await desk.client.runCycle();
    await central.close();
    centralClosed = true;
    const yesterday = addDays(businessDateOf(desk.t.now(), 'Asia/Jakarta'), -1);
    const report = await desk.t.value('endOfDay.report', { date: yesterday }, supervisor);
    expect([report.office.status, report.blockers]).toEqual(['offline', ['eod.officeUnknown']]);
    const refused = await desk.t.call('endOfDay.signOff', { date: yesterday, password: passwordOf('spv1') }, supervisor);
    expect(refused.ok ? 'ok' : [refused.error.code, (refused.error.details as { code: string }).code]).toEqual([
      'CONFLICT',
      'eod.officeUnknown',
    ]);
    expect(desk.t.core.liveDb.prepare('SELECT count(*) FROM day_closures WHERE business_date = ?').pluck().get(yesterday)).toBe(0);
  });
});
