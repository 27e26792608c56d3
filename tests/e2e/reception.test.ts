// The desk at the door in Chromium at 1366×768: the admin makes a reception account, its owner replaces the
// temporary password and lands on the check-in, issues a walk-in ticket and reads its number and the
// waiting counts, and finds no way to a counter, the applications or the Sync screen: every such address
// comes back to the check-in, Esc stays, and the status bar is no link. Lock and unlock work as for anyone.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { seriousViolations } from '../support/e2e/axe.js';
import { ADMIN, login, logout, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;

const RECEPTION = { username: 'resepsi', fullName: 'Rani Resepsionis', temp: 'Sementara-2026-r', password: 'Pintu-Depan-2026' };
const HOME = /#\/resepsi\/antrean$/;

beforeAll(async () => {
  app = await startApp('reception');
  await setUpByCore(app);
  ({ page } = await app.open({ viewport: { width: 1366, height: 768 } }));
});
afterAll(async () => {
  await app?.close();
});

/** Types an address as someone trying their luck would. */
async function goTo(p: Page, hash: string): Promise<void> {
  await p.evaluate((h) => {
    window.location.hash = h;
  }, hash);
}

describe('the reception desk', { timeout: 90_000 }, () => {
  it('lets the admin create a reception account', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await page.getByRole('button', { name: 'Akun baru' }).click();
    const form = page.getByRole('form', { name: 'Buat akun baru' });
    await form.getByLabel('Nama pengguna').fill(RECEPTION.username);
    await form.getByLabel('Nama lengkap').fill(RECEPTION.fullName);
    await form.getByLabel('Peran').selectOption({ label: 'Resepsionis' });
    // Services are a counter officer's: reception serves none.
    expect(await form.getByRole('group', { name: /Layanan/ }).count()).toBe(0);
    await form.getByLabel('Kata sandi sementara').fill(RECEPTION.temp);
    await form.getByRole('button', { name: 'Buat akun' }).click();
    await form.getByText(`Akun ${RECEPTION.username} dibuat`).waitFor();
    await page
      .getByRole('row', { name: new RegExp(RECEPTION.username) })
      .getByText('Resepsionis', { exact: true })
      .waitFor();
    await logout(page);
  });

  it('takes reception through the password change to the check-in, its home', async () => {
    await login(page, RECEPTION.username, RECEPTION.temp);
    await seeHeading(page, 'Ganti kata sandi');
    await page.getByLabel('Kata sandi saat ini (sementara)').fill(RECEPTION.temp);
    await page.getByLabel('Kata sandi baru', { exact: true }).fill(RECEPTION.password);
    await page.getByLabel('Ulangi kata sandi baru').fill(RECEPTION.password);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await seeHeading(page, 'Pendaftaran antrean');
    expect(page.url()).toMatch(HOME);
    await page.getByRole('banner').getByText(`Resepsionis · ${RECEPTION.username}`).waitFor();
    // Nowhere to go back to.
    expect(await page.getByRole('button', { name: /Kembali/ }).count()).toBe(0);
  });

  it('issues a walk-in ticket, shows its number and the waiting counts', async () => {
    const waiting = page.getByRole('region', { name: 'Antrean saat ini' });
    await waiting.locator('[data-service="PENGAMBILAN"]').getByText('0 menunggu').waitFor();
    await page.getByLabel('Layanan', { exact: true }).selectOption('PENGAMBILAN');
    await page.getByRole('button', { name: 'Ambil nomor' }).click();
    const ticket = page.getByTestId('checkin-ticket');
    await ticket.getByText('L3C-001').waitFor();
    await ticket.getByText('0 orang di depan').waitFor();
    await ticket.getByRole('button', { name: 'Cetak tiket' }).waitFor();
    await waiting.locator('[data-service="PENGAMBILAN"]').getByText('1 menunggu').waitFor();
    // The whole check-in fits the desk's screen.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(768);
    await shot(page, '95-reception-checkin');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it("has no way to a counter, the applications, another role's screens or the Sync screen", async () => {
    for (const hash of ['#/loket', '#/loket/antrean', '#/loket/permohonan', '#/supervisor', '#/admin/accounts', '#/resepsi/sync']) {
      await goTo(page, hash);
      await expect.poll(() => page.url(), { message: hash }).toMatch(HOME);
      await seeHeading(page, 'Pendaftaran antrean');
    }
    // The ticket just issued is still there: the check-in never left.
    await page.getByTestId('checkin-ticket').getByText('L3C-001').waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+S');
    expect(page.url()).toMatch(HOME);
    await seeHeading(page, 'Pendaftaran antrean');
    const status = page.getByRole('contentinfo');
    await status.getByTestId('sync-status').waitFor();
    expect(await status.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('link').count()).toBe(0);
  });

  it('locks and unlocks back to the check-in, and logs out', async () => {
    await page.keyboard.press('Control+L');
    await seeHeading(page, 'Layar terkunci');
    await page.getByText(`${RECEPTION.username} · Resepsionis`).waitFor();
    await page.getByLabel('Kata sandi', { exact: true }).fill(RECEPTION.password);
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await seeHeading(page, 'Pendaftaran antrean');
    expect(page.url()).toMatch(HOME);
    await logout(page);
  });
});
