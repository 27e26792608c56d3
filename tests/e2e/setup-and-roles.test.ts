// First run through the UI, then each role's first day: accounts made by the admin, the forced
// password change, each role's home, and the officer's language remembered across logins.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, login, logout, seeHeading } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;

beforeAll(async () => {
  app = await startApp('roles');
  ({ page } = await app.open());
});
afterAll(async () => {
  await app?.close();
});

const OFFICER = { username: 'budi', fullName: 'Budi Santoso', temp: 'Sementara-2026-a', password: 'Kantor-Pagi-2026' };
const SUPERVISOR = { username: 'siti', fullName: 'Siti Rahmawati', temp: 'Sementara-2026-b', password: 'Meja-Siang-2026' };

async function createAccount(
  p: Page,
  a: { username: string; fullName: string; temp: string },
  role: 'officer' | 'supervisor',
  services: string[],
) {
  await p.getByRole('button', { name: 'Akun baru' }).click();
  const form = p.getByRole('form', { name: 'Buat akun baru' });
  await form.getByLabel('Nama pengguna').fill(a.username);
  await form.getByLabel('Nama lengkap').fill(a.fullName);
  await form.getByLabel('Peran').selectOption(role);
  for (const s of services) await form.getByRole('checkbox', { name: s }).check();
  await form.getByLabel('Kata sandi sementara').fill(a.temp);
  await form.getByRole('button', { name: 'Buat akun' }).click();
  await form.getByText(`Akun ${a.username} dibuat`).waitFor();
  await p.getByRole('row', { name: new RegExp(a.username) }).waitFor();
}

describe('first run and the three roles', { timeout: 90_000 }, () => {
  it('sets up the workstation (office chosen, admin created) and lands on the admin home', async () => {
    await seeHeading(page, 'Penyiapan workstation');
    expect(page.url()).toMatch(/#\/setup$/);
    await shot(page, '01-setup-empty');

    // Submitting an incomplete form explains each problem and keeps what was typed.
    await page.getByLabel('Nama workstation').fill('LOKET-03');
    await page.getByRole('button', { name: 'Siapkan workstation' }).click();
    await page.getByText('Periksa kembali kolom yang ditandai.').waitFor();
    expect(await page.getByLabel('Nama workstation').inputValue()).toBe('LOKET-03');
    await shot(page, '01b-setup-problems');

    await page.getByRole('combobox', { name: 'Kantor Imigrasi' }).fill('mataram');
    await page.getByRole('option', { name: /Kantor Imigrasi Lombok/ }).click();
    await page.getByText('Zona waktu: WITA (Asia/Makassar)').waitFor();
    await page.getByLabel('Nomor loket').fill('3');
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
    await page.getByLabel('Kata sandi', { exact: true }).fill('pendek1');
    await page.getByText('Kata sandi minimal 10 karakter.').waitFor();
    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await shot(page, '02-setup-filled');
    await page.getByRole('button', { name: 'Siapkan workstation' }).click();

    await seeHeading(page, 'Administrasi');
    expect(page.url()).toMatch(/#\/admin\/accounts$/);
    const header = page.getByRole('banner');
    await header.getByText('Kantor Imigrasi Lombok').waitFor();
    await header.getByText(/Loket 3/).waitFor();
    await header.getByText(/\d{2}:\d{2} WITA/).waitFor();
    await header.getByText('Admin · admin').waitFor();
    await page.getByRole('contentinfo').getByText('Lokal').waitFor();
  });

  it('lets the admin create an officer and a supervisor', async () => {
    await createAccount(page, OFFICER, 'officer', ['Paspor (janji temu M-Paspor)', 'Pengambilan paspor']);
    await createAccount(page, SUPERVISOR, 'supervisor', []);
    const officerRow = page.getByRole('row', { name: new RegExp(OFFICER.username) });
    await officerRow.getByText('Harus ganti sandi').waitFor();
    await officerRow.getByText('A C').waitFor();
    await shot(page, '03-admin-accounts');
    await logout(page);
    await page.getByText('Anda telah keluar.').waitFor();
  });

  it('makes the officer change the temporary password, then shows the counter home', async () => {
    await login(page, OFFICER.username, OFFICER.temp);
    await seeHeading(page, 'Ganti kata sandi');
    expect(page.url()).toMatch(/#\/password$/);
    await page.getByLabel('Kata sandi saat ini (sementara)').fill(OFFICER.temp);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(OFFICER.password);
    await page.getByLabel('Ulangi kata sandi baru').fill(OFFICER.password);
    await shot(page, '04-change-password');
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();

    await seeHeading(page, 'Loket 3');
    expect(page.url()).toMatch(/#\/loket$/);
    await page.getByText('Paspor (janji temu M-Paspor)').waitFor();
    await page.getByText('Pengambilan paspor').waitFor();
    await page.getByText('Panggil berikutnya').waitFor();
    await page.getByRole('banner').getByText('Budi Santoso').waitFor();
    await shot(page, '05-officer-home');
  });

  it('switches the officer to English and remembers it after logout and login', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await seeHeading(page, 'Counter 3');
    await page.getByText('Call next').waitFor();
    await page.getByRole('banner').getByText('Counter officer · budi').waitFor();
    await shot(page, '06-officer-home-en');
    await logout(page);
    // The login screen speaks the workstation's language again; the officer's comes back at login.
    await seeHeading(page, 'Masuk');
    await login(page, OFFICER.username, OFFICER.password);
    await seeHeading(page, 'Counter 3');
    await page.getByText('Passport (M-Paspor appointment)').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await seeHeading(page, 'Loket 3');
    await logout(page);
  });

  it('takes the supervisor through the password change to the supervisor desk', async () => {
    await login(page, SUPERVISOR.username, SUPERVISOR.temp);
    await seeHeading(page, 'Ganti kata sandi');
    await page.getByLabel('Kata sandi saat ini (sementara)').fill(SUPERVISOR.temp);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(SUPERVISOR.password);
    await page.getByLabel('Ulangi kata sandi baru').fill(SUPERVISOR.password);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await seeHeading(page, 'Meja supervisor');
    expect(page.url()).toMatch(/#\/supervisor$/);
    await page.getByText(/Utuh: \d+ catatan diperiksa/).waitFor();
    const trail = page.getByRole('table');
    await trail.getByText('Akun dibuat').first().waitFor();
    await trail.getByText('Kata sandi diganti').first().waitFor();
    await trail
      .getByText(/30 November 2026 09:00 WITA/)
      .first()
      .waitFor();
    await shot(page, '07-supervisor-desk');
    await logout(page);
  });

  it('lets the admin edit an account: services, disable and enable', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await page.getByRole('button', { name: `Ubah ${OFFICER.username}` }).click();
    const editor = page.getByRole('region', { name: `Akun ${OFFICER.username}` });
    await editor.getByRole('checkbox', { name: 'Izin tinggal' }).check();
    await editor.getByRole('button', { name: 'Simpan perubahan' }).click();
    await editor.getByText('Perubahan disimpan.').waitFor();
    await page
      .getByRole('row', { name: new RegExp(OFFICER.username) })
      .getByText('A C D')
      .waitFor();
    await editor.getByRole('button', { name: 'Nonaktifkan akun' }).click();
    await page
      .getByRole('row', { name: new RegExp(OFFICER.username) })
      .getByText('Nonaktif')
      .waitFor();
    await shot(page, '08-admin-editor');
    await editor.getByRole('button', { name: 'Aktifkan kembali' }).click();
    await page
      .getByRole('row', { name: new RegExp(OFFICER.username) })
      .getByText('Aktif', { exact: true })
      .waitFor();

    await page.getByRole('link', { name: 'Workstation' }).click();
    expect(page.url()).toMatch(/#\/admin\/workstation$/);
    await page.getByLabel('Nama workstation').fill('LOKET-07');
    await page.getByLabel('Nomor loket').fill('7');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();
    await page
      .getByRole('banner')
      .getByText(/Workstation LOKET-07 · Loket 7/)
      .waitFor();
    await shot(page, '09-admin-workstation');
  });

  it('remembers the language chosen on the login screen across a reload', async () => {
    await logout(page);
    await page.getByRole('main').getByRole('button', { name: 'English' }).click();
    await seeHeading(page, 'Log in');
    await page.reload();
    await seeHeading(page, 'Log in');
    await page.getByText('Log in with your officer account.').waitFor();
    await shot(page, '09b-login-en');
    await page.getByRole('main').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await seeHeading(page, 'Masuk');
  });
});
