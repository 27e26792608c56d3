// The office's applications on every desk of the office, through a real central: an application made at a
// counter reaches the supervisor's desk by the ordinary pull (its queue, its search), is decided there,
// and the decision reaches the counter that hands the passport over. Central re-validates every step; a
// desk's unsent change is never overwritten by a pull; another office's desks never see any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { BUDI_NIK, walkInDraft } from '../support/applications-fixtures.js';
import { openOfficeDesk, submitOn, type OfficeDesk } from '../support/office-desks.js';

let central: TestCentral;
let counter: OfficeDesk;
let spv: OfficeDesk;
let batam: OfficeDesk;
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  counter = await openOfficeDesk(central, { name: 'LOKET-01', counter: 1, officer: 'petugas1', supervisor: 'kasi1' });
  spv = await openOfficeDesk(central, { name: 'SPV-01', counter: 9, officer: 'petugas9', supervisor: 'supervisor1' });
  batam = await openOfficeDesk(central, { name: 'BTM-01', counter: 1, officer: 'petugasb', supervisor: 'kasib', office: 'batam' });
  await counter.client.runCycle();
});
afterAll(async () => {
  for (const d of [counter, spv, batam]) await d?.cleanup();
  await central?.close();
});

const row = (d: OfficeDesk, sql: string, ...params: unknown[]) =>
  d.t.core.db.prepare(sql).get(...params) as Record<string, unknown> | undefined;
const workstationId = (d: OfficeDesk) => row(d, "SELECT value FROM sync_state WHERE key = 'workstation_id'")?.value;

describe('applications across the desks of one office', () => {
  it('is made at a counter, adjudicated at the supervisor desk and handed over at the counter', async () => {
    const app = await submitOn(counter, central, walkInDraft({ fullName: 'Dewi Kartika Sari' }));
    expect(app.status).toBe('submitted');
    const receipt = await counter.t.value('receipts.issue', { applicationId: app.id, kind: 'application' }, counter.officer);
    await counter.client.runCycle();

    // The supervisor's desk has it after one pull: in its queue, by name, by number, with history and payment.
    await spv.client.runCycle();
    const queue = await spv.t.value('applications.adjudicationQueue', {}, spv.supervisor);
    expect(queue.map((a) => a.number)).toEqual([app.number]);
    expect((await spv.t.value('applications.search', { query: 'kartika', limit: 10 }, spv.supervisor)).results.map((r) => r.id)).toEqual([
      app.id,
    ]);
    expect((await spv.t.value('applications.search', { query: app.number, limit: 10 }, spv.officer)).results).toHaveLength(1);
    const there = await spv.t.value('applications.get', { id: app.id }, spv.supervisor);
    expect(there).toMatchObject({ status: 'submitted', fee: app.fee, applicant: app.applicant, interviewNotes: 'Wawancara selesai.' });
    expect(there.documents.map((d) => [d.docCode, d.state])).toEqual(app.documents.map((d) => [d.docCode, d.state]));
    expect(there.transitions.map((t) => [t.action, t.to, t.username])).toEqual(app.transitions.map((t) => [t.action, t.to, t.username]));
    expect(there.payments.map((p) => [p.billingCode, p.status, p.amount])).toEqual(
      app.payments.map((p) => [p.billingCode, p.status, p.amount]),
    );
    // Its receipt too, with the frozen facts: the supervisor desk can reprint it, and the copy counts everywhere.
    expect(there.receipts.map((r) => [r.id, r.kind, r.status, r.printCount])).toEqual([[receipt.receipt.id, 'application', 'active', 1]]);
    const copy = await spv.t.value('receipts.reprint', { receiptId: receipt.receipt.id, reason: 'Pemohon meminta salinan' }, spv.officer);
    expect(copy.copyNo).toBe(2);
    // Made elsewhere: the row names the counter's desk; on the counter it is its own.
    expect(row(spv, 'SELECT origin_workstation_id AS o FROM applications WHERE id = ?', app.id)?.o).toBe(workstationId(counter));
    expect(row(spv, 'SELECT origin_workstation_id AS o FROM payments WHERE application_id = ?', app.id)?.o).toBe(workstationId(counter));
    expect(row(counter, 'SELECT origin_workstation_id AS o FROM applications WHERE id = ?', app.id)?.o).toBeNull();

    // Four-eyes holds across desks: the counter's officer has no supervisor rights, and the counter's
    // supervisor who processed nothing may decide; here the supervisor desk's own supervisor decides.
    const approved = await spv.t.value(
      'applications.adjudicate',
      { id: app.id, decision: 'approve', password: passwordOf('supervisor1') },
      spv.supervisor,
    );
    expect(approved.status).toBe('approved');
    await spv.client.runCycle();
    expect(row(spv, "SELECT status FROM outbox WHERE op = 'applications.transition' ORDER BY device_seq DESC")).toEqual({
      status: 'applied',
    });

    // The counter sees the decision and carries on to the hand-over, a minute later.
    counter.t.advance(Math.max(0, spv.t.now() - counter.t.now()) + 60_000);
    await counter.client.runCycle();
    const back = await counter.t.value('applications.get', { id: app.id }, counter.officer);
    expect(back.status).toBe('approved');
    expect(row(counter, 'SELECT print_count AS n FROM receipts WHERE id = ?', receipt.receipt.id)?.n).toBe(2);
    expect(back.transitions.at(-1)).toMatchObject({ action: 'approve', to: 'approved', username: 'supervisor1', role: 'supervisor' });
    for (const action of ['print', 'markReady'] as const)
      await counter.t.value('applications.transition', { id: app.id, action }, counter.officer);
    const found = await counter.t.value('applications.findForHandOver', { code: app.number }, counter.officer);
    expect(found.status).toBe('ready');
    const collected = await counter.t.value(
      'applications.handOver',
      { id: app.id, identityNumber: BUDI_NIK, photoMatched: true },
      counter.officer,
    );
    expect(collected.status).toBe('collected');
    await counter.client.runCycle();
    const outcomes = counter.t.core.db
      .prepare("SELECT status FROM outbox WHERE entity = 'application' AND entity_id = ? ORDER BY device_seq")
      .pluck()
      .all(app.id);
    expect(new Set(outcomes)).toEqual(new Set(['applied']));

    await spv.client.runCycle();
    const final = await spv.t.value('applications.get', { id: app.id }, spv.supervisor);
    expect(final.status).toBe('collected');
    expect(final.transitions.map((t) => t.action)).toEqual([
      'checkIn',
      'verify',
      'captureBiometrics',
      'interview',
      'pay',
      'submit',
      'approve',
      'print',
      'markReady',
      'handOver',
    ]);
    expect(await spv.t.value('applications.adjudicationQueue', {}, spv.supervisor)).toEqual([]);
  });

  it('refuses at central a decision by a supervisor who processed the application, whichever desk it comes from', async () => {
    // The counter's supervisor writes the interview notes there, then decides from the supervisor desk, which
    // cannot see that write in its own audit trail: central can, and refuses.
    const app = await submitOn(counter, central, walkInDraft({ fullName: 'Rahmat Hidayat' }), counter.supervisor);
    await counter.client.runCycle();
    await spv.client.runCycle();
    const [record] = await central.central.deps.store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'application' AND entity_id = $1",
      [app.id],
    );
    expect(record?.data.processedBy).toEqual(['petugas1', 'kasi1']);
    expect(record?.data.originWorkstationId).toBe(workstationId(counter));

    const kasi = (await spv.t.value('auth.login', { username: 'kasi1', password: passwordOf('kasi1') })).sessionToken;
    expect((await spv.t.value('applications.get', { id: app.id }, kasi)).interviewNotes).toBe('Wawancara selesai.');
    await spv.t.value('applications.adjudicate', { id: app.id, decision: 'approve', password: passwordOf('kasi1') }, kasi);
    await spv.client.runCycle();
    const op = row(spv, "SELECT status, result FROM outbox WHERE op = 'applications.transition' AND entity_id = ?", app.id);
    expect(op?.status).toBe('rejected');
    expect(JSON.parse(op?.result as string)).toMatchObject({ reason: 'application.ownProcessing' });
    // Central's state comes back with the answer: the application waits for another supervisor.
    expect((await spv.t.value('applications.get', { id: app.id }, spv.supervisor)).status).toBe('submitted');
    expect((await spv.t.value('applications.adjudicationQueue', {}, spv.supervisor)).map((a) => a.id)).toContain(app.id);
  });

  it("keeps this desk's unsent change when a pull brings another desk's change to the same application", async () => {
    const app = await counter.t.value('applications.create', { draft: walkInDraft({ fullName: 'Siti Nurhaliza' }) }, counter.officer);
    await counter.client.runCycle();
    await spv.client.runCycle();
    const [first, second] = app.documents;
    // The supervisor desk's officer marks a document missing; the op is not sent yet.
    await spv.t.value('applications.markDocument', { id: app.id, docCode: first!.docCode, state: 'missing' }, spv.officer);
    // Meanwhile the counter marks another present and changes the phone, and central has it.
    await counter.t.value('applications.markDocument', { id: app.id, docCode: second!.docCode, state: 'present' }, counter.officer);
    await counter.client.runCycle();

    await spv.client.pullAll();
    const during = await spv.t.value('applications.get', { id: app.id }, spv.officer);
    expect(during.documents.find((d) => d.docCode === first!.docCode)?.state).toBe('missing');
    expect(row(spv, "SELECT count(*) AS n FROM sync_deferred WHERE entity = 'application' AND entity_id = ?", app.id)?.n).toBe(1);

    // Once its own op has its answer, the desk holds both changes.
    await spv.client.runCycle();
    await spv.client.runCycle();
    const after = await spv.t.value('applications.get', { id: app.id }, spv.officer);
    expect(after.documents.find((d) => d.docCode === first!.docCode)?.state).toBe('missing');
    expect(after.documents.find((d) => d.docCode === second!.docCode)?.state).toBe('present');
    await counter.client.runCycle();
    const atCounter = await counter.t.value('applications.get', { id: app.id }, counter.officer);
    expect(atCounter.documents.find((d) => d.docCode === first!.docCode)?.state).toBe('missing');
  });

  it("never reaches another office's desks", async () => {
    await batam.client.runCycle();
    expect(row(batam, "SELECT count(*) AS n FROM applications WHERE office_code = 'banyumanik'")?.n).toBe(0);
    expect(row(batam, "SELECT count(*) AS n FROM sync_records WHERE entity IN ('application', 'payment', 'receipt')")?.n).toBe(0);
    expect((await batam.t.value('applications.search', { query: 'kartika', limit: 10 }, batam.supervisor)).results).toEqual([]);
    expect(await batam.t.value('applications.adjudicationQueue', {}, batam.supervisor)).toEqual([]);
  });
});
