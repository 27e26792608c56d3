// Two desks of one office through the UI: the first starts the office (its admin made at central), the
// second is refused a second first admin, joins with an enrolment code and logs in with the first desk's
// admin after the pull; then a change central rejected is sent again and another dismissed with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminRoutes } from '@common/central/routes.js';
import { startSync, type SyncClient } from '@main/sync/index.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolmentCode } from '../support/model/workstation.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { ADMIN, login, seeHeading } from '../support/e2e/workstation.js';

let central: TestCentral;
const desks: Array<{ app: E2eApp; client: SyncClient; page: Page }> = [];
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  for (const label of ['join-1', 'join-2']) {
    const app = await startApp(label);
    const client = await startSync(app.core, { background: false, centralUrl: central.url });
    const { page } = await app.open();
    desks.push({ app, client, page });
  }
});
afterAll(async () => {
  for (const d of desks) {
    await d.client.stop();
    await d.app.close();
  }
  await central?.close();
});

async function fillDesk(page: Page, name: string, counter: string, code: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Kantor Imigrasi' }).fill('banyumanik');
  await page
    .getByRole('option', { name: /Banyumanik/ })
    .first()
    .click();
  await page.getByLabel('Nama workstation').fill(name);
  await page.getByLabel('Nomor loket').fill(counter);
  await page.getByLabel('Kode pendaftaran').fill(code);
}

describe('desks join an office', { timeout: 120_000 }, () => {
  it('starts the office on the first desk: its admin is made at central', async () => {
    const { page } = desks[0]!;
    await seeHeading(page, 'Penyiapan workstation');
    await fillDesk(page, 'LOKET-01', '1', await enrolmentCode(central, 'banyumanik'));
    await page.getByLabel('Nama pengguna').fill(ADMIN.username);
    await page.getByLabel('Nama lengkap').fill(ADMIN.fullName);
    await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Siapkan workstation' }).click();
    await seeHeading(page, 'Administrasi');
    const accounts = await central.central.deps.store.query<{ u: string }>(
      "SELECT data->>'username' AS u FROM records WHERE office_code = 'banyumanik' AND entity = 'user'",
    );
    expect(accounts).toEqual([{ u: ADMIN.username }]);
  });

  it('refuses a second first admin, then joins with a code and logs in with the office admin', async () => {
    const { page } = desks[1]!;
    await seeHeading(page, 'Penyiapan workstation');
    await fillDesk(page, 'LOKET-02', '2', await enrolmentCode(central, 'banyumanik'));
    await page.getByLabel('Nama pengguna').fill('rina');
    await page.getByLabel('Nama lengkap').fill('Rina Lain');
    await page.getByLabel('Kata sandi', { exact: true }).fill('Kantor-Lain-2026');
    await page.getByLabel('Ulangi kata sandi').fill('Kantor-Lain-2026');
    await page.getByRole('button', { name: 'Siapkan workstation' }).click();
    await page.getByText(/Kantor ini sudah memiliki akun di pusat/).waitFor();
    await shot(page, 'join-01-refused');

    await page.getByRole('radio', { name: 'Bergabung ke kantor yang ada' }).check();
    await expect.poll(() => page.getByLabel('Nama pengguna').count()).toBe(0);
    await shot(page, 'join-02-join-form');
    await page.getByRole('button', { name: 'Siapkan workstation' }).click();
    await seeHeading(page, 'Masuk');
    await login(page, ADMIN.username, ADMIN.password);
    await seeHeading(page, 'Administrasi');
    await page
      .getByRole('banner')
      .getByText(/Loket 2/)
      .waitFor();
  });

  it('sends a rejected change again and dismisses another with a reason, from the Sync screen', async () => {
    const { app, client, page } = desks[1]!;
    // Prepared through core: a second admin whom central disables before this desk hears of it.
    const admin = (await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password })).sessionToken;
    await app.call('users.create', { username: 'admin2', fullName: 'Admin Dua', role: 'admin', password: 'Sementara-2026-x' }, admin);
    const s2 = (await app.call('auth.login', { username: 'admin2', password: 'Sementara-2026-x' })).sessionToken;
    await app.call('auth.changePassword', { currentPassword: 'Sementara-2026-x', newPassword: 'Rahasia-Dua-2026' }, s2);
    await client.runCycle();
    const id = app.core.liveDb.prepare("SELECT id FROM users WHERE username = 'admin2'").pluck().get() as string;
    const budi = await app.call(
      'users.create',
      { username: 'budi', fullName: 'Budi', role: 'officer', password: 'Sementara-2026-x' },
      admin,
    );
    await client.runCycle();
    await central.admin(adminRoutes.updateUser, { params: { id }, body: { officeCode: 'banyumanik', disabled: true } });
    await app.call('users.update', { id: budi.id, fullName: 'Budi Santoso' }, s2);
    await app.call('users.update', { id: budi.id, role: 'supervisor' }, s2);
    await client.pushAll();
    expect((await app.call('sync.status', {})).rejected).toBe(2);

    await page.keyboard.press('Control+Shift+S');
    await seeHeading(page, 'Sinkronisasi dengan pusat');
    await expect.poll(() => page.getByTestId('sync-count-rejected').textContent()).toBe('2');
    const panels = page.getByRole('group', { name: 'Perubahan yang ditolak' });
    await expect.poll(() => panels.count()).toBe(2);
    await shot(page, 'join-03-rejected');
    // The newest first: the role change is dismissed, the name change sent again.
    await panels.first().getByRole('button', { name: 'Abaikan' }).click();
    await panels.first().getByText('Berikan alasan minimal 5 karakter.').waitFor();
    await panels.first().getByLabel('Alasan mengabaikan (minimal 5 karakter)').fill('Peran tidak jadi diubah');
    await panels.first().getByRole('button', { name: 'Abaikan' }).click();
    await expect.poll(() => page.getByTestId('sync-count-rejected').textContent()).toBe('1');
    await panels.first().getByRole('button', { name: 'Kirim ulang' }).click();
    await expect.poll(() => page.getByTestId('sync-count-rejected').textContent()).toBe('0');
    await page.getByRole('button', { name: /^Semua/ }).click();
    await page.getByText(/diabaikan oleh admin: Peran tidak jadi diubah/).waitFor();
    await page.getByText(/dikirim ulang oleh admin/).waitFor();
    await shot(page, 'join-04-settled');
    await client.runCycle();
    const [rec] = await central.central.deps.store.query<{ name: string; role: string }>(
      "SELECT data->>'fullName' AS name, data->>'role' AS role FROM records WHERE entity = 'user' AND entity_id = $1",
      [budi.id],
    );
    expect(rec).toEqual({ name: 'Budi Santoso', role: 'officer' });
  });
});
