// The capture screen in Chromium against the simulated SBI device running as its own process on a
// real socket: device status, live preview, quality per finger, three attempts keeping the best, a
// supervisor accepting a low-quality capture, a finger exception with a photo, the face from the
// workstation camera (Chromium's fake camera) and from the face device, and a device fault.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { encodePng } from '@main/core/biometrics/png.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { DEFAULT_SIM_CONFIG } from '@main/devices/sbi-sim/config.js';
import { face } from '@main/devices/sbi-sim/images.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';
import { insertApplication } from '../support/application-row.js';

let app: E2eApp;
let sim: SimulatorProcess;
let bio: InstalledBiometrics;
let page: Page;
let officerPassword: string;
let supervisorPassword: string;
const applicationId = uuidv7();
const APPLICATION_NUMBER = 'BYM-261130-03-0042';

/** A picture file of the bandaged hand (any real PNG does: core checks it decodes). */
function handPng(): Buffer {
  const g = face(80);
  return Buffer.from(encodePng(g.width, g.height, 1, g.data));
}

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '10'] });
  // The face from the workstation camera: Chromium's fake camera.
  app = await startApp('capture', { camera: true });
  await setUpByCore(app);
  officerPassword = await accountByCore(app, 'petugas1', 'officer');
  supervisorPassword = await accountByCore(app, 'spv1', 'supervisor');
  bio = installBiometrics(app.core, {
    keyWrapper: new KeyFileWrapper(app.dataDir),
    sbi: { ports: [sim.port, sim.port], captureGraceMs: 300 },
  });
  insertApplication(app.core.db, applicationId);
  app.core.db.prepare('UPDATE applications SET number = ? WHERE id = ?').run(APPLICATION_NUMBER, applicationId);
  await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 10 });
  ({ page } = await app.open({ viewport: { width: 1440, height: 1000 } }));
});
afterAll(async () => {
  await bio?.close();
  await app?.close();
  await sim?.stop();
});

const modality = (name: RegExp) => page.getByRole('navigation', { name: /^(Yang direkam|What to capture)$/ }).getByRole('button', { name });
/** The last attempt's table (the kept best follows it when it is another attempt). */
const quality = () => page.getByTestId('capture-quality').first();
const attemptsLeft = () => page.getByTestId('capture-attempts');
/** What core says, through a supervisor's own session (the screen's session stays the officer's). */
const status = async () =>
  app.call(
    'biometrics.status',
    { applicationId },
    (await app.call('auth.login', { username: 'spv1', password: supervisorPassword })).sessionToken,
  );

async function authorise(form: ReturnType<Page['getByRole']>, password: string): Promise<void> {
  await form.getByLabel('Nama pengguna supervisor').fill('spv1');
  await form.getByLabel('Kata sandi supervisor').fill(password);
  await form.getByLabel(/^Alasan/).fill('Jari pemohon diperban setelah operasi');
  await form.getByRole('button', { name: /^Setujui/ }).click();
}

describe('the capture screen', { timeout: 120_000 }, () => {
  it('opens from the officer home for an application number and shows the devices found', async () => {
    await login(page, 'petugas1', officerPassword);
    await seeHeading(page, /^Loket/);
    const launcher = page.getByRole('form', { name: 'Perekaman biometrik' });
    await launcher.getByLabel('Nomor permohonan').fill('bukan-nomor');
    await launcher.getByRole('button', { name: 'Buka perekaman' }).click();
    await launcher.getByText('Nomor permohonan tidak dikenali. Bentuknya seperti BYM-261130-03-0001.').waitFor();
    await launcher.getByLabel('Nomor permohonan').fill('BYM-261130-03-0099');
    await page.keyboard.press('Enter');
    await launcher.getByText('Permohonan dengan nomor ini tidak ditemukan di workstation ini.').waitFor();
    // As printed on the receipt, in lower case as a scanner in the wrong mode would send it.
    await launcher.getByLabel('Nomor permohonan').fill(APPLICATION_NUMBER.toLowerCase());
    await page.keyboard.press('Enter');
    await seeHeading(page, 'Perekaman biometrik');
    expect(page.url()).toMatch(new RegExp(`#/loket/capture/${applicationId}$`));
    const devices = page.getByRole('region', { name: 'Perangkat' }).or(page.locator('.capture-devices'));
    await devices.getByText('sidik jari').waitFor();
    await devices.getByText('iris').first().waitFor();
    await devices.getByText('wajah').waitFor();
    expect(await devices.getByText('Siap').count()).toBe(3);
    await page.getByTestId('capture-complete').getByText('Biometrik belum lengkap.').waitFor();
  });

  it('shows the live preview and a capture whose four fingers meet the threshold', async () => {
    await page.keyboard.press('Alt+P');
    const frame = page.getByRole('img', { name: /Gambar langsung dari perangkat Tangan kiri/ });
    await frame.waitFor();
    await expect.poll(async () => Number(await frame.getAttribute('data-seq'))).toBeGreaterThan(2);
    await shot(page, 'capture-01-preview');
    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 1').waitFor();
    expect(await quality().getByText('memenuhi ambang').count()).toBe(4);
    for (const finger of ['Telunjuk kiri', 'Jari tengah kiri', 'Jari manis kiri', 'Kelingking kiri'])
      await quality()
        .getByRole('row', { name: new RegExp(finger) })
        .waitFor();
    await modality(/Tangan kiri/)
      .getByText('Baik', { exact: true })
      .waitFor();
    await attemptsLeft().getByText('Sisa 2 percobaan').waitFor();

    // The kept image opens on request only, and the read is audited.
    const reads = () => app.core.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'biometrics.read'").pluck().get() as number;
    const before = reads();
    await quality()
      .getByRole('row', { name: /Telunjuk kiri/ })
      .getByRole('button', { name: 'Lihat' })
      .click();
    const stored = page.getByRole('img', { name: 'Gambar tersimpan: Telunjuk kiri' });
    await stored.waitFor();
    expect(await stored.evaluate((img: HTMLImageElement) => img.naturalWidth > 0)).toBe(true);
    expect(reads()).toBe(before + 1);
    await shot(page, 'capture-01b-stored-image');
    await quality()
      .getByRole('row', { name: /Telunjuk kiri/ })
      .getByRole('button', { name: 'Tutup' })
      .click();
    await stored.waitFor({ state: 'detached' });
  });

  it('keeps the best of three low-quality attempts and lets a supervisor accept it', async () => {
    await sim.control({ quality: 30, qualities: { 'Right RingFinger': 22 } });
    await page.keyboard.press('Alt+2');
    await page.getByRole('heading', { level: 2, name: 'Tangan kanan (4 jari)' }).waitFor();
    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 1').waitFor();
    expect(await quality().getByText('di bawah ambang').count()).toBe(4);
    await page.getByText(/Kualitas di bawah ambang\. .*sisa 2 percobaan/).waitFor();
    await sim.control({ quality: 35, qualities: { 'Right RingFinger': 25 } });
    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 2').waitFor();
    await sim.control({ quality: 25, qualities: {} });
    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 3').waitFor();
    await attemptsLeft().getByText('Sisa 0 percobaan').waitFor();
    expect(await page.getByRole('button', { name: /^Rekam/ }).isDisabled()).toBe(true);
    // The second attempt was the best; it is the one kept.
    const right = (await status())?.modalities.find((m) => m.modality === 'rightSlap');
    expect(right?.best?.attemptNo).toBe(2);
    await page.getByTestId('capture-quality').nth(1).getByText('Percobaan terbaik (percobaan 2)').waitFor();
    await shot(page, 'capture-02-below-threshold');

    await page.keyboard.press('Alt+O');
    const form = page.getByRole('form', { name: 'Persetujuan supervisor untuk rekaman di bawah ambang' });
    await authorise(form, 'salah-sandi-2026');
    await form.getByText('Nama pengguna atau kata sandi supervisor salah', { exact: false }).waitFor();
    await authorise(form, supervisorPassword);
    await modality(/Tangan kanan/)
      .getByText('Diterima supervisor')
      .waitFor();
    await page.getByText(/Diterima di bawah ambang oleh Petugas spv1/).waitFor();
  });

  it('records a bandaged thumb as an exception with a photo and a supervisor, then captures the other', async () => {
    await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 10 });
    await page.keyboard.press('Alt+3');
    await page.getByRole('heading', { level: 2, name: 'Kedua ibu jari' }).waitFor();
    await page.keyboard.press('Alt+E');
    const card = page.locator('.capture-exception');
    await card.getByRole('button', { name: 'Lanjut: persetujuan supervisor' }).click();
    await card.getByText('Pilih minimal satu jari atau mata.').waitFor();
    await card.getByRole('checkbox', { name: 'Ibu jari kiri' }).check();
    await card.getByLabel('Alasan').selectOption('bandaged');
    await card.getByRole('button', { name: 'Lanjut: persetujuan supervisor' }).click();
    await card.getByText('Ambil atau pilih foto terlebih dahulu.').waitFor();
    await card.getByLabel('Atau pilih berkas gambar').setInputFiles({ name: 'tangan.png', mimeType: 'image/png', buffer: handPng() });
    await card.getByRole('img', { name: 'Foto pengecualian' }).waitFor();
    await card.getByRole('button', { name: 'Lanjut: persetujuan supervisor' }).click();
    await authorise(card.getByRole('form', { name: 'Persetujuan supervisor untuk pengecualian' }), supervisorPassword);
    await card.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Pengecualian yang dicatat' }).getByText('Ibu jari kiri').waitFor();

    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 1').waitFor();
    // Only the right thumb was asked of the device.
    expect(
      await quality()
        .getByRole('row', { name: /Ibu jari kanan/ })
        .count(),
    ).toBe(1);
    expect(
      await quality()
        .getByRole('row', { name: /Ibu jari kiri/ })
        .count(),
    ).toBe(0);
    await modality(/Kedua ibu jari/)
      .getByText('Baik', { exact: true })
      .waitFor();
  });

  it('explains a device fault in Indonesian and stores nothing', async () => {
    await sim.control({ fault: 'noBiometric', faultTimes: 1 });
    await page.keyboard.press('Alt+4');
    await page.getByRole('heading', { level: 2, name: 'Kedua iris' }).waitFor();
    await page.keyboard.press('Alt+C');
    await page
      .getByRole('alert')
      .getByText(/tidak terdeteksi/)
      .waitFor();
    await attemptsLeft().getByText('Sisa 3 percobaan').waitFor();
    const iris = (await status())?.modalities.find((m) => m.modality === 'iris');
    expect(iris?.attemptsUsed).toBe(0);

    // The device drops the live view after three frames: the officer is told, and can start it again.
    await sim.control({ fault: 'disconnectStream', faultTimes: 1 });
    await page.keyboard.press('Alt+P');
    await page.locator('.capture-preview').getByText('Sambungan ke perangkat terputus. Periksa kabel lalu ulangi.').waitFor();
    await page.getByRole('button', { name: /^Tampilan langsung/ }).waitFor();
    await page.keyboard.press('Alt+P');
    const frame = page.getByRole('img', { name: /Gambar langsung dari perangkat Kedua iris/ });
    await expect.poll(async () => Number(await frame.getAttribute('data-seq'))).toBeGreaterThan(3);
    await page.keyboard.press('Alt+P');
  });

  it('takes the face from the workstation camera cut to passport proportions, then from the face device', async () => {
    await page.keyboard.press('Alt+5');
    const camera = page.locator('.camera').last();
    await page.getByRole('button', { name: 'Nyalakan kamera' }).last().click();
    await page.getByRole('button', { name: 'Ambil foto wajah' }).click();
    await page.getByTestId('face-quality').waitFor();
    await camera.waitFor();
    const first = (await status())?.modalities.find((m) => m.modality === 'face');
    expect(first?.attemptsUsed).toBe(1);
    expect(first?.best?.source).toBe('camera');
    await shot(page, 'capture-03-face-camera');

    await page.keyboard.press('Alt+C');
    await quality().getByText('Percobaan 2').waitFor();
    await page.getByTestId('capture-complete').getByText('Biometrik lengkap: permohonan dapat dilanjutkan.').waitFor();
    expect((await status())?.complete).toBe(true);
    await shot(page, 'capture-04-complete');
  });

  it('speaks English when the officer chooses it', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Biometric capture' }).waitFor();
    await modality(/Left hand \(4 fingers\)/)
      .getByText('Good', { exact: true })
      .waitFor();
    await modality(/Right hand/)
      .getByText('Accepted by supervisor')
      .waitFor();
    await page.getByTestId('capture-complete').getByText('Biometrics complete: the application may go on.').waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Bahasa Indonesia' }).click();
    await seeHeading(page, 'Perekaman biometrik');
  });

  it('goes back to the application it was opened for with Escape', async () => {
    await page.keyboard.press('Escape');
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/loket/permohonan/${applicationId}$`));
  });
});
