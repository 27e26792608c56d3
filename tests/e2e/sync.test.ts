// The sync status bar and the Sync screen against a real central (PostgreSQL when DATABASE_URL is set,
// PGlite otherwise): online/offline, pending count, last sync, "Sync now", a rejected op with its
// reason, and a conflict resolved from the screen and seen at the other workstation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { startSync, type SyncClient } from '@main/sync/index.js';
import type { FetchLike } from '@main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolmentCode, startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';
import { adminRoutes } from '@common/central/routes.js';

let app: E2eApp;
let page: Page;
let central: TestCentral;
let client: SyncClient;
let other: TestWorkstation | undefined;
let reachable = true;
/** The WAN cable between this workstation and central. */
const cable: FetchLike = async (url, init) => {
  if (!reachable) throw new TypeError('fetch failed (WAN down)');
  return fetch(url, init);
};

beforeAll(async () => {
  app = await startApp('sync');
  await setUpByCore(app);
  central = await startTestCentral(preferredStore());
  client = await startSync(app.core, { background: false, fetch: cable });
  await client.enrol(central.url, await enrolmentCode(central, 'banyumanik'));
  await client.runCycle();
  ({ page } = await app.open());
});
afterAll(async () => {
  await other?.cleanup();
  await client?.stop();
  await app?.close();
  await central?.close();
});

const bar = (): Locator => page.getByRole('contentinfo');
const adminTokenOf = async (a: E2eApp): Promise<string> =>
  (await a.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionToken;
const adminToken = (): Promise<string> => adminTokenOf(app);
const centralUser = (username: string) =>
  central.admin(adminRoutes.createUser, {
    body: { officeCode: 'banyumanik', username, fullName: `Nama ${username}`, role: 'officer', password: 'Sementara-2026-x' },
  });
const newAccount = async (token: string, username: string, fullName = `Petugas ${username}`) =>
  app.call('users.create', { username, fullName, role: 'officer', password: 'Sementara-2026-x' }, token);
const syncNow = () => page.getByRole('button', { name: /^Sinkronkan sekarang/ }).click();
const count = (name: string) => page.getByTestId(`sync-count-${name}`);

describe('sync status and the Sync screen', { timeout: 120_000 }, () => {
  it('shows online, nothing pending and the last sync on every screen, even before login', async () => {
    await bar().getByText('Daring').waitFor();
    await bar().getByText('0 tertunda').waitFor();
    await bar()
      .getByText(/sinkron terakhir/)
      .waitFor();
    // Before login the status is shown but the Sync screen is not offered.
    expect(await bar().getByRole('button').count()).toBe(0);
    await shot(page, 'sync-01-login-status');
  });

  it('counts a change made while central is away, says offline, and sends it on "Sync now"', async () => {
    reachable = false;
    const token = await adminToken();
    await newAccount(token, 'luring1');
    // Logins and account changes are ops too; whatever core counts, the bar shows within its refresh.
    const pending = (await app.call('sync.status', {})).pendingOps;
    expect(pending).toBeGreaterThan(0);
    await bar().getByText(`${pending} tertunda`).waitFor();

    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await page.keyboard.press('Control+Shift+S');
    await seeHeading(page, 'Sinkronisasi dengan pusat');
    expect(page.url()).toMatch(/#\/admin\/sync$/);
    await page
      .getByRole('row', { name: /Akun dibuat/ })
      .getByText('Tertunda')
      .waitFor();
    expect(Number(await count('pending').textContent())).toBeGreaterThan(0);

    await syncNow();
    await bar().getByText('Luring').waitFor();
    await page.getByText('Pusat tidak dapat dihubungi. Pekerjaan tetap berjalan di sini', { exact: false }).waitFor();
    // The last failure in the officer's words; the transport's English stays folded under the technical details.
    await page.getByText('Server pusat tidak terjangkau dari workstation ini (jaringan).', { exact: false }).waitFor();
    expect(await page.getByText('fetch failed', { exact: false }).isVisible()).toBe(false);
    expect(Number(await count('pending').textContent())).toBeGreaterThan(0);
    await page
      .getByRole('row', { name: /Akun dibuat/ })
      .getByText('1 percobaan')
      .waitFor();
    await shot(page, 'sync-02-offline-pending');

    reachable = true;
    await page.keyboard.press('Alt+S');
    await bar().getByText('Daring').waitFor();
    await bar().getByText('0 tertunda').waitFor();
    await page.getByText('Tidak ada: semua perubahan sudah sampai di pusat.').waitFor();
    expect(await count('pending').textContent()).toBe('0');
  });

  it('lists an op central rejected with its reason, in Indonesian and English', async () => {
    await centralUser('kembar');
    // This workstation has not pulled yet: it creates the same username.
    await newAccount(await adminToken(), 'kembar', 'Kembar Lokal');
    await syncNow();
    await bar().getByText('1 ditolak').waitFor();
    const row = page.getByRole('row', { name: /Akun dibuat/ });
    await row.getByText('Ditolak').waitFor();
    await row.getByText('Pusat sudah memiliki akun dengan nama pengguna ini', { exact: false }).waitFor();
    await shot(page, 'sync-03-rejected');

    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Sync with central' }).waitFor();
    await page
      .getByRole('row', { name: /Account created/ })
      .getByText('Central already has an account with this username', { exact: false })
      .waitFor();
    await bar().getByText('1 rejected').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await seeHeading(page, 'Sinkronisasi dengan pusat');
  });

  it("shows both sides of a conflict and keeps this workstation's value when the officer says so", async () => {
    await centralUser('rebut1');
    await syncNow();
    // "Sync now" returns at once; the account arrives with the pull that follows.
    const pulled = () => app.core.liveDb.prepare("SELECT id FROM users WHERE username = 'rebut1'").pluck().get() as string | undefined;
    await expect.poll(pulled, { timeout: 15_000 }).toBeTruthy();
    const id = pulled()!;
    other = await startWorkstation(central, { name: 'LOKET-01' });
    await other.client.runCycle();
    await other.t.value('users.update', { id, fullName: 'Nama Dari Loket Satu' }, other.adminToken);
    await other.client.runCycle();
    await app.call('users.update', { id, fullName: 'Nama Dari Loket Tiga' }, await adminToken());

    await syncNow();
    await bar().getByText('1 konflik').waitFor();
    const panel = page.getByRole('group', { name: /Konflik: Akun diubah/ });
    await panel
      .getByRole('row', { name: /Nama lengkap/ })
      .getByText('Nama Dari Loket Tiga')
      .waitFor();
    await panel
      .getByRole('row', { name: /Nama lengkap/ })
      .getByText('Nama Dari Loket Satu')
      .waitFor();
    expect(await count('conflicts').textContent()).toBe('1');
    await shot(page, 'sync-04-conflict');

    await panel.getByRole('button', { name: 'Pakai milik workstation ini' }).click();
    await panel.waitFor({ state: 'detached' });
    await syncNow();
    await bar().getByText('0 tertunda').waitFor();
    expect(
      await bar()
        .getByText(/konflik/)
        .count(),
    ).toBe(0);
    await page.getByRole('button', { name: 'Semua' }).click();
    await page
      .getByRole('row', { name: /Akun diubah/ })
      .getByText('memakai milik workstation ini', { exact: false })
      .first()
      .waitFor();
    await shot(page, 'sync-05-resolved');

    await other.client.runCycle();
    expect(other.t.core.liveDb.prepare('SELECT full_name FROM users WHERE id = ?').pluck().get(id)).toBe('Nama Dari Loket Tiga');
  });

  it('goes back home with Escape', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toMatch(/#\/admin\/accounts$/);
  });

  it('shows the audit trail details with translated labels and values', async () => {
    await page.getByRole('link', { name: 'Audit' }).click();
    const created = page.getByRole('row', { name: /Akun dibuat/ }).filter({ hasText: 'kembar' });
    await created.getByText('Nama pengguna: kembar · Peran: Petugas loket').waitFor();
    await page
      .getByRole('row', { name: /Bahasa diganti/ })
      .getByText('Bahasa: English')
      .first()
      .waitFor();
    await shot(page, 'sync-06-audit-details');
  });
});

describe('enrolling a workstation from the Sync screen', { timeout: 120_000 }, () => {
  let fresh: E2eApp;
  let freshClient: SyncClient;
  beforeAll(async () => {
    fresh = await startApp('sync-enrol');
    await setUpByCore(fresh);
    freshClient = await startSync(fresh.core, { background: false });
  });
  afterAll(async () => {
    await freshClient?.stop();
    await fresh?.close();
  });

  it('refuses a wrong code with its reason, then enrols with the admin-issued one', async () => {
    // A long day offline: more ops than one page of the list.
    const token = await adminTokenOf(fresh);
    for (let i = 0; i < 110; i++) {
      await fresh.call('prefs.setLanguage', { language: 'en' }, token);
      await fresh.call('prefs.setLanguage', { language: 'id' }, token);
    }
    const { page: p } = await fresh.open();
    await p.getByRole('contentinfo').getByText('Belum terdaftar').waitFor();
    await login(p, ADMIN.username, ADMIN.password);
    await seeHeading(p, 'Administrasi');
    await p.getByRole('contentinfo').getByRole('button').click();
    await seeHeading(p, 'Sinkronisasi dengan pusat');
    const pending = (await fresh.call('sync.status', {})).pendingOps;
    expect(pending).toBeGreaterThan(220);
    const rows = p.getByRole('table', { name: 'Perubahan yang belum selesai' }).locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(200);
    await p.getByRole('button', { name: 'Tampilkan perubahan yang lebih lama' }).click();
    await expect.poll(() => rows.count()).toBe(Math.min(400, pending));
    const seqs = (await rows.locator('td.num').allTextContents()).map(Number);
    expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
    expect(new Set(seqs).size).toBe(seqs.length);
    const form = p.getByRole('form', { name: 'Daftarkan workstation ini' });
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    await form.getByText('Isi kedua kolom.').waitFor();
    await form.getByLabel('Alamat server pusat').fill('ftp://pusat');
    await form.getByLabel('Kode pendaftaran').fill('AAAA-BBBB-CCCC');
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    await form.getByText('Masukkan alamat lengkap, diawali https://').waitFor();
    await form.getByLabel('Alamat server pusat').fill(central.url);
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    await form.getByText('Kode salah, sudah dipakai atau kedaluwarsa.', { exact: false }).waitFor();
    expect((await fresh.call('sync.status', {})).enrolled).toBe(false);
    await shot(p, 'sync-07-enrol-refused');

    await form.getByLabel('Kode pendaftaran').fill(await enrolmentCode(central, 'banyumanik'));
    await form.getByRole('button', { name: 'Daftarkan' }).click();
    await form.waitFor({ state: 'detached' });
    await p.getByRole('contentinfo').getByText('Daring').waitFor();
    expect(await fresh.call('sync.status', {})).toMatchObject({ enrolled: true, officeCode: 'banyumanik', centralUrl: central.url });
  });
});
