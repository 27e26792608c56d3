// The counter's steps on a 1366x768 screen at 100 %: each opens at its top and fits without scrolling,
// the next step says why it waits before any click (core's own rule, in Indonesian), a refusal names its
// fields and puts the caret on the first, reception shows the ticket and its print button in view, and
// the keyboard reaches a new application from the home (Alt+N) and leaves analytics (Esc).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { composeNik } from '@common/domain/applications/nik.js';
import { SHOT_DIR, startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

const VIEWPORT = { width: 1366, height: 768 };
const NIK = composeNik({ region: '337410', birthDate: '1991-03-08', sex: 'F', serial: 4 });

let app: E2eApp;
let page: Page;
let officerPassword: string;
let supervisorPassword: string;
let deputyPassword: string;

beforeAll(async () => {
  app = await startApp('counter-flow');
  await setUpByCore(app);
  officerPassword = await accountByCore(app, 'petugas', 'officer', ['PASPOR_PRIORITAS']);
  supervisorPassword = await accountByCore(app, 'kepala', 'supervisor');
  // The waiver's approver, so the supervisor who decides had no hand in the application.
  deputyPassword = await accountByCore(app, 'wakil', 'supervisor');
  ({ page } = await app.open({ viewport: VIEWPORT }));
  await login(page, 'petugas', officerPassword);
});
afterAll(async () => {
  await app?.close();
});

/** What the officer sees without scrolling: the window, not the whole page. */
const seen = (p: Page, name: string) => p.screenshot({ path: join(SHOT_DIR, `flow-${name}.png`) });
const scrollY = (p: Page = page) => p.evaluate(() => window.scrollY);
const pageHeight = (p: Page = page) => p.evaluate(() => document.documentElement.scrollHeight);

async function inView(target: Locator): Promise<void> {
  const box = await target.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height).toBeLessThanOrEqual(VIEWPORT.height);
}

/** The text a screen reader reads after the control's name: what its aria-describedby points at. */
const description = (target: Locator) =>
  target.evaluate((el) =>
    (el.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' '),
  );
const focusedName = () => page.evaluate(() => document.activeElement?.getAttribute('name') ?? null);

let applicationId = '';

describe('the counter at 1366x768', { timeout: 120_000 }, () => {
  it('opens a new application from the counter home with Alt+N, the whole form in view', async () => {
    await seeHeading(page, 'Loket 3');
    await inView(page.getByRole('link', { name: 'Pendaftaran antrean' }));
    await inView(page.getByRole('button', { name: /^Permohonan baru/ }));
    await seen(page, '01-home');
    await page.keyboard.press('Alt+N');
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    expect(await scrollY()).toBe(0);
    expect(await pageHeight()).toBeLessThanOrEqual(VIEWPORT.height);
    await inView(form.getByRole('button', { name: /^Daftarkan/ }));
    await inView(form.getByLabel('Kode booking M-Paspor'));
    await inView(form.getByLabel('Nama lengkap (sesuai KTP)'));
    await seen(page, '02-walkin');
  });

  it('names the fields a check-in is refused for and puts the caret on the first', async () => {
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await form.getByLabel('NIK').fill(NIK);
    await form.getByLabel('Jenis kelamin').selectOption('F');
    await page.keyboard.press('Control+Enter');
    const notice = page.getByTestId('fields-notice');
    await notice.getByText('Periksa isian berikut:').waitFor();
    expect(await notice.locator('li').allInnerTexts()).toEqual(['Nama lengkap (sesuai KTP): Wajib diisi.', 'Tanggal lahir: Wajib diisi.']);
    await expect.poll(focusedName).toBe('applicant.fullName');
    await inView(notice);
    await seen(page, '03-walkin-refused-fields');

    // Core's refusal (the NIK's date is not this birth date) is named the same way, at its own field.
    await form.getByLabel('Nama lengkap (sesuai KTP)').fill('Dewi Lestari');
    await form.getByLabel('Tanggal lahir').fill('09/03/1991');
    await page.keyboard.press('Control+Enter');
    await notice.getByText('Tanggal lahir: NIK tidak sesuai dengan tanggal lahir ini.').waitFor();
    await expect.poll(focusedName).toBe('applicant.birthDate');
    await form.getByLabel('Tanggal lahir').fill('08/03/1991');
    await expect.poll(() => notice.count()).toBe(0);
    // With the fee and the documents listed beside it, the button is still in view. The check of the wrong
    // date (fee and all) may still be on screen for its pause: wait for the one of the right date.
    await page.getByTestId('fee-total').getByText('Rp 650.000').waitFor();
    await expect.poll(() => form.getByText('NIK tidak sesuai dengan tanggal lahir ini.').count()).toBe(0);
    expect(await pageHeight()).toBeLessThanOrEqual(VIEWPORT.height);
    await inView(form.getByRole('button', { name: /^Daftarkan/ }));
    await seen(page, '03-walkin-filled');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('app-number').getByText('BYM-261130-03-0001').waitFor();
    applicationId = /permohonan\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
  });

  it('says before any click why verification waits, and opens the data at the first field to fix', async () => {
    expect(await scrollY()).toBe(0);
    const verify = page.getByRole('button', { name: 'Berkas terverifikasi' });
    expect(await verify.isDisabled()).toBe(true);
    expect(await description(verify)).toBe(
      'Data pemohon belum lengkap: lengkapi isian yang ditandai. Isian: Tempat lahir, Status perkawinan, Alamat, Nomor ponsel.',
    );
    await inView(verify);
    await seen(page, '04-application-waiting');

    await page.getByRole('button', { name: 'Lengkapi data pemohon' }).click();
    const edit = page.getByRole('form', { name: 'Perbaiki data pemohon' });
    expect(await edit.getByTestId('fields-notice').locator('li').allInnerTexts()).toEqual([
      'Tempat lahir: Wajib diisi.',
      'Status perkawinan: Wajib diisi.',
      'Alamat: Wajib diisi.',
      'Nomor ponsel: Nomor ponsel atau e-mail wajib diisi.',
    ]);
    await expect.poll(focusedName).toBe('applicant.birthPlace');
    await seen(page, '05-application-fix');
    await edit.getByLabel('Tempat lahir').fill('Kendal');
    await edit.getByLabel('Status perkawinan').selectOption('single');
    await edit.getByLabel('Alamat').fill('Jl. Pemuda No. 3, Kendal');
    await edit.getByLabel('Nomor ponsel').fill('0813 2222 3333');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('button', { name: 'Ubah data' }).waitFor();

    // The applicant is complete; the documents are what verification waits for now.
    await expect.poll(() => description(verify)).toBe('Masih ada dokumen yang tidak ada atau belum diperiksa.');
    for (const doc of ['KTP elektronik (asli)', 'Kartu Keluarga (asli)', /Akta kelahiran/]) {
      const present = page.getByRole('radiogroup', { name: doc }).getByLabel('Ada');
      await present.click();
      await expect.poll(() => present.isChecked()).toBe(true);
    }
    expect(await verify.isDisabled()).toBe(false);
    expect(await verify.getAttribute('aria-describedby')).toBeNull();
    await verify.click();
    await page.locator('.app-status').getByText('Berkas terverifikasi').waitFor();
    const captured = page.getByRole('button', { name: 'Biometrik selesai' });
    expect(await description(captured)).toBe('Foto dan sidik jari belum direkam (atau belum dicatat pengecualiannya).');
    expect(await page.getByRole('button', { name: 'Rekam foto dan sidik jari' }).getAttribute('class')).toContain('btn--primary');
  });

  it('says the fee is unpaid beside "Pembayaran selesai" before any click', async () => {
    const officer = (await app.call('auth.login', { username: 'petugas', password: officerPassword })).sessionToken;
    const admin = (await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionToken;
    await app.call('biometrics.updateSettings', { required: [] }, admin);
    const id = applicationId;
    await app.call('applications.transition', { id, action: 'captureBiometrics' }, officer);
    await app.call('applications.setInterviewNotes', { id, notes: 'Kunjungan keluarga.' }, officer);
    await app.call('applications.transition', { id, action: 'interview' }, officer);
    // The officer comes back to the file (core moved it on meanwhile).
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.evaluate((hash) => (window.location.hash = hash), `#/loket/permohonan/${id}`);
    await page.locator('.app-status').getByText('Wawancara selesai').waitFor();

    const pay = page.getByRole('button', { name: 'Pembayaran selesai' });
    expect(await pay.isDisabled()).toBe(true);
    expect(await description(pay)).toBe('Biaya belum dibayar (atau dibebaskan).');
    await page.getByText('Biaya belum dibayar (atau dibebaskan).').waitFor();
    expect(await scrollY()).toBe(0);
    await inView(pay);
    await inView(page.getByRole('button', { name: 'Catat kode billing' }));
    await seen(page, '06-application-fee-unpaid');
  });

  it('hands over with the application, the identity check and the button in view', async () => {
    const officer = (await app.call('auth.login', { username: 'petugas', password: officerPassword })).sessionToken;
    const supervisor = (await app.call('auth.login', { username: 'kepala', password: supervisorPassword })).sessionToken;
    const id = applicationId;
    await app.call('payments.waive', { applicationId: id, reason: 'Pembebasan biaya uji', overrideToken: await waiver(officer) }, officer);
    for (const action of ['pay', 'submit'] as const) await app.call('applications.transition', { id, action }, officer);
    await app.call('applications.adjudicate', { id, decision: 'approve', password: supervisorPassword }, supervisor);
    for (const action of ['print', 'markReady'] as const) await app.call('applications.transition', { id, action }, officer);

    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Loket 3');
    await page.keyboard.press('Alt+H');
    await seeHeading(page, 'Serah terima paspor');
    await page.getByLabel('Pindai tanda terima atau ketik nomor permohonan').fill('BYM-261130-03-0001');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /BYM-261130-03-0001/ }).waitFor();
    expect(await scrollY()).toBe(0);
    await inView(page.getByLabel('NIK pada KTP pengambil'));
    await inView(page.getByRole('button', { name: 'Catat serah terima' }));
    await seen(page, '07-handover');
  });

  it('shows the issued ticket and its print button in view, forgets the group, and never an old ticket under a new error', async () => {
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Loket 3');
    await page.getByRole('link', { name: 'Pendaftaran antrean' }).click();
    await seeHeading(page, 'Pendaftaran antrean');
    expect(await scrollY()).toBe(0);
    await page.getByLabel('Layanan', { exact: true }).selectOption('PASPOR_PRIORITAS');
    await page.getByLabel('Kelompok prioritas').selectOption('lansia');
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    const ticket = page.getByTestId('checkin-ticket');
    await ticket.getByText('L3B-001').waitFor();
    expect(await scrollY()).toBe(0);
    expect(await pageHeight()).toBeLessThanOrEqual(VIEWPORT.height);
    await inView(ticket.getByText('L3B-001'));
    await inView(ticket.getByRole('button', { name: 'Cetak tiket' }));
    // The next applicant is not a lansia because the last one was.
    expect(await page.getByLabel('Kelompok prioritas').inputValue()).toBe('');
    await seen(page, '08-checkin-ticket');

    await page.getByLabel('Kode booking, pindai QR, atau NIK').fill('MP-TIDAKADA');
    await page.keyboard.press('Enter');
    const refusal = page.getByRole('alert').filter({ hasText: 'Kode booking atau NIK tidak ditemukan.' });
    await refusal.waitFor();
    expect(await ticket.count()).toBe(0);
    await inView(refusal);
    await seen(page, '09-checkin-refused');
  });

  it('leaves analytics for the supervisor desk with Esc', async () => {
    const { page: desk } = await app.open({ viewport: VIEWPORT });
    await login(desk, 'kepala', supervisorPassword);
    await seeHeading(desk, 'Meja supervisor');
    await desk.getByRole('button', { name: 'Buka analitik' }).click();
    await seeHeading(desk, 'Analitik antrean');
    await desk.keyboard.press('Escape');
    await seeHeading(desk, 'Meja supervisor');
    expect(await scrollY(desk)).toBe(0);
  });
});

/** A supervisor's approval for a waiver at this desk, as the override form would get it. */
async function waiver(officer: string): Promise<string> {
  const grant = await app.call(
    'auth.override',
    { action: 'fee.waive', username: 'wakil', password: deputyPassword, reason: 'Pembebasan biaya uji' },
    officer,
  );
  return grant.overrideToken;
}
