// Training mode from the first-run screen: the banner on every screen (pinned in view however far a
// long screen scrolls), the practice accounts shown at login, each role's home, the lock screen, and the way back to the real (unset) workstation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { login, logout, seeHeading } from '../support/e2e/workstation.js';

const BANNER = 'MODE PELATIHAN — data latihan, tidak pernah disinkronkan';
const PASSWORD = 'Latihan2026';

let app: E2eApp;
let page: Page;

beforeAll(async () => {
  app = await startApp('training');
  ({ page } = await app.open());
});
afterAll(async () => {
  await app?.close();
});

const bannerShown = (p: Page) => p.getByRole('note').filter({ hasText: BANNER }).isVisible();

describe('training mode', { timeout: 90_000 }, () => {
  it('starts from the setup screen and shows the banner and the practice accounts at login', async () => {
    await seeHeading(page, 'Penyiapan workstation');
    expect(await bannerShown(page)).toBe(false);
    await page.getByRole('button', { name: 'Coba mode pelatihan' }).click();
    await seeHeading(page, 'Masuk');
    expect(await bannerShown(page)).toBe(true);
    await page.getByText(`kata sandi ${PASSWORD}`).waitFor();
    await page.getByText(/admin, supervisor, petugas1, petugas2, petugas3/).waitFor();
    await shot(page, '20-training-login');
  });

  it('keeps the banner on the officer home, the lock screen and in English', async () => {
    await login(page, 'petugas1', PASSWORD);
    await seeHeading(page, 'Loket 1');
    expect(await bannerShown(page)).toBe(true);
    await page.getByText('Paspor layanan prioritas').waitFor();
    await shot(page, '21-training-officer');
    await page.keyboard.press('Control+L');
    await seeHeading(page, 'Layar terkunci');
    expect(await bannerShown(page)).toBe(true);
    await shot(page, '22-training-lock');
    await page.getByLabel('Kata sandi', { exact: true }).fill(PASSWORD);
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Loket 1');
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('note').filter({ hasText: 'TRAINING MODE — practice data, never synchronised' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await logout(page);
  });

  it('keeps the banner in view on a long screen scrolled to its end, over a faint LATIHAN watermark', async () => {
    await login(page, 'petugas1', PASSWORD);
    await page.getByRole('button', { name: 'Permohonan baru' }).click();
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    // The form fits a counter screen now: a low window makes it a long screen again.
    const viewport = page.viewportSize()!;
    await page.setViewportSize({ width: viewport.width, height: 420 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(300);
    const banner = page.getByRole('note').filter({ hasText: BANNER });
    expect(await banner.isVisible()).toBe(true);
    // Pinned to the top of the window, not left behind at the top of the page.
    expect((await banner.boundingBox())?.y).toBe(0);
    const watermark = await page.evaluate(() => getComputedStyle(document.querySelector('.app')!, '::before').backgroundImage);
    expect(decodeURIComponent(watermark)).toContain('LATIHAN');
    await page.screenshot({ path: 'test-results/e2e/25-training-scrolled.png' });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.setViewportSize(viewport);
    await logout(page);
  });

  it('practises a booking from check-in to F1: the practice booking loads, the counter strip under the banner', async () => {
    await login(page, 'petugas1', PASSWORD);
    await seeHeading(page, 'Loket 1');
    const code = app.core.db.prepare('SELECT code FROM bookings ORDER BY slot, code LIMIT 1').pluck().get() as string;
    await page.getByRole('link', { name: 'Pendaftaran antrean' }).click();
    await seeHeading(page, 'Pendaftaran antrean');
    await page.getByLabel('Kode booking, pindai QR, atau NIK').fill(code);
    await page.keyboard.press('Enter');
    await page.getByTestId('checkin-ticket').waitFor();
    await page.keyboard.press('Escape');
    await seeHeading(page, 'Loket 1');
    await page.keyboard.press('F1');
    await seeHeading(page, 'Pendaftaran: permohonan baru');
    await page.getByText(`Diisi dari booking ${code}. Periksa data bersama pemohon.`).waitFor();
    // The strip sits just under the pinned banner, both in view.
    const banner = await page.getByRole('note').filter({ hasText: BANNER }).boundingBox();
    const strip = await page.getByTestId('counter-strip').boundingBox();
    expect(banner?.y).toBe(0);
    expect(strip!.y).toBeGreaterThanOrEqual(banner!.y + banner!.height - 1);
    await shot(page, '26-training-booking-from-f1');
    await page.keyboard.press('F6');
    await seeHeading(page, 'Loket 1');
    await logout(page);
  });

  it('keeps the banner on the supervisor and admin homes', async () => {
    await login(page, 'supervisor', PASSWORD);
    await seeHeading(page, 'Meja supervisor');
    expect(await bannerShown(page)).toBe(true);
    await page.getByText('Data latihan dibuat').waitFor();
    await shot(page, '23-training-supervisor');
    await logout(page);

    await login(page, 'admin', PASSWORD);
    await seeHeading(page, 'Administrasi');
    expect(await bannerShown(page)).toBe(true);
    await page.getByRole('row', { name: /petugas3/ }).waitFor();
    await shot(page, '24-training-admin');
    await logout(page);
  });

  it('leaves training mode back to the unset workstation, without the banner', async () => {
    await page.getByRole('button', { name: 'Keluar dari mode pelatihan' }).click();
    await seeHeading(page, 'Penyiapan workstation');
    expect(await bannerShown(page)).toBe(false);
  });
});
