// The end of day of a whole office on one central: every desk's applications and payments counted per
// desk, another desk's discrepancy listed with its desk, a sign-off that waits for a desk that has not
// reported (or records the supervisor's acknowledgement, printed in the PDF), and late changes that reach
// central after the sign-off: held, accepted (the day signed again, both reports kept) or returned.
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '@server/entities/business-day.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { passwordOf, userSession } from '../support/core.js';
import { walkInDraft } from '../support/applications-fixtures.js';
import { insertDeskApplication, insertDeskPayment } from '../support/office-rows.js';
import { pdfText } from '../support/pdf.js';

describe('the end of day of an office with several desks', () => {
  let central: TestCentral;
  let offset = 0;
  let spv: TestWorkstation;
  let loket2: TestWorkstation;
  let loket3: TestWorkstation;
  let supervisor: string;
  let date: string;
  const ids = { loket2: '', loket3: '' };

  beforeAll(async () => {
    // Central's clock runs ahead by hand to let a desk fall silent (within the signatures' allowed skew).
    central = await startTestCentral(preferredStore(), { now: () => Date.now() + offset });
    spv = await startWorkstation(central, { name: 'SPV-01' });
    loket2 = await startWorkstation(central, { name: 'LOKET-02' });
    loket3 = await startWorkstation(central, { name: 'LOKET-03' });
    ids.loket2 = getSyncState(loket2.t.core.liveDb, 'workstation_id')!;
    ids.loket3 = getSyncState(loket3.t.core.liveDb, 'workstation_id')!;
    supervisor = await userSession(spv.t, spv.adminToken, 'spv1', 'supervisor');
    await spv.client.runCycle();
    date = businessDateOf(spv.t.now(), 'Asia/Jakarta');
  });
  afterAll(async () => {
    for (const w of [spv, loket2, loket3]) await w?.cleanup();
    await central?.close();
  });

  it("counts every desk's applications and money under its desk, and lists another desk's discrepancy with its desk", async () => {
    const db = spv.t.core.liveDb;
    const at = spv.t.now();
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    insertDeskApplication(db, { id: a, number: 'BYM-261130-02-0001', origin: ids.loket2, businessDate: date });
    insertDeskPayment(db, {
      id: randomUUID(),
      applicationId: a,
      origin: ids.loket2,
      amount: 650_000,
      source: 'central',
      at,
      billingCode: '820261130000001',
    });
    insertDeskApplication(db, { id: b, number: 'BYM-261130-03-0001', origin: ids.loket3, businessDate: date });
    insertDeskPayment(db, {
      id: randomUUID(),
      applicationId: b,
      origin: ids.loket3,
      amount: 650_000,
      source: 'manual',
      at,
      billingCode: '820261130000002',
    });
    // Paid on LOKET-03's screen, but no payment at all: a discrepancy of that desk.
    insertDeskApplication(db, { id: c, number: 'BYM-261130-03-0002', origin: ids.loket3, businessDate: date, feeTotal: 350_000 });

    const r = await spv.t.value('endOfDay.report', { date }, supervisor);
    expect(r.byDesk.map((g) => [g.label, g.applications, g.money.expected, g.money.central, g.money.manual])).toEqual([
      ['LOKET-02', 1, 650_000, 650_000, 0],
      ['LOKET-03', 2, 1_000_000, 0, 650_000],
    ]);
    expect([r.total.money.expected, r.total.money.central + r.total.money.manual, r.total.money.waived]).toEqual([1_650_000, 1_300_000, 0]);
    expect(r.discrepancies.map((d) => [d.applicationNumber, d.kind, d.workstation, d.workstationId])).toEqual([
      ['BYM-261130-03-0002', 'payment.missing', 'LOKET-03', ids.loket3],
    ]);
    expect(r.blockers).toContain('eod.unresolved');
    const noted = await spv.t.value(
      'endOfDay.note',
      { date, key: r.discrepancies[0]!.key, note: 'Pemohon membayar besok pagi, dicatat di buku kas LOKET-03' },
      supervisor,
    );
    expect(noted.blockers).not.toContain('eod.unresolved');
  });

  it('refuses a sign-off while a desk that worked has not reported since; signs with an acknowledgement printed in the PDF', async () => {
    const officer3 = await userSession(loket3.t, loket3.adminToken, 'petugas3', 'officer');
    await loket3.t.value('applications.create', { draft: walkInDraft() }, officer3);
    await loket3.client.runCycle();
    // LOKET-03 goes offline and keeps working; four minutes later it has said nothing.
    for (let i = 0; i < 2; i++) await loket3.t.value('applications.create', { draft: walkInDraft() }, officer3);
    offset = 4 * 60_000;
    await loket2.client.runCycle();
    await spv.client.runCycle();

    const r = await spv.t.value('endOfDay.report', { date }, supervisor);
    expect(r.office.workstations.filter((w) => w.unreported).map((w) => w.name)).toEqual(['LOKET-03']);
    expect(r.blockers).toContain('eod.officeUnsynced');
    // The applications LOKET-03 sent before it fell silent owe their fees: explained, so the desk is what blocks.
    for (const d of r.discrepancies.filter((x) => x.note === null))
      await spv.t.value('endOfDay.note', { date, key: d.key, note: 'Tagihan terbit, pemohon membayar besok' }, supervisor);
    const refused = await spv.t.call('endOfDay.signOff', { date, password: passwordOf('spv1') }, supervisor);
    expect(
      refused.ok
        ? 'ok'
        : [
            (refused.error.details as { code: string }).code,
            (refused.error.details as { workstations: Array<{ name: string }> }).workstations.map((w) => w.name),
          ],
    ).toEqual(['eod.officeUnsynced', ['LOKET-03']]);

    const reason = 'LOKET-03 mati listrik sejak pukul 15.00, dicek besok';
    const signed = await spv.t.value('endOfDay.signOff', { date, password: passwordOf('spv1'), acknowledge: reason }, supervisor);
    expect(signed.closure?.status).toBe('closed');
    await spv.client.runCycle();
    expect(signed.acknowledged).toMatchObject({ reason, workstations: [{ name: 'LOKET-03' }] });
    const pdf = await spv.t.value('endOfDay.pdf', { date, language: 'id' }, supervisor);
    const file = join(spv.t.dataDir, 'eod.pdf');
    writeFileSync(file, Buffer.from(pdf.pdfBase64, 'base64'));
    const text = pdfText(file).replace(/\s+/g, ' ');
    expect(text).toContain(reason);
    expect(text).toContain('LOKET-03');
    expect(text).toContain('BYM-261130-03-0002');
    offset = 0;
  });

  it("holds the silent desk's change for the supervisor; accepting it signs the day again with both reports kept", async () => {
    const before = await spv.t.value('endOfDay.report', { date }, supervisor);
    await loket3.client.runCycle();
    const waiting = (await loket3.t.value('sync.list', { filter: 'rejected' }, loket3.adminToken)).items.filter(
      (i) => i.entity === 'application',
    );
    expect(waiting.map((i) => [i.op, i.reason])).toEqual([
      ['applications.create', 'late.held'],
      ['applications.create', 'late.held'],
    ]);
    // The status bar counts them as waiting for the supervisor, not as refused for good.
    expect(await loket3.t.value('sync.status', {}, loket3.adminToken)).toMatchObject({ rejected: 0, held: 2 });

    await spv.client.runCycle();
    const listed = await spv.t.value('endOfDay.report', { date }, supervisor);
    const held = listed.lateChanges.filter((l) => l.status === 'held');
    expect(held.map((l) => [l.workstation, l.op, l.reason])).toEqual([
      ['LOKET-03', 'applications.create', 'late.held'],
      ['LOKET-03', 'applications.create', 'late.held'],
    ]);

    const accepted = await spv.t.value('endOfDay.acceptLate', { date, opId: held[0]!.opId, password: passwordOf('spv1') }, supervisor);
    // Central reopened the day and applied it. The new application owes its fee: a discrepancy to note
    // before the day is signed again (with nothing new to explain, accepting signs it at once).
    expect(accepted.closure?.status).toBe('reopened');
    expect(accepted.blockers).toEqual(['eod.unresolved']);
    const fresh = accepted.discrepancies.filter((d) => d.note === null);
    expect(fresh.filter((d) => d.applicationId === held[0]!.entityId).map((d) => [d.kind, d.workstation])).toEqual([
      ['payment.outstanding', 'LOKET-03'],
    ]);
    for (const d of fresh)
      await spv.t.value('endOfDay.note', { date, key: d.key, note: 'Diterima terlambat, tagihan terbit besok pagi' }, supervisor);
    const after = await spv.t.value('endOfDay.signOff', { date, password: passwordOf('spv1'), acknowledge: 'tidak ada' }, supervisor);
    await spv.client.runCycle();
    expect(after.closure?.status).toBe('closed');
    expect(after.closure?.reportHash).not.toBe(before.closure?.reportHash);
    expect(after.total.applications).toBeGreaterThan(before.total.applications);
    expect(after.total.money.expected).toBeGreaterThan(before.total.money.expected);
    expect(after.earlierSignoffs.map((s) => [s.n, s.reportHash, s.total.expected])).toEqual([
      [1, before.closure?.reportHash, before.total.money.expected],
    ]);
    expect(after.lateChanges.map((l) => [l.status, l.decidedBy])).toEqual([
      ['accepted', 'spv1'],
      ['held', null],
    ]);
    const [day] = await central.central.deps.store.query<{ data: { status: string; signoffs: Array<{ reportHash: string }> } }>(
      "SELECT data FROM records WHERE entity = 'business_day' AND entity_id = $1",
      [date],
    );
    expect(day?.data.status).toBe('closed');
    expect(day?.data.signoffs.map((s) => s.reportHash)).toEqual([before.closure?.reportHash, after.closure?.reportHash]);

    // The desk that made it reads it applied; the other one still waits.
    await loket3.client.runCycle();
    const still = (await loket3.t.value('sync.list', { filter: 'rejected' }, loket3.adminToken)).items.filter(
      (i) => i.entity === 'application',
    );
    expect(still.map((i) => i.entityId)).toEqual([held[1]!.entityId]);
  });

  it('returns a late change with a reason the desk that made it reads', async () => {
    const held = (await spv.t.value('endOfDay.report', { date }, supervisor)).lateChanges.filter((l) => l.status === 'held');
    expect(held).toHaveLength(1);
    const reason = 'Berkas belum lengkap: input ulang besok setelah dokumen dibawa';
    await spv.t.value('endOfDay.returnLate', { date, opId: held[0]!.opId, reason }, supervisor);
    await loket3.client.runCycle();
    const returned = (await loket3.t.value('sync.list', { filter: 'rejected' }, loket3.adminToken)).items.filter(
      (i) => i.entity === 'application',
    );
    expect(returned.map((i) => i.reason)).toEqual([`late.returned:${reason}`]);
  });
});
