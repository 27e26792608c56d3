// Two desks of one office in Chromium, each its own workstation on one real central (PostgreSQL when
// DATABASE_URL is set, PGlite otherwise): an application made at the counter (desk A) is found and
// approved in the supervisor's adjudication screen on desk B, and the passport is handed over at desk A;
// the end of day on desk B counts desk A's money under desk A.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSync, type SyncClient } from '@main/sync/index.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolmentCode } from '../support/model/workstation.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { accountByCore, ADMIN, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';
import { BUDI_NIK, walkInDraft } from '../support/applications-fixtures.js';

let central: TestCentral;
let deskA: E2eApp;
let deskB: E2eApp;
let syncA: SyncClient;
let syncB: SyncClient;

async function enrolled(app: E2eApp): Promise<SyncClient> {
  const client = await startSync(app.core, { background: false });
  await client.enrol(central.url, await enrolmentCode(central, 'banyumanik'));
  await client.runCycle();
  return client;
}

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  deskA = await startApp('desk-a');
  await setUpByCore(deskA);
  syncA = await enrolled(deskA);
  deskB = await startApp('desk-b');
  await setUpByCore(deskB);
  // The supervisor's desk has a name and number of its own in the office.
  const adminB = (await deskB.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionToken;
  await deskB.call('settings.update', { workstationName: 'SPV-01', counterNumber: 9 }, adminB);
  // The second desk's setup admin gives way to the office's (same name, same password) on its first pull.
  syncB = await enrolled(deskB);
});
afterAll(async () => {
  await syncA?.stop();
  await syncB?.stop();
  await deskA?.close();
  await deskB?.close();
  await central?.close();
});

describe('one application across two desks of the office', { timeout: 180_000 }, () => {
  it('is made at desk A, approved at desk B and handed over at desk A', async () => {
    const officerPassword = await accountByCore(deskA, 'petugas', 'officer');
    const kasiPassword = await accountByCore(deskA, 'kasi', 'supervisor');
    const supervisorPassword = await accountByCore(deskB, 'kepala', 'supervisor');
    await syncA.runCycle();
    await syncB.runCycle();

    // Desk A: the counter's work up to the submission goes through core (the counter screens have their own tests).
    const officer = (await deskA.call('auth.login', { username: 'petugas', password: officerPassword })).sessionToken;
    const adminA = (await deskA.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionToken;
    await deskA.call('biometrics.updateSettings', { required: [] }, adminA);
    const made = await deskA.call('applications.create', { draft: walkInDraft({ fullName: 'Wulan Anggraini' }) }, officer);
    const id = made.id;
    for (const x of made.documents) await deskA.call('applications.markDocument', { id, docCode: x.docCode, state: 'present' }, officer);
    for (const action of ['verify', 'captureBiometrics'] as const) await deskA.call('applications.transition', { id, action }, officer);
    await deskA.call('applications.setInterviewNotes', { id, notes: 'Untuk studi di luar negeri.' }, officer);
    await deskA.call('applications.transition', { id, action: 'interview' }, officer);
    // The fee is waived with the counter's supervisor's grant (the billing path has its own tests).
    const grant = await deskA.call(
      'auth.override',
      { username: 'kasi', password: kasiPassword, action: 'fee.waive', reason: 'Pekerja migran pertama kali' },
      officer,
    );
    await deskA.call(
      'payments.waive',
      { applicationId: id, reason: 'Pekerja migran pertama kali', overrideToken: grant.overrideToken },
      officer,
    );
    for (const action of ['pay', 'submit'] as const) await deskA.call('applications.transition', { id, action }, officer);
    await syncA.runCycle();

    // Desk B: the supervisor finds it by name and decides it in the adjudication screen.
    await syncB.runCycle();
    const { page: desk } = await deskB.open();
    await login(desk, 'kepala', supervisorPassword);
    await desk.getByRole('button', { name: 'Adjudikasi' }).waitFor();
    await desk.evaluate(() => {
      location.hash = '#/supervisor/permohonan';
    });
    await seeHeading(desk, 'Cari permohonan');
    await desk.getByRole('searchbox').fill('wulan');
    await desk.keyboard.press('Enter');
    await desk.getByText(made.number).first().waitFor();
    await desk.evaluate(() => {
      location.hash = '#/supervisor/adjudikasi';
    });
    await seeHeading(desk, 'Adjudikasi');
    await desk.getByRole('button', { name: new RegExp(`${made.number} · WULAN ANGGRAINI`) }).click();
    const details = desk.getByTestId('adjudication-details');
    await details.getByRole('region', { name: 'Catatan wawancara' }).getByText('Untuk studi di luar negeri.').waitFor();
    const decide = desk.getByRole('form', { name: `Keputusan atas ${made.number}` });
    await decide.getByLabel('Kata sandi Anda (menegaskan keputusan)').fill(supervisorPassword);
    await decide.getByRole('button', { name: 'Setujui' }).click();
    await desk.getByText('Tidak ada permohonan yang menunggu keputusan.').waitFor();
    await shot(desk, 'office-desks-01-approved-at-b');
    await syncB.runCycle();

    // Desk A: the approval arrives by pull; the counter prints, marks it ready and hands the passport over.
    await syncA.runCycle();
    expect((await deskA.call('applications.get', { id }, officer)).status).toBe('approved');
    for (const action of ['print', 'markReady'] as const) await deskA.call('applications.transition', { id, action }, officer);
    const { page } = await deskA.open();
    await login(page, 'petugas', officerPassword);
    await expect.poll(() => page.url()).toMatch(/#\/loket/);
    await page.evaluate(() => {
      location.hash = '#/loket/serah-terima';
    });
    await seeHeading(page, 'Serah terima paspor');
    await page.getByLabel('Pindai tanda terima atau ketik nomor permohonan').fill(made.number);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: new RegExp(made.number) }).waitFor();
    await page.getByLabel('NIK pada KTP pengambil').fill(BUDI_NIK);
    await page.getByLabel('Pengambil sesuai dengan foto yang terekam').check();
    await page.getByRole('button', { name: 'Catat serah terima' }).click();
    await page.getByText(`${made.number} sudah diserahkan.`).waitFor();
    await shot(page, 'office-desks-02-handed-over-at-a');
    await syncA.runCycle();

    // Central holds the whole history, and desk B sees the hand-over.
    await syncB.runCycle();
    const atB = (await deskB.call('auth.login', { username: 'kepala', password: supervisorPassword })).sessionToken;
    const final = await deskB.call('applications.get', { id }, atB);
    expect(final.status).toBe('collected');
    expect(final.transitions.map((t) => [t.action, t.username])).toContainEqual(['approve', 'kepala']);
    expect(final.transitions.at(-1)).toMatchObject({ action: 'handOver', username: 'petugas' });

    // Desk A takes a fee and, with SIMPONI out of reach, its supervisor confirms it from the bank's proof;
    // desk B's end of day shows that money under desk A.
    const paying = await deskA.call('applications.create', { draft: walkInDraft({ fullName: 'Hendra Gunawan' }) }, officer);
    for (const x of paying.documents)
      await deskA.call('applications.markDocument', { id: paying.id, docCode: x.docCode, state: 'present' }, officer);
    const billed = await deskA.call(
      'payments.recordBilling',
      { applicationId: paying.id, billingCode: '820261130777001', amount: paying.fee.total },
      officer,
    );
    // At desk A the officer asks central: not paid yet, and when that was checked.
    await page.evaluate((id) => {
      location.hash = `#/loket/permohonan/${id}`;
    }, paying.id);
    await page.getByRole('button', { name: 'Periksa status pembayaran' }).click();
    await page.getByText(/^Belum dibayar menurut pusat \(diperiksa pukul \d{2}[.:]\d{2} WIB\)/).waitFor();
    await shot(page, 'office-desks-03-payment-checked-at-a');
    const proof = await deskA.call(
      'auth.override',
      { username: 'kasi', password: kasiPassword, action: 'payment.manual', reason: 'Bukti setor bank diperiksa' },
      officer,
    );
    await deskA.call(
      'payments.confirmManual',
      { paymentId: billed.payments[0]!.id, proofReference: 'NTPN 0419 7733 2026', overrideToken: proof.overrideToken },
      officer,
    );
    await syncA.runCycle();
    await syncB.runCycle();
    await desk.evaluate(() => {
      location.hash = '#/supervisor/end-of-day';
    });
    await seeHeading(desk, 'Akhir Hari');
    const perDesk = desk.getByRole('table', { name: 'Per stasiun kerja' });
    const rupiah = `Rp ${paying.fee.total.toLocaleString('id-ID')}`;
    const rowA = perDesk.getByRole('row', { name: /LOKET-03/ });
    await rowA.waitFor();
    // Expected and confirmed manually, both desk A's: the supervisor's desk took no money itself.
    await expect.poll(async () => (await rowA.getByText(rupiah, { exact: true }).count()) >= 2).toBe(true);
    expect(await perDesk.getByRole('row', { name: /SPV-01/ }).count()).toBe(0);
    await shot(desk, 'office-desks-04-end-of-day-at-b');
  });
});
