// Every screen, as each role reaches it, checked by axe-core for serious and critical WCAG 2.1 A/AA
// violations at the counter's 1366×768, and the keyboard reaching every control of the counter home.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/e2e/axe.js';
import { startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, accountByCore, login, logout, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;
const passwords: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp('accessibility');
  await setUpByCore(app);
  passwords.petugas = await accountByCore(app, 'petugas', 'officer', ['PENGAMBILAN']);
  passwords.kepala = await accountByCore(app, 'kepala', 'supervisor');
  ({ page } = await app.open({ viewport: { width: 1366, height: 768 } }));
});
afterAll(async () => {
  await app?.close();
});

/** Opens a route and waits for its heading before axe looks at it. */
async function visit(hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await seeHeading(page, heading);
}

async function expectAccessible(): Promise<void> {
  expect(await seriousViolations(page), page.url()).toEqual([]);
}

describe('accessibility', { timeout: 240_000 }, () => {
  it('finds what it is there to find: a button without a name on the login screen', async () => {
    await seeHeading(page, 'Masuk');
    await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('button'), { id: 'nameless' })));
    expect((await seriousViolations(page)).map((v) => v.rule)).toContain('button-name');
    await page.evaluate(() => document.getElementById('nameless')?.remove());
  });

  it('the login screen', async () => {
    await seeHeading(page, 'Masuk');
    await expectAccessible();
  });

  it("every officer's screen", async () => {
    await login(page, 'petugas', passwords.petugas!);
    await seeHeading(page, /^Loket/);
    await expectAccessible();
    for (const [hash, heading] of [
      ['#/loket/permohonan/baru', 'Pendaftaran: permohonan baru'],
      ['#/loket/permohonan', 'Cari permohonan'],
      ['#/loket/serah-terima', 'Serah terima paspor'],
      ['#/loket/antrean', 'Pendaftaran antrean'],
      ['#/loket/sync', 'Sinkronisasi dengan pusat'],
    ] as const) {
      await visit(hash, heading);
      await expectAccessible();
    }
    // A ticket at the counter: the strip with its step bar over the hand-over it opened, and F5's second look.
    await page.evaluate(() => (window.location.hash = '#/loket'));
    await seeHeading(page, /^Loket/);
    const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
    await app.call('queue.issue', { requestId: 'a11y-collection-1', serviceCode: 'PENGAMBILAN' }, admin.sessionToken);
    await page.keyboard.press('F1');
    await seeHeading(page, 'Serah terima paspor');
    await page.getByTestId('counter-strip').waitFor();
    await expectAccessible();
    await page.keyboard.press('F5');
    await page.getByTestId('counter-strip').getByText('Dilayani').waitFor();
    await expect.poll(() => page.locator('button[data-key="F5"]').isDisabled()).toBe(false);
    await page.keyboard.press('F5');
    await page.getByRole('alertdialog').waitFor();
    await expectAccessible();
    await page.keyboard.press('Enter');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    await page.keyboard.press('Control+L');
    await page.getByRole('button', { name: 'Buka kunci' }).waitFor();
    await expectAccessible();
    await page.getByLabel('Kata sandi', { exact: true }).fill(passwords.petugas!);
    await page.getByRole('button', { name: 'Buka kunci' }).click();
    await logout(page);
  });

  it("every supervisor's screen", async () => {
    await login(page, 'kepala', passwords.kepala!);
    await seeHeading(page, /supervisor/i);
    await expectAccessible();
    for (const [hash, heading] of [
      ['#/supervisor/adjudikasi', 'Adjudikasi'],
      ['#/supervisor/floor', 'Lantai layanan'],
      ['#/supervisor/analytics/heatmap', 'Analitik antrean'],
      ['#/supervisor/end-of-day', 'Akhir Hari'],
    ] as const) {
      await visit(hash, heading);
      await expectAccessible();
    }
    await logout(page);
  });

  it("every admin's screen", async () => {
    await login(page, ADMIN.username, ADMIN.password);
    for (const [hash, heading] of [
      ['#/admin/accounts', 'Administrasi'],
      ['#/admin/workstation', 'Administrasi'],
      ['#/admin/audit', 'Administrasi'],
    ] as const) {
      await visit(hash, heading);
      await expectAccessible();
    }
    await logout(page);
  });

  it('the waiting-room board', async () => {
    const { page: board } = await app.open({ viewport: { width: 1366, height: 768 } });
    await board.goto(new URL('/display', board.url()).toString());
    await board.locator('main, [role=main], h1').first().waitFor();
    expect(await seriousViolations(board)).toEqual([]);
  });

  it('reaches every control of the counter home by keyboard', async () => {
    await login(page, 'petugas', passwords.petugas!);
    await seeHeading(page, /^Loket/);
    const controls = await page.locator('main button:not([disabled]), main a[href], main input, main select, main textarea').count();
    const reached = new Set<string>();
    for (let i = 0; i < controls * 2 + 10; i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el || el === document.body || !el.closest('main')) return null;
        return `${el.tagName}:${el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''}:${[...el.parentElement!.children].indexOf(el)}`;
      });
      if (id) reached.add(id);
    }
    expect(controls).toBeGreaterThan(5);
    expect(reached.size).toBeGreaterThanOrEqual(controls);
    await logout(page);
  });
});
