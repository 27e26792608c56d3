import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '@common/domain/applications/nik.js';
import { composeTd3 } from '@common/domain/applications/mrz.js';
import { passwordOf, userSession } from '../support/core.js';
import { dbDigest } from '../support/snapshot.js';
import {
  BUDI_NIK,
  insertBooking,
  noCapturesRequired,
  openDesk,
  override,
  START,
  walkInDraft,
  type Desk,
} from '../support/applications-fixtures.js';

let d: Desk;
beforeAll(async () => {
  d = await openDesk();
});
afterAll(() => d.t.cleanup());

const DAY = 86_400_000;
const errorOf = (r: { ok: boolean; error?: { code: string; details?: unknown } }) => (r.ok ? 'ok' : [r.error!.code, r.error!.details]);
const outboxOps = (entityId: string) =>
  d.t.core.db.prepare('SELECT op, payload FROM outbox WHERE entity_id = ? ORDER BY device_seq').all(entityId) as Array<{
    op: string;
    payload: string;
  }>;

/** What the view says of a step before it is tried: null when core would take it, else the refusal's reason. */
const offered = (view: { availability: Array<{ action: string; reason: string | null }> }, action: string) =>
  view.availability.find((a) => a.action === action)?.reason;

/** Runs a call that must be refused and checks it wrote nothing. */
async function refused(run: () => Promise<{ ok: boolean; error?: { code: string; details?: unknown } }>) {
  const before = dbDigest(d.t.core.db);
  const r = await run();
  expect(r.ok).toBe(false);
  expect(dbDigest(d.t.core.db)).toBe(before);
  return errorOf(r);
}

describe('a walk-in from check-in to hand-over', () => {
  it('walks every step, with who, when and why, and an outbox op for each', async () => {
    const { t, officer, supervisor } = d;
    const app = await t.value('applications.create', { draft: walkInDraft() }, officer);
    expect(app).toMatchObject({
      number: 'BYM-261130-03-0001',
      status: 'checked_in',
      businessDate: '2026-11-30',
      counterNumber: 3,
      collectionDate: '2026-12-04',
      fee: { total: 950_000, unverified: false },
      nextActions: expect.arrayContaining(['verify', 'markIncomplete', 'cancel']),
    });
    expect(app.applicant).toMatchObject({ fullName: 'BUDI SANTOSO', phone: '+6281234567890', birthPlace: 'SEMARANG' });
    expect(app.documents.map((x) => [x.docCode, x.state])).toEqual([
      ['KTP_EL', 'pending'],
      ['KK', 'pending'],
      ['AKTA_LAHIR', 'pending'],
    ]);
    expect(outboxOps(app.id).map((o) => o.op)).toEqual(['applications.create']);

    // The view tells the screen beforehand what each refusal below will say.
    expect(offered(app, 'verify')).toBe('application.documentsMissing');
    expect(offered(app, 'markIncomplete')).toBe('application.noMissingDocuments');
    expect(offered(app, 'cancel')).toBeNull();
    expect(await refused(() => t.call('applications.transition', { id: app.id, action: 'verify' }, officer))).toEqual([
      'CONFLICT',
      { reason: 'application.documentsMissing', guard: 'checklistComplete', pending: ['KTP_EL', 'KK', 'AKTA_LAHIR'], missing: [] },
    ]);
    for (const docCode of ['KTP_EL', 'KK', 'AKTA_LAHIR'])
      await t.value('applications.markDocument', { id: app.id, docCode, state: 'present' }, officer);
    expect(offered(await t.value('applications.get', { id: app.id }, officer), 'verify')).toBeNull();
    const verified = await t.value('applications.transition', { id: app.id, action: 'verify' }, officer);
    expect(verified.status).toBe('verified');
    expect(offered(verified, 'captureBiometrics')).toBe('application.capturesMissing');

    expect(await refused(() => t.call('applications.transition', { id: app.id, action: 'captureBiometrics' }, officer))).toEqual([
      'CONFLICT',
      { reason: 'application.capturesMissing', guard: 'requiredCaptures' },
    ]);
    await noCapturesRequired(d);
    await t.value('applications.transition', { id: app.id, action: 'captureBiometrics' }, officer);

    expect(await refused(() => t.call('applications.transition', { id: app.id, action: 'interview' }, officer))).toEqual([
      'CONFLICT',
      { reason: 'application.interviewNotesMissing', guard: 'interviewNotes' },
    ]);
    await t.value('applications.setInterviewNotes', { id: app.id, notes: 'Tujuan: umrah. Tidak ada catatan.' }, officer);
    await t.value('applications.transition', { id: app.id, action: 'interview' }, officer);

    // Payment: wrong shapes and amounts are refused with specific codes.
    expect(
      await refused(() =>
        t.call('payments.recordBilling', { applicationId: app.id, billingCode: '8201 2345 6789', amount: 950_000 }, officer),
      ),
    ).toEqual(['VALIDATION', { fields: { billingCode: ['billing.length'] } }]);
    expect(
      await refused(() =>
        t.call('payments.recordBilling', { applicationId: app.id, billingCode: '8201-2345-6789-01X', amount: 950_000 }, officer),
      ),
    ).toEqual(['VALIDATION', { fields: { billingCode: ['billing.digits'] } }]);
    expect(
      await refused(() =>
        t.call('payments.recordBilling', { applicationId: app.id, billingCode: '820123456789012', amount: 650_000 }, officer),
      ),
    ).toEqual(['VALIDATION', { fields: { amount: ['fee.mismatch'] }, expected: 950_000 }]);
    const billed = await t.value(
      'payments.recordBilling',
      { applicationId: app.id, billingCode: '8201 2345 6789 012', amount: 950_000 },
      officer,
    );
    const payment = billed.payments[0]!;
    expect(payment).toMatchObject({ billingCode: '820123456789012', status: 'unpaid', expiresAt: START + 2 * 60 * 60_000 });
    expect(offered(billed, 'pay')).toBe('application.feeUnpaid');
    expect(await refused(() => t.call('applications.transition', { id: app.id, action: 'pay' }, officer))).toEqual([
      'CONFLICT',
      { reason: 'application.feeUnpaid', guard: 'paymentSettled' },
    ]);

    // Central is unreachable: a supervisor confirms from the proof, flagged for reconciliation.
    expect(
      errorOf(
        await t.call(
          'payments.confirmManual',
          { paymentId: payment.id, proofReference: 'NTPN 1234ABCD', overrideToken: 'not-a-real-token' },
          officer,
        ),
      ),
    ).toEqual(['FORBIDDEN', { reason: 'override.required', overrideRequired: 'payment.manual' }]);
    const confirmed = await t.value(
      'payments.confirmManual',
      {
        paymentId: payment.id,
        proofReference: 'NTPN 1234ABCD',
        overrideToken: await override(d, 'payment.manual', d.officer, 'supervisor2'),
      },
      officer,
    );
    expect(confirmed.payments[0]).toMatchObject({
      status: 'paid',
      source: 'manual',
      reconciliation: 'pending',
      proofReference: 'NTPN 1234ABCD',
    });
    expect(offered(confirmed, 'pay')).toBeNull();
    await t.value('applications.transition', { id: app.id, action: 'pay' }, officer);
    const submitted = await t.value('applications.transition', { id: app.id, action: 'submit' }, officer);
    expect(submitted.status).toBe('submitted');
    expect((await t.value('applications.adjudicationQueue', {}, supervisor)).map((s) => s.number)).toEqual([app.number]);

    // Adjudication: supervisors only, a reason to reject, fresh authentication.
    expect(
      errorOf(await t.call('applications.adjudicate', { id: app.id, decision: 'approve', password: passwordOf('petugas1') }, officer))[0],
    ).toBe('FORBIDDEN');
    expect(
      await refused(() =>
        t.call('applications.adjudicate', { id: app.id, decision: 'reject', password: passwordOf('supervisor1') }, supervisor),
      ),
    ).toEqual(['VALIDATION', { fields: { reason: ['reason.required'] } }]);
    expect(
      errorOf(await t.call('applications.adjudicate', { id: app.id, decision: 'approve', password: 'wrong-password-1' }, supervisor))[0],
    ).toBe('INVALID_CREDENTIALS');
    expect((await t.value('applications.get', { id: app.id }, officer)).status).toBe('submitted');
    const approved = await t.value(
      'applications.adjudicate',
      { id: app.id, decision: 'approve', reason: 'Berkas lengkap', password: passwordOf('supervisor1') },
      supervisor,
    );
    expect(approved.status).toBe('approved');

    await t.value('applications.transition', { id: app.id, action: 'print' }, officer);
    await t.value('applications.transition', { id: app.id, action: 'markReady' }, officer);

    // Hand-over: found by the receipt's QR payload, identity checked against the NIK.
    const found = await t.value('applications.findForHandOver', { code: `loket:${app.number.toLowerCase()}` }, officer);
    expect(found.id).toBe(app.id);
    expect(
      await refused(() =>
        t.call(
          'applications.handOver',
          {
            id: app.id,
            identityNumber: composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 2 }),
            photoMatched: true,
          },
          officer,
        ),
      ),
    ).toEqual([
      'VALIDATION',
      { fields: { identityNumber: ['identity.mismatch'] }, reason: 'application.identityMismatch', guard: 'identityChecked' },
    ]);
    const collected = await t.value('applications.handOver', { id: app.id, identityNumber: BUDI_NIK, photoMatched: true }, officer);
    expect(collected.status).toBe('collected');
    expect(collected.nextActions).toEqual([]);
    expect(collected.transitions.map((x) => [x.action, x.from, x.to, x.username])).toEqual([
      ['checkIn', null, 'checked_in', 'petugas1'],
      ['verify', 'checked_in', 'verified', 'petugas1'],
      ['captureBiometrics', 'verified', 'biometrics_captured', 'petugas1'],
      ['interview', 'biometrics_captured', 'interviewed', 'petugas1'],
      ['pay', 'interviewed', 'paid', 'petugas1'],
      ['submit', 'paid', 'submitted', 'petugas1'],
      ['approve', 'submitted', 'approved', 'supervisor1'],
      ['print', 'approved', 'printed', 'petugas1'],
      ['markReady', 'printed', 'ready', 'petugas1'],
      ['handOver', 'ready', 'collected', 'petugas1'],
    ]);
    expect(collected.transitions.find((x) => x.action === 'approve')?.reason).toBe('Berkas lengkap');
    const transitionOps = outboxOps(app.id)
      .filter((o) => o.op === 'applications.transition')
      .map((o) => JSON.parse(o.payload).data);
    expect(transitionOps.map((o) => [o.transition, o.from, o.to])).toEqual(
      collected.transitions.slice(1).map((x) => [x.action, x.from, x.to]),
    );
    expect(transitionOps.find((o) => o.transition === 'approve')).toMatchObject({
      notify: 'application.approved',
      freshAuth: true,
      role: 'supervisor',
    });
  });
});

describe('refusals change nothing', () => {
  it('refuses transitions out of order', async () => {
    const app = await d.t.value(
      'applications.create',
      {
        draft: walkInDraft({
          nik: composeNik({ region: '337410', birthDate: '1985-01-02', sex: 'F', serial: 7 }),
          fullName: 'Siti Aminah',
          sex: 'F',
          birthDate: '1985-01-02',
        }),
      },
      d.officer,
    );
    expect(await refused(() => d.t.call('applications.transition', { id: app.id, action: 'pay' }, d.officer))).toEqual([
      'CONFLICT',
      { code: 'transition.outOfOrder', status: 'checked_in', allowedFrom: ['interviewed'] },
    ]);
    expect(await refused(() => d.t.call('applications.transition', { id: app.id, action: 'cancel' }, d.officer))).toEqual([
      'VALIDATION',
      { fields: { reason: ['reason.required'] } },
    ]);
    const cancelled = await d.t.value(
      'applications.transition',
      { id: app.id, action: 'cancel', reason: 'Pemohon membatalkan' },
      d.officer,
    );
    expect(cancelled).toMatchObject({ status: 'cancelled', nextActions: [] });
    expect(
      await refused(() => d.t.call('applications.markDocument', { id: app.id, docCode: 'KK', state: 'present' }, d.officer)),
    ).toMatchObject(['CONFLICT', { code: 'application.notEditable' }]);
  });

  it('refuses a NIK that disagrees with the birth date or sex, and a 10-year passport for a child', async () => {
    const { t, officer } = d;
    expect(await refused(() => t.call('applications.create', { draft: walkInDraft({ birthDate: '1990-05-18' }) }, officer))).toEqual([
      'VALIDATION',
      { fields: { 'applicant.birthDate': ['nik.birthDateMismatch'] } },
    ]);
    expect(await refused(() => t.call('applications.create', { draft: walkInDraft({ sex: 'F' }) }, officer))).toEqual([
      'VALIDATION',
      { fields: { 'applicant.sex': ['nik.sexMismatch'] } },
    ]);
    expect(await refused(() => t.call('applications.create', { draft: walkInDraft({ nik: '3374101705900' }) }, officer))).toEqual([
      'VALIDATION',
      { fields: { 'applicant.nik': ['nik.length'] } },
    ]);
    const child = {
      nik: composeNik({ region: '337410', birthDate: '2015-03-09', sex: 'F', serial: 3 }),
      fullName: 'Ayu Lestari',
      sex: 'F' as const,
      birthDate: '2015-03-09',
      maritalStatus: 'single' as const,
    };
    expect(await refused(() => t.call('applications.create', { draft: walkInDraft(child) }, officer))).toEqual([
      'VALIDATION',
      { fields: { serviceCode: ['passport.tenYearNotEligible'] } },
    ]);
    const five = await t.value('applications.create', { draft: walkInDraft(child, { serviceCode: 'PASPOR_ELEKTRONIK_5' }) }, officer);
    expect(five.documents.map((x) => x.docCode)).toEqual(['KK', 'AKTA_LAHIR', 'KTP_ORANG_TUA', 'PASPOR_ORANG_TUA', 'BUKU_NIKAH_ORANG_TUA']);
    expect(five.fee.total).toBe(650_000);
  });

  it('refuses a stale update and keeps the name index in step with an accepted one', async () => {
    const app = await d.t.value(
      'applications.create',
      {
        draft: walkInDraft({
          nik: composeNik({ region: '317501', birthDate: '1979-09-09', sex: 'M', serial: 4 }),
          birthDate: '1979-09-09',
          fullName: 'Joko Widodo',
        }),
      },
      d.officer,
    );
    const updated = await d.t.value(
      'applications.update',
      {
        id: app.id,
        baseVersion: app.version,
        draft: walkInDraft({ nik: app.applicant.nik, birthDate: '1979-09-09', fullName: 'Joko Prasetyo' }),
      },
      d.officer,
    );
    expect(updated.applicant.fullName).toBe('JOKO PRASETYO');
    expect(
      await refused(() =>
        d.t.call(
          'applications.update',
          {
            id: app.id,
            baseVersion: app.version,
            draft: walkInDraft({ nik: app.applicant.nik, birthDate: '1979-09-09', fullName: 'Joko Lain' }),
          },
          d.officer,
        ),
      ),
    ).toMatchObject(['CONFLICT', { code: 'version.stale' }]);
    const found = await d.t.value('applications.search', { query: 'prase' }, d.officer);
    expect(found.results.map((r) => r.id)).toEqual([app.id]);
    expect((await d.t.value('applications.search', { query: 'widodo' }, d.officer)).results).toEqual([]);
  });
});

describe("the old passport's MRZ", () => {
  it('fills the passport fields when every check digit is right, and refuses a wrong one', async () => {
    const app = await d.t.value('applications.create', { draft: walkInDraft({}, { reason: 'renewal' }) }, d.officer);
    expect(app.documents.map((x) => x.docCode)).toContain('PASPOR_LAMA');
    const lines = composeTd3({
      issuingState: 'IDN',
      surname: 'SANTOSO',
      givenNames: 'BUDI',
      documentNumber: 'C1234567',
      nationality: 'IDN',
      birthDate: '1990-05-17',
      sex: 'M',
      expiryDate: '2027-03-01',
    });
    const wrong = `${lines[0]}\n${lines[1].slice(0, 9)}${(Number(lines[1][9]) + 1) % 10}${lines[1].slice(10)}`;
    expect(await refused(() => d.t.call('applications.fillFromMrz', { id: app.id, mrz: wrong }, d.officer))).toMatchObject([
      'VALIDATION',
      { fields: { 'mrz.documentNumber': ['mrz.checkDigit'] } },
    ]);
    const other = composeTd3({
      issuingState: 'IDN',
      surname: 'SANTOSO',
      givenNames: 'BUDI',
      documentNumber: 'C7654321',
      nationality: 'IDN',
      birthDate: '1991-05-17',
      sex: 'M',
      expiryDate: '2027-03-01',
    });
    expect(await refused(() => d.t.call('applications.fillFromMrz', { id: app.id, mrz: other.join('\n') }, d.officer))).toEqual([
      'VALIDATION',
      { fields: { 'applicant.birthDate': ['mrz.birthDateMismatch'] } },
    ]);
    const filled = await d.t.value('applications.fillFromMrz', { id: app.id, mrz: lines.join('\r\n') }, d.officer);
    expect(filled.applicant).toMatchObject({ passportNumber: 'C1234567', passportExpiry: '2027-03-01' });
  });
});

describe('documents missing', () => {
  it('marks the application incomplete, and verifies it when the applicant comes back', async () => {
    const app = await d.t.value('applications.create', { draft: walkInDraft() }, d.officer);
    expect(await refused(() => d.t.call('applications.transition', { id: app.id, action: 'markIncomplete' }, d.officer))).toEqual([
      'CONFLICT',
      { reason: 'application.noMissingDocuments', guard: 'checklistHasMissing' },
    ]);
    await d.t.value(
      'applications.markDocument',
      { id: app.id, docCode: 'KK', state: 'missing', note: 'KK lama, belum diperbarui' },
      d.officer,
    );
    expect((await d.t.value('applications.transition', { id: app.id, action: 'markIncomplete' }, d.officer)).status).toBe('incomplete');
    for (const docCode of ['KTP_EL', 'KK', 'AKTA_LAHIR'])
      await d.t.value('applications.markDocument', { id: app.id, docCode, state: 'present' }, d.officer);
    expect((await d.t.value('applications.transition', { id: app.id, action: 'verify' }, d.officer)).status).toBe('verified');
    expect(
      await refused(() => d.t.call('applications.markDocument', { id: app.id, docCode: 'PASPOR_LAMA', state: 'present' }, d.officer)),
    ).toEqual(['VALIDATION', { fields: { docCode: ['document.notRequired'] } }]);
  });
});

/** Takes an application to `interviewed` (captures off). */
async function toInterviewed(draft = walkInDraft()) {
  const app = await d.t.value('applications.create', { draft }, d.officer);
  for (const x of app.documents)
    await d.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, d.officer);
  await noCapturesRequired(d);
  for (const action of ['verify', 'captureBiometrics'] as const)
    await d.t.value('applications.transition', { id: app.id, action }, d.officer);
  await d.t.value('applications.setInterviewNotes', { id: app.id, notes: 'Wawancara selesai.' }, d.officer);
  return d.t.value('applications.transition', { id: app.id, action: 'interview' }, d.officer);
}

describe('fee waiver and four-eyes adjudication', () => {
  it('waives the fee only with a supervisor, and the supervisor who processed it cannot adjudicate', async () => {
    const app = await toInterviewed(
      walkInDraft({
        nik: composeNik({ region: '337410', birthDate: '1996-02-02', sex: 'F', serial: 9 }),
        fullName: 'Dewi Lestari',
        sex: 'F',
        birthDate: '1996-02-02',
      }),
    );
    expect(
      await refused(() =>
        d.t.call(
          'payments.waive',
          { applicationId: app.id, reason: 'Pekerja migran pertama kali', overrideToken: 'x'.repeat(32) },
          d.officer,
        ),
      ),
    ).toEqual(['FORBIDDEN', { reason: 'override.required', overrideRequired: 'fee.waive' }]);
    const waived = await d.t.value(
      'payments.waive',
      {
        applicationId: app.id,
        reason: 'Pekerja migran pertama kali',
        overrideToken: await override(d, 'fee.waive', d.officer, 'supervisor2'),
      },
      d.officer,
    );
    expect(waived.payments[0]).toMatchObject({ kind: 'waiver', status: 'waived', amount: 0, reason: 'Pekerja migran pertama kali' });
    await d.t.value('applications.transition', { id: app.id, action: 'pay' }, d.officer);
    await d.t.value('applications.transition', { id: app.id, action: 'submit' }, d.supervisor2);
    expect(
      errorOf(
        await d.t.call('applications.adjudicate', { id: app.id, decision: 'approve', password: passwordOf('supervisor2') }, d.supervisor2),
      ),
    ).toEqual(['FORBIDDEN', { reason: 'application.ownProcessing', guard: 'freshAuthFourEyes' }]);
    const rejected = await d.t.value(
      'applications.adjudicate',
      { id: app.id, decision: 'reject', reason: 'Data tidak sesuai', password: passwordOf('supervisor1') },
      d.supervisor,
    );
    expect(rejected).toMatchObject({ status: 'rejected', nextActions: [] });
  });
});

describe('four eyes counts every write, not only the steps', () => {
  type App = Awaited<ReturnType<typeof toInterviewed>>;
  // Grants the waivers the cases below do not test, so neither supervisor who adjudicates touched them.
  beforeAll(async () => {
    await userSession(d.t, d.admin, 'supervisor3', 'supervisor');
  });
  const waive = async (id: string, by: string) =>
    d.t.value(
      'payments.waive',
      { applicationId: id, reason: 'Pekerja migran pertama kali', overrideToken: await override(d, 'fee.waive', d.officer, by) },
      d.officer,
    );
  const approveAs = async (id: string, token: string, username: string) =>
    errorOf(await d.t.call('applications.adjudicate', { id, decision: 'approve', password: passwordOf(username) }, token));

  it.each([
    [
      'wrote the interview notes',
      41,
      (a: App) => d.t.value('applications.setInterviewNotes', { id: a.id, notes: 'Wawancara ulang.' }, d.supervisor2),
    ],
    [
      "edited the applicant's data",
      42,
      (a: App) =>
        d.t.value(
          'applications.update',
          {
            id: a.id,
            baseVersion: a.version,
            draft: walkInDraft({ nik: a.applicant.nik, birthDate: '1990-03-03', fullName: 'Nama Diubah' }),
          },
          d.supervisor2,
        ),
    ],
    ['authorised the fee waiver by override', 43, (a: App) => waive(a.id, 'supervisor2')],
  ])('a supervisor who %s cannot approve; another supervisor can', async (_what, serial, touch) => {
    const app = await toInterviewed(
      walkInDraft({ nik: composeNik({ region: '337410', birthDate: '1990-03-03', sex: 'M', serial }), birthDate: '1990-03-03' }),
    );
    await touch(app);
    if (!(await d.t.value('applications.get', { id: app.id }, d.officer)).payments.some((p) => p.status === 'waived'))
      await waive(app.id, 'supervisor3');
    for (const action of ['pay', 'submit'] as const) await d.t.value('applications.transition', { id: app.id, action }, d.officer);
    expect(await approveAs(app.id, d.supervisor2, 'supervisor2')).toEqual([
      'FORBIDDEN',
      { reason: 'application.ownProcessing', guard: 'freshAuthFourEyes' },
    ]);
    expect(await approveAs(app.id, d.supervisor, 'supervisor1')).toBe('ok');
  });
});

describe('expiry of uncollected passports', () => {
  it('expires a passport 30 days after it was ready, not before', async () => {
    const app = await toInterviewed(
      walkInDraft({
        nik: composeNik({ region: '337410', birthDate: '1970-07-07', sex: 'M', serial: 11 }),
        fullName: 'Agus Salim',
        birthDate: '1970-07-07',
      }),
    );
    await d.t.value(
      'payments.waive',
      {
        applicationId: app.id,
        reason: 'Dibebaskan oleh peraturan',
        overrideToken: await override(d, 'fee.waive', d.officer, 'supervisor2'),
      },
      d.officer,
    );
    for (const action of ['pay', 'submit'] as const) await d.t.value('applications.transition', { id: app.id, action }, d.officer);
    await d.t.value('applications.adjudicate', { id: app.id, decision: 'approve', password: passwordOf('supervisor1') }, d.supervisor);
    for (const action of ['print', 'markReady'] as const) await d.t.value('applications.transition', { id: app.id, action }, d.officer);
    // A month later the earlier sessions are long locked: the supervisor signs in afresh.
    const signIn = async () =>
      (await d.t.value('auth.login', { username: 'supervisor1', password: passwordOf('supervisor1') })).sessionToken;
    d.t.advance(29 * DAY);
    expect(await d.t.value('applications.expireOverdue', {}, await signIn())).toEqual({ expired: [] });
    d.t.advance(1 * DAY);
    const supervisor = await signIn();
    expect(await d.t.value('applications.expireOverdue', { dryRun: true }, supervisor)).toEqual({ expired: [app.number] });
    expect(await d.t.value('applications.expireOverdue', {}, supervisor)).toEqual({ expired: [app.number] });
    expect((await d.t.value('applications.get', { id: app.id }, supervisor)).status).toBe('expired');
  });
});

describe('an M-Paspor booking', () => {
  it('pre-fills the draft, brings its paid billing along and cannot be checked in twice', async () => {
    const desk = await openDesk();
    try {
      insertBooking(desk);
      const b = await desk.t.value('applications.bookingDraft', { bookingCode: 'mp7k2q9x4a' }, desk.officer);
      expect(b).toMatchObject({ bookingCode: 'MP7K2Q9X4A', billingCode: '820126113000042', paymentStatus: 'paid', applicationId: null });
      expect(b.draft).toMatchObject({
        serviceCode: 'PASPOR_ELEKTRONIK_10',
        reason: 'renewal',
        applicant: { nik: BUDI_NIK, fullName: 'BUDI SANTOSO' },
      });
      const draft = { ...b.draft, applicant: { ...b.draft.applicant, maritalStatus: 'married' as const, passportNumber: 'C1234567' } };
      const wrongNik = {
        ...draft,
        applicant: { ...draft.applicant, nik: composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 5 }) },
      };
      const before = dbDigest(desk.t.core.db);
      expect(errorOf(await desk.t.call('applications.create', { draft: wrongNik, bookingCode: 'MP7K2Q9X4A' }, desk.officer))).toEqual([
        'VALIDATION',
        { fields: { 'applicant.nik': ['booking.nikMismatch'] } },
      ]);
      expect(dbDigest(desk.t.core.db)).toBe(before);
      const app = await desk.t.value('applications.create', { draft, bookingCode: 'MP7K2Q9X4A' }, desk.officer);
      expect(app).toMatchObject({ bookingCode: 'MP7K2Q9X4A', reason: 'renewal', fee: { total: 950_000 } });
      expect(app.payments).toEqual([
        expect.objectContaining({ billingCode: '820126113000042', status: 'paid', source: 'central', amount: 950_000 }),
      ]);
      expect((await desk.t.value('applications.bookingDraft', { bookingCode: 'MP7K2Q9X4A' }, desk.officer)).applicationId).toBe(app.id);
      expect(errorOf(await desk.t.call('applications.create', { draft, bookingCode: 'MP7K2Q9X4A' }, desk.officer))).toMatchObject([
        'CONFLICT',
        { code: 'booking.used' },
      ]);
      const search = await desk.t.value('applications.search', { query: 'MP7K2Q9X4A' }, desk.officer);
      expect(search.results.map((r) => r.id)).toEqual([app.id]);
    } finally {
      desk.t.cleanup();
    }
  });
});
