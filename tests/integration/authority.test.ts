// Who may authorise what on a desk: a temporary password (one an admin typed) authorises nothing but its
// own change, and four eyes counts a manual payment confirmation and every override as processing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passwordOf } from '../support/core.js';
import { noCapturesRequired, openDesk, override, walkInDraft, type Desk } from '../support/applications-fixtures.js';
import { composeNik } from '@common/domain/applications/nik.js';

let d: Desk;
beforeAll(async () => {
  d = await openDesk();
  await noCapturesRequired(d);
});
afterAll(() => d.t.cleanup());

const errorOf = (r: { ok: boolean; error?: { code: string; details?: unknown } }) => (r.ok ? 'ok' : [r.error!.code, r.error!.details]);
const TEMP = 'Sementara-2026-t';

async function interviewed(serial: number) {
  const draft = walkInDraft({ nik: composeNik({ region: '337410', birthDate: '1991-04-04', sex: 'M', serial }), birthDate: '1991-04-04' });
  const app = await d.t.value('applications.create', { draft }, d.officer);
  for (const x of app.documents)
    await d.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, d.officer);
  for (const action of ['verify', 'captureBiometrics'] as const)
    await d.t.value('applications.transition', { id: app.id, action }, d.officer);
  await d.t.value('applications.setInterviewNotes', { id: app.id, notes: 'Wawancara selesai.' }, d.officer);
  return d.t.value('applications.transition', { id: app.id, action: 'interview' }, d.officer);
}

describe('a temporary password', () => {
  beforeAll(async () => {
    await d.t.value('users.create', { username: 'baru', fullName: 'Supervisor Baru', role: 'supervisor', password: TEMP }, d.admin);
  });

  it('gives no supervisor override, even typed by the admin who set it, and leaves the attempt count alone', async () => {
    const r = await d.t.call(
      'auth.override',
      { username: 'baru', password: TEMP, action: 'fee.waive', reason: 'Pekerja migran' },
      d.officer,
    );
    expect(errorOf(r)).toEqual(['FORBIDDEN', { reason: 'password.temporary' }]);
    const byAdmin = await d.t.call(
      'auth.override',
      { username: 'baru', password: TEMP, action: 'fee.waive', reason: 'Pekerja migran' },
      d.admin,
    );
    expect(errorOf(byAdmin)).toEqual(['FORBIDDEN', { reason: 'password.temporary' }]);
    const refusals = d.t.core.db
      .prepare("SELECT json_extract(summary, '$.reason') FROM audit_events WHERE action = 'override.refused'")
      .pluck()
      .all();
    expect(refusals).toEqual(['temporaryPassword', 'temporaryPassword']);
    expect(d.t.core.db.prepare("SELECT count(*) FROM login_failures WHERE username = 'baru'").pluck().get()).toBe(0);
  });

  it('logs in only to change itself; after the change the same supervisor may authorise', async () => {
    const session = (await d.t.value('auth.login', { username: 'baru', password: TEMP })).sessionToken;
    expect(errorOf(await d.t.call('applications.adjudicationQueue', {}, session))[0]).toBe('PASSWORD_CHANGE_REQUIRED');
    await d.t.value('auth.changePassword', { currentPassword: TEMP, newPassword: passwordOf('baru') }, session);
    const r = await d.t.call(
      'auth.override',
      { username: 'baru', password: passwordOf('baru'), action: 'fee.waive', reason: 'Pekerja migran' },
      d.officer,
    );
    expect(r.ok).toBe(true);
  });

  it('approves nothing once an admin resets it', async () => {
    const id = d.t.core.db.prepare("SELECT id FROM users WHERE username = 'supervisor2'").pluck().get() as string;
    await d.t.value('users.resetPassword', { id, temporaryPassword: TEMP }, d.admin);
    const r = await d.t.call(
      'auth.override',
      { username: 'supervisor2', password: TEMP, action: 'fee.waive', reason: 'Pekerja migran' },
      d.officer,
    );
    expect(errorOf(r)).toEqual(['FORBIDDEN', { reason: 'password.temporary' }]);
    // Back to a password of their own for the cases below.
    const session = (await d.t.value('auth.login', { username: 'supervisor2', password: TEMP })).sessionToken;
    await d.t.value('auth.changePassword', { currentPassword: TEMP, newPassword: `${passwordOf('supervisor2')}b` }, session);
    d.supervisor2 = session;
  });
});

describe('four eyes', () => {
  const supervisor2Password = () => `${passwordOf('supervisor2')}b`;

  it('counts a manual payment confirmation: its supervisor cannot reject or approve; another can', async () => {
    const app = await interviewed(61);
    const billed = await d.t.value(
      'payments.recordBilling',
      { applicationId: app.id, billingCode: '820123456789061', amount: 950_000 },
      d.officer,
    );
    await d.t.value(
      'payments.confirmManual',
      {
        paymentId: billed.payments[0]!.id,
        proofReference: 'NTPN 61',
        overrideToken: (
          await d.t.value(
            'auth.override',
            { username: 'supervisor2', password: supervisor2Password(), action: 'payment.manual', reason: 'Bukti setor' },
            d.officer,
          )
        ).overrideToken,
      },
      d.officer,
    );
    await d.t.value('applications.transition', { id: app.id, action: 'pay' }, d.officer);
    await d.t.value('applications.transition', { id: app.id, action: 'submit' }, d.officer);
    for (const decision of ['reject', 'approve'] as const) {
      const r = await d.t.call(
        'applications.adjudicate',
        { id: app.id, decision, reason: 'Data tidak sesuai', password: supervisor2Password() },
        d.supervisor2,
      );
      expect(errorOf(r)).toEqual(['FORBIDDEN', { reason: 'application.ownProcessing', guard: 'freshAuthFourEyes' }]);
    }
    const ok = await d.t.value(
      'applications.adjudicate',
      { id: app.id, decision: 'approve', reason: 'Berkas lengkap', password: passwordOf('supervisor1') },
      d.supervisor,
    );
    expect(ok.status).toBe('approved');
  });

  it('counts a payment another desk confirmed, known here only from the payment itself', async () => {
    const app = await interviewed(62);
    const billed = await d.t.value(
      'payments.recordBilling',
      { applicationId: app.id, billingCode: '820123456789062', amount: 950_000 },
      d.officer,
    );
    const supervisorId = d.t.core.db.prepare("SELECT id FROM users WHERE username = 'supervisor2'").pluck().get() as string;
    // As the pull writes it: paid, confirmed by a supervisor at another desk; no audit event of it here.
    d.t.core.db
      .prepare("UPDATE payments SET status = 'paid', status_source = 'manual', paid_at = ?, confirmed_by = ? WHERE id = ?")
      .run(d.t.now(), supervisorId, billed.payments[0]!.id);
    await d.t.value('applications.transition', { id: app.id, action: 'pay' }, d.officer);
    await d.t.value('applications.transition', { id: app.id, action: 'submit' }, d.officer);
    const r = await d.t.call(
      'applications.adjudicate',
      { id: app.id, decision: 'reject', reason: 'Data tidak sesuai', password: supervisor2Password() },
      d.supervisor2,
    );
    expect(errorOf(r)).toEqual(['FORBIDDEN', { reason: 'application.ownProcessing', guard: 'freshAuthFourEyes' }]);
  });

  it('counts an override given on the application (a fee waiver)', async () => {
    const app = await interviewed(63);
    await d.t.value(
      'payments.waive',
      {
        applicationId: app.id,
        reason: 'Pekerja migran pertama kali',
        overrideToken: await override(d, 'fee.waive', d.officer, 'supervisor1'),
      },
      d.officer,
    );
    await d.t.value('applications.transition', { id: app.id, action: 'pay' }, d.officer);
    await d.t.value('applications.transition', { id: app.id, action: 'submit' }, d.officer);
    const r = await d.t.call(
      'applications.adjudicate',
      { id: app.id, decision: 'reject', reason: 'Data tidak sesuai', password: passwordOf('supervisor1') },
      d.supervisor,
    );
    expect(errorOf(r)).toEqual(['FORBIDDEN', { reason: 'application.ownProcessing', guard: 'freshAuthFourEyes' }]);
  });
});
