// Wrong passwords and lockout, locking the screen (button, Ctrl+L, idle) and unlocking it, and a
// session ended by the admin: what the officer at the counter sees each time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, accountByCore, login, logout, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;
let officerPassword = '';

beforeAll(async () => {
  app = await startApp('security');
  await setUpByCore(app);
  officerPassword = await accountByCore(app, 'dewi', 'officer', ['PENGAMBILAN']);
  ({ page } = await app.open());
  await seeHeading(page, 'Masuk');
});
afterAll(async () => {
  await app?.close();
});

const unlockWith = async (p: Page, password: string) => {
  await p.getByLabel('Kata sandi', { exact: true }).fill(password);
  await p.getByRole('button', { name: 'Buka kunci' }).click();
};

describe('login errors, lock and unlock', { timeout: 90_000 }, () => {
  it('says how many attempts are left, then that the account is locked and until when', async () => {
    await login(page, 'dewi', 'salah-sekali-1');
    await page.getByText('Nama pengguna atau kata sandi salah.').waitFor();
    await page.getByText('Sisa 4 percobaan sebelum akun dikunci sementara.').waitFor();
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('dewi');
    await shot(page, '10-login-wrong-password');
    for (const left of [3, 2, 1]) {
      await login(page, 'dewi', `salah-lagi-${left}`);
      await page.getByText(`Sisa ${left} percobaan`).waitFor();
    }
    await login(page, 'dewi', 'salah-terakhir-5');
    // The core's clock stands at 08:00 WIB; the lockout lasts 15 minutes.
    await page.getByText(/Akun dikunci sementara .* Coba lagi pukul .*08:15 WIB/).waitFor();
    await shot(page, '11-login-locked');
    // Even the right password is refused until then.
    await login(page, 'dewi', officerPassword);
    await page.getByText(/Akun dikunci sementara/).waitFor();
  });

  it('lets the admin see the lockout and unlock the account', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    const row = page.getByRole('row', { name: /dewi/ });
    await row.getByText(/Terkunci s\.d\. .*08:15 WIB/).waitFor();
    await page.getByRole('button', { name: 'Ubah dewi' }).click();
    await page.getByRole('button', { name: 'Buka kunci akun' }).click();
    await page.getByText('Akun dibuka; petugas dapat masuk lagi.').waitFor();
    await logout(page);
    await login(page, 'dewi', officerPassword);
    await seeHeading(page, 'Loket 3');
    await logout(page);
  });

  it('locks with the button and with Ctrl+L, keeps typed work, and unlocks with the password', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await page.getByRole('button', { name: 'Akun baru' }).click();
    await page.getByRole('form', { name: 'Buat akun baru' }).getByLabel('Nama lengkap').fill('Agus Wijaya');

    await page.getByRole('button', { name: /Kunci layar/ }).click();
    await seeHeading(page, 'Layar terkunci');
    expect(page.url()).toMatch(/#\/locked$/);
    await page.getByText('Rina Kusuma').first().waitFor();
    await expect.poll(() => page.getByText('Agus Wijaya').isVisible()).toBe(false);
    await unlockWith(page, 'bukan-sandinya-1');
    await page.getByText('Kata sandi salah.').waitFor();
    await shot(page, '12-lock-screen');
    await unlockWith(page, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    expect(await page.getByRole('form', { name: 'Buat akun baru' }).getByLabel('Nama lengkap').inputValue()).toBe('Agus Wijaya');

    await page.keyboard.press('Control+L');
    await seeHeading(page, 'Layar terkunci');
    await unlockWith(page, ADMIN.password);
    await seeHeading(page, 'Administrasi');
  });

  it('locks when main finds the session idle (event) or refuses a call as LOCKED', async () => {
    await page.getByRole('link', { name: 'Workstation' }).click();
    await page.getByLabel('Kunci otomatis setelah tidak aktif (menit)').fill('1');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Pengaturan disimpan.').waitFor();

    // The idle sweep locks the session and tells the window over the event stream.
    app.advance(61_000);
    app.core.sweepIdle();
    await seeHeading(page, 'Layar terkunci');
    await unlockWith(page, ADMIN.password);
    await seeHeading(page, 'Administrasi');

    // No sweep this time: the next call finds the session idle and answers LOCKED.
    app.advance(61_000);
    await page.getByRole('link', { name: 'Audit' }).click();
    await seeHeading(page, 'Layar terkunci');
    await unlockWith(page, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await logout(page);
  });

  it("locks on the screen's own idle timer", async () => {
    const { page: counter } = await app.open({ fakeClock: true });
    await login(counter, 'dewi', officerPassword);
    await seeHeading(counter, 'Loket 3');
    await counter.clock.fastForward('01:05');
    await seeHeading(counter, 'Layar terkunci');
    await counter.getByText(/dewi · Petugas loket/).waitFor();
    await counter.close();
  });

  it('returns to the login screen when the session was ended elsewhere', async () => {
    const { page: counter } = await app.open();
    await login(counter, 'dewi', officerPassword);
    await seeHeading(counter, 'Loket 3');
    const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    const dewi = (await app.call('users.list', {}, admin.sessionToken)).find((u) => u.username === 'dewi');
    await app.call('users.resetPassword', { id: dewi!.id, temporaryPassword: 'Sementara-Baru-9' }, admin.sessionToken);
    await counter.keyboard.press('Control+L');
    await seeHeading(counter, 'Masuk');
    await counter.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();
    await counter.close();
  });
});
