// Nothing typed is lost: a half-filled application survives a lock and a closed window (a crash, a
// restart), comes back with a notice the officer can act on, and is gone once the application is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeNik } from '@common/domain/applications/nik.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let password: string;

beforeAll(async () => {
  app = await startApp('drafts');
  await setUpByCore(app);
  password = await accountByCore(app, 'sari', 'officer');
});
afterAll(async () => {
  await app?.close();
});

describe('a half-filled application', { timeout: 120_000 }, () => {
  it('survives a lock and a closed window, and is gone once checked in', async () => {
    const first = await app.open({ viewport: { width: 1366, height: 768 } });
    await login(first.page, 'sari', password);
    await first.page.getByRole('button', { name: 'Permohonan baru' }).click();
    await seeHeading(first.page, 'Pendaftaran: permohonan baru');
    const form = first.page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await form.getByLabel('Nama lengkap (sesuai KTP)').fill('Rahmat Hidayat');
    await form.getByLabel('Tempat lahir').fill('Ungaran');
    await form.getByLabel('Alamat').fill('Jl. Diponegoro 7, Ungaran');

    await first.page.keyboard.press('Control+L');
    await first.page.getByLabel('Kata sandi', { exact: true }).fill(password);
    await first.page.getByRole('button', { name: 'Buka kunci' }).click();
    await expect.poll(() => form.getByLabel('Nama lengkap (sesuai KTP)').inputValue()).toBe('Rahmat Hidayat');

    // The window goes away with the form unsaved, as a crash or a restart would take it.
    await first.context.close();
    const { page } = await app.open({ viewport: { width: 1366, height: 768 } });
    await login(page, 'sari', password);
    const resume = page.getByRole('link', { name: /Lanjutkan: Permohonan baru · Rahmat Hidayat/ });
    await resume.waitFor();
    await shot(page, 'drafts-01-home-offers-the-draft');
    await resume.click();
    const again = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await expect.poll(() => again.getByLabel('Nama lengkap (sesuai KTP)').inputValue()).toBe('Rahmat Hidayat');
    expect(await again.getByLabel('Tempat lahir').inputValue()).toBe('Ungaran');
    expect(await again.getByLabel('Alamat').inputValue()).toBe('Jl. Diponegoro 7, Ungaran');
    await page.getByText(/Draf dipulihkan/).waitFor();
    await shot(page, 'drafts-02-restored');

    await again.getByLabel('Tanggal lahir').fill('1985-03-04');
    await again.getByLabel('NIK').fill(composeNik({ region: '337410', birthDate: '1985-03-04', sex: 'M', serial: 7 }));
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('app-number').waitFor();
    const drafts = () => (app.core.db.prepare('SELECT count(*) AS n FROM drafts').get() as { n: number }).n;
    await expect.poll(drafts).toBe(0);
  });
});
