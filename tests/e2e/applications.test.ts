// A walk-in at the counter in Chromium: check-in typed with validation as the officer types, the
// document checklist, the SIMPONI billing code, and the printed application receipt (a real PDF,
// downloaded from the web host and read back with pdftotext and zbarimg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeNik } from '@common/domain/applications/nik.js';
import { downloaded, shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { barcodes, pdfText, rasteriser } from '../support/pdf.js';
import { accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;
let officerPassword: string;
let supervisorPassword: string;
const NIK = composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 1 });

beforeAll(async () => {
  app = await startApp('applications');
  await setUpByCore(app);
  officerPassword = await accountByCore(app, 'petugas', 'officer');
  supervisorPassword = await accountByCore(app, 'kepala', 'supervisor');
  ({ page } = await app.open());
  await login(page, 'petugas', officerPassword);
});
afterAll(async () => {
  await app?.close();
});
const rasterise = rasteriser();

describe('a walk-in from check-in to printed receipt', { timeout: 120_000 }, () => {
  it('checks in, verifies the documents, records the billing and prints the receipt', async () => {
    await page.getByRole('button', { name: 'Permohonan baru' }).click();
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await form.getByLabel('Layanan').selectOption('PASPOR_ELEKTRONIK_10');
    await form.getByLabel('NIK').fill(NIK);
    await form.getByLabel('Nama lengkap (sesuai KTP)').fill('Budi Santoso');
    await form.getByLabel('Tempat lahir').fill('Semarang');
    // A birth date the NIK disagrees with is flagged while the officer types.
    await form.getByLabel('Tanggal lahir').fill('1990-05-18');
    await page.getByText('NIK tidak sesuai dengan tanggal lahir ini.').waitFor();
    await shot(page, 'applications-01-nik-mismatch');
    await form.getByLabel('Tanggal lahir').fill('1990-05-17');
    await expect.poll(() => page.getByText('NIK tidak sesuai dengan tanggal lahir ini.').count()).toBe(0);
    await form.getByLabel('Status perkawinan').selectOption('married');
    await form.getByLabel('Alamat').fill('Jl. Setiabudi No. 12, Banyumanik, Semarang');
    await form.getByLabel('Nomor ponsel').fill('0812 3456 7890');
    await page.getByTestId('fee-total').getByText('Rp 950.000').waitFor();
    await shot(page, 'applications-02-walkin-filled');
    await page.keyboard.press('Control+Enter');

    await page.getByTestId('app-number').getByText('BYM-261130-03-0001').waitFor();
    await page.getByText('Terdaftar', { exact: true }).first().waitFor();
    // Each mark is saved at once; the radio shows what core recorded.
    for (const doc of ['KTP elektronik (asli)', 'Kartu Keluarga (asli)', /Akta kelahiran/]) {
      const present = page.getByRole('radiogroup', { name: doc }).getByLabel('Ada');
      await present.click();
      await expect.poll(() => present.isChecked()).toBe(true);
    }
    await page.getByRole('button', { name: 'Berkas terverifikasi' }).click();
    await page.locator('.app-status').getByText('Berkas terverifikasi').waitFor();

    // A billing code of the wrong shape is refused with its reason; the right one is recorded.
    await page.getByLabel('Kode billing SIMPONI (15 digit)').fill('8201 2345 6789');
    await page.getByRole('button', { name: 'Catat kode billing' }).click();
    await page.getByText('Kode billing SIMPONI terdiri dari 15 digit.').waitFor();
    await page.getByLabel('Kode billing SIMPONI (15 digit)').fill('8201 2345 6789 012');
    await page.getByRole('button', { name: 'Catat kode billing' }).click();
    await page.getByText(/8201 2345 6789 012 · Belum dibayar/).waitFor();

    const receipt = await downloaded(page, () => page.keyboard.press('Alt+P'));
    expect(receipt.name).toBe('BYM-261130-03-0001-application.pdf');
    await page.getByTestId('receipt-printed').waitFor();
    await shot(page, 'applications-03-printed');

    expect(receipt.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(receipt.path);
    expect(text).toContain('BYM-261130-03-0001');
    expect(text).toContain('BUDI SANTOSO');
    expect(text.replace(/\s/g, '')).toContain('820123456789012');
    expect(barcodes(rasterise(receipt.bytes, 'receipt').pngs[0]!).join('\n')).toContain('BYM-261130-03-0001');

    // Every receipt of the application stays listed; a supervisor voids one with a reason, at this desk.
    const history = page.getByTestId('receipt-history');
    await history
      .locator('li[data-status="active"]')
      .getByText(/berlaku/)
      .waitFor();
    // The approval opens on the supervisor's username; Escape closes it and leaves the officer on the application.
    await history.getByRole('button', { name: 'Batalkan' }).click();
    const approval = page.getByRole('form', { name: 'Persetujuan supervisor untuk membatalkan tanda terima' });
    await expect.poll(() => approval.getByLabel('Nama pengguna supervisor').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Escape');
    await approval.waitFor({ state: 'detached' });
    await page.getByTestId('app-number').getByText('BYM-261130-03-0001').waitFor();
    await history.getByRole('button', { name: 'Batalkan' }).click();
    await page.getByLabel('Alasan pembatalan tanda terima').fill('Salah cetak nama layanan');
    await page.getByLabel('Nama pengguna supervisor').fill('kepala');
    await page.getByLabel('Kata sandi supervisor').fill(supervisorPassword);
    await page.getByLabel('Alasan (minimal 5 karakter)').fill('Tanda terima salah cetak');
    const voided = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Setujui' }).click();
    await voided;
    await history
      .locator('li[data-status="void"]')
      .getByText(/Dibatalkan: Salah cetak nama layanan/)
      .waitFor();
    expect(await history.locator('li[data-status="active"]').count()).toBe(0);

    const stored = await app.call(
      'applications.search',
      { query: 'BYM-261130-03-0001' },
      (await app.call('auth.login', { username: 'admin', password: 'Kantor-Loket-2026' })).sessionToken,
    );
    expect(stored.results[0]).toMatchObject({ status: 'verified', fullName: 'BUDI SANTOSO' });
  });
});

describe('a booking from check-in to hand-over', { timeout: 120_000 }, () => {
  it("pre-fills from M-Paspor, is approved at the supervisor's queue and handed over against the NIK", async () => {
    const nik = composeNik({ region: '337410', birthDate: '1985-01-02', sex: 'F', serial: 8 });
    const row = {
      code: 'MP4TQ8Z2KD',
      office_code: 'banyumanik',
      nik,
      full_name: 'SITI AMINAH',
      birth_date: '1985-01-02',
      sex: 'F',
      birth_place: 'SALATIGA',
      phone: '+6281398765432',
      email: null,
      address: 'Jl. Diponegoro No. 7, Salatiga',
      service_code: 'PASPOR_BIASA_5',
      reason: 'new',
      appointment_date: '2026-11-30',
      slot: '09:00',
      billing_code: '820126113000099',
      billing_amount: 350_000,
      payment_status: 'paid',
      paid_at: app.now() - 3_600_000,
      booked_at: app.now() - 86_400_000,
      source: 'central',
    };
    const cols = Object.keys(row);
    app.core.db.prepare(`INSERT INTO bookings (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);

    // Keyboard only: Esc back to the search screen, Alt+N for a new application.
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.keyboard.press('Alt+N');
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await form.getByLabel('Kode booking M-Paspor').fill('MP4TQ8Z2KD');
    await form.getByRole('button', { name: 'Muat booking' }).click();
    await page.getByText('Diisi dari booking MP4TQ8Z2KD. Periksa data bersama pemohon.').waitFor();
    expect(await form.getByLabel('Nama lengkap (sesuai KTP)').inputValue()).toBe('SITI AMINAH');
    expect(await form.getByLabel('NIK').inputValue()).toBe(nik);
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('app-number').getByText('BYM-261130-03-0002').waitFor();
    await page.getByText(/8201 2611 3000 099 · Lunas/).waitFor();
    const id = /permohonan\/([0-9a-f-]{36})$/.exec(page.url())![1]!;

    // M-Paspor does not send the marital status: the verification step says so before it is tried, and
    // the officer corrects it where the step points.
    expect(await page.getByRole('button', { name: 'Berkas terverifikasi' }).isDisabled()).toBe(true);
    await page.getByText('Isian: Status perkawinan.').waitFor();
    await page.getByRole('button', { name: 'Lengkapi data pemohon' }).click();
    const edit = page.getByRole('form', { name: 'Perbaiki data pemohon' });
    await expect.poll(() => edit.getByLabel('Status perkawinan').evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await edit.getByLabel('Layanan').isDisabled()).toBe(true);
    await edit.getByLabel('Status perkawinan').selectOption('married');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('button', { name: 'Ubah data' }).waitFor();

    // The steps between are the first test's subject: here they go through core.
    const officer = (await app.call('auth.login', { username: 'petugas', password: officerPassword })).sessionToken;
    const admin = (await app.call('auth.login', { username: 'admin', password: 'Kantor-Loket-2026' })).sessionToken;
    await app.call('biometrics.updateSettings', { required: [] }, admin);
    const view = await app.call('applications.get', { id }, officer);
    expect(view.applicant.maritalStatus).toBe('married');
    for (const x of view.documents) await app.call('applications.markDocument', { id, docCode: x.docCode, state: 'present' }, officer);
    for (const action of ['verify', 'captureBiometrics'] as const) await app.call('applications.transition', { id, action }, officer);
    await app.call('applications.setInterviewNotes', { id, notes: 'Perjalanan ibadah.' }, officer);
    for (const action of ['interview', 'pay', 'submit'] as const) await app.call('applications.transition', { id, action }, officer);

    const { page: desk } = await app.open();
    await login(desk, 'kepala', supervisorPassword);
    await desk.getByRole('button', { name: 'Adjudikasi' }).click();
    await seeHeading(desk, 'Adjudikasi');
    await desk.getByRole('button', { name: /BYM-261130-03-0002 · SITI AMINAH/ }).click();
    // The supervisor decides with the officer's work in view: documents, interview notes.
    const details = desk.getByTestId('adjudication-details');
    await details.getByRole('region', { name: 'Catatan wawancara' }).getByText('Perjalanan ibadah.').waitFor();
    expect(await details.getByRole('region', { name: 'Berkas' }).getByText('Ada', { exact: true }).count()).toBe(view.documents.length);
    const decide = desk.getByRole('form', { name: 'Keputusan atas BYM-261130-03-0002' });
    await decide.getByLabel('Kata sandi Anda (menegaskan keputusan)').fill('salah-sandi-2026');
    await decide.getByRole('button', { name: 'Setujui' }).click();
    await desk.getByText('Kata sandi salah.').waitFor();
    await decide.getByLabel('Kata sandi Anda (menegaskan keputusan)').fill(supervisorPassword);
    await decide.getByRole('button', { name: 'Setujui' }).click();
    await desk.getByText('Tidak ada permohonan yang menunggu keputusan.').waitFor();
    await shot(desk, 'applications-04-adjudicated');

    for (const action of ['print', 'markReady'] as const) await app.call('applications.transition', { id, action }, officer);

    await page.keyboard.press('Escape');
    await seeHeading(page, 'Cari permohonan');
    await page.keyboard.press('Alt+H');
    await seeHeading(page, 'Serah terima paspor');
    await page.getByLabel('Pindai tanda terima atau ketik nomor permohonan').fill('bym-261130-03-0002');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /BYM-261130-03-0002/ }).waitFor();
    await page.getByLabel('NIK pada KTP pengambil').fill(composeNik({ region: '337410', birthDate: '1985-01-02', sex: 'F', serial: 9 }));
    await page.getByLabel('Pengambil sesuai dengan foto yang terekam').check();
    await page.getByRole('button', { name: 'Catat serah terima' }).click();
    await page.getByText('Nomor ini tidak sesuai dengan permohonan.').waitFor();
    await page.getByLabel('NIK pada KTP pengambil').fill(nik);
    await page.getByRole('button', { name: 'Catat serah terima' }).click();
    await page.getByText('BYM-261130-03-0002 sudah diserahkan.').waitFor();
    await shot(page, 'applications-05-handed-over');
    expect((await app.call('applications.get', { id }, officer)).status).toBe('collected');
  });
});
