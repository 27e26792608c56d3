// Three standard cases from F1 to a finished applicant at 1366x768, played as an officer would with the
// guided counter flow, counting the officer's actions (bench/counter-clock.bench.ts prints the figures):
// a passport renewal from an M-Paspor booking paid online, a new walk-in passport for a lansia paid by
// SIMPONI billing confirmed at the desk, and a lost passport's replacement with the fee waived. Each ends
// with the application handed to adjudication, its receipt printed and the ticket done.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeNik } from '@common/domain/applications/nik.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { DEFAULT_SIM_CONFIG } from '@main/devices/sbi-sim/config.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { SHOT_DIR, startApp, type E2eApp } from '../support/e2e/app.js';
import { CounterClock, type ClockReading } from '../support/e2e/counter-clock.js';
import { ADMIN, accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

const VIEWPORT = { width: 1366, height: 768 };
/** The aims: a renewal in at most 25 actions, the other cases in at most 35. */
const AIM = { renewal: 25, walkIn: 35, lost: 35 } as const;

let app: E2eApp;
let sim: SimulatorProcess;
let bio: InstalledBiometrics;
let page: Page;
let supervisorPassword: string;
let officerPassword: string;
const readings: Record<string, ClockReading> = {};

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '10'] });
  app = await startApp('counter-clock');
  await setUpByCore(app);
  officerPassword = await accountByCore(app, 'petugas', 'officer', ['PASPOR_JANJI', 'PASPOR_PRIORITAS']);
  supervisorPassword = await accountByCore(app, 'kepala', 'supervisor');
  bio = installBiometrics(app.core, {
    keyWrapper: new KeyFileWrapper(app.dataDir),
    sbi: { ports: [sim.port, sim.port], captureGraceMs: 300 },
  });
  await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 10 });
  ({ page } = await app.open({ viewport: VIEWPORT }));
  await login(page, 'petugas', officerPassword);
  await seeHeading(page, 'Loket 3');
});
afterAll(async () => {
  if (Object.keys(readings).length > 0) writeFileSync(join(SHOT_DIR, 'counter-clock.json'), JSON.stringify(readings, null, 2));
  await bio?.close();
  await app?.close();
  await sim?.stop();
});

const seen = (name: string) => page.screenshot({ path: join(SHOT_DIR, `clock-${name}.png`) });
const heading = (name: string | RegExp) => () => seeHeading(page, name);
const status = (text: string) => () => page.locator('.app-status').getByText(text, { exact: true }).waitFor();
const strip = (text: string) => () => page.getByTestId('counter-strip').getByText(text).first().waitFor();

async function issue(input: { bookingCode?: string; serviceCode?: string; priorityGroup?: 'lansia' }): Promise<void> {
  const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  app.advance(60_000);
  await app.call('queue.issue', { requestId: `clock-${app.now()}`, ...input }, admin.sessionToken);
}

/** F1 to the application: the ticket called, served, its form checked in with Ctrl+Enter. */
async function checkIn(clock: CounterClock, fill: () => Promise<void>): Promise<void> {
  await clock.key('F1', heading('Pendaftaran: permohonan baru'));
  await clock.key('F5', strip('Dilayani'));
  await fill();
  await clock.key('Control+Enter', () => page.getByTestId('app-number').waitFor());
}

/** Documents, photo and fingerprints, interview: the same keys for every case. */
async function verifyCaptureInterview(clock: CounterClock, notes: string, name: string): Promise<void> {
  await clock.key('Alt+A', () => page.getByRole('button', { name: 'Berkas terverifikasi' }).and(page.locator(':enabled')).waitFor());
  await seen(`${name}-1-documents`);
  await clock.key('Control+Enter', status('Berkas terverifikasi'));
  await clock.key('Control+3', heading('Perekaman biometrik'));
  const complete = page.getByTestId('capture-complete');
  // One Alt+C per required modality: each settles when one more modality reads "Baik" in the list.
  const good = page.getByRole('navigation', { name: 'Yang direkam' }).getByText('Baik', { exact: true });
  for (let i = 0; i < 4 && !(await complete.getByText('Biometrik lengkap').isVisible()); i++) {
    const before = await good.count();
    await clock.key('Alt+C', () => expect.poll(() => good.count(), { timeout: 30_000 }).toBeGreaterThan(before));
  }
  await complete.getByText('Biometrik lengkap').waitFor();
  await seen(`${name}-2-captured`);
  await clock.key('Escape', () => page.getByTestId('app-number').waitFor());
  await clock.key('Control+Enter', status('Biometrik terekam'));
  await clock.key('Control+4', () => page.waitForFunction(() => document.activeElement?.tagName === 'TEXTAREA'));
  await page.keyboard.type(notes);
  await clock.key('Control+Enter', status('Wawancara selesai'));
}

/** Paid: on to adjudication, the receipt printed, the ticket done and the counter home back. */
async function submitAndFinish(clock: CounterClock, name: string): Promise<void> {
  await clock.key('Control+Enter', status('Lunas'));
  await clock.key('Control+Enter', status('Menunggu keputusan'));
  // The receipt's PDF comes as a download here (the web host); in Electron it goes to the printer.
  const download = page.waitForEvent('download');
  await clock.key('Alt+P', () => page.getByText(/^Tercetak .*\(salinan ke-1\)/).waitFor());
  expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
  await seen(`${name}-4-submitted`);
  await clock.key('F5', heading('Loket 3'));
  await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
}

describe('the counter clock', { timeout: 180_000 }, () => {
  it('renews a passport from a paid M-Paspor booking', async () => {
    const nik = composeNik({ region: '337410', birthDate: '1980-05-17', sex: 'M', serial: 21 });
    const row = {
      code: 'MPRENEW01',
      office_code: 'banyumanik',
      nik,
      full_name: 'BAMBANG SUTRISNO',
      birth_date: '1980-05-17',
      sex: 'M',
      birth_place: 'SEMARANG',
      phone: '+6281311112222',
      email: null,
      address: 'Jl. Pandanaran No. 9, Semarang',
      service_code: 'PASPOR_ELEKTRONIK_10',
      reason: 'renewal',
      appointment_date: '2026-11-30',
      slot: '09:00',
      billing_code: '820126113000123',
      billing_amount: 950_000,
      payment_status: 'paid',
      paid_at: app.now() - 3_600_000,
      booked_at: app.now() - 86_400_000,
      source: 'central',
    };
    const cols = Object.keys(row);
    app.core.db.prepare(`INSERT INTO bookings (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
    await issue({ bookingCode: 'MPRENEW01' });

    const clock = new CounterClock(page);
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await checkIn(clock, async () => {
      await page.getByText('Diisi dari booking MPRENEW01. Periksa data bersama pemohon.').waitFor();
      await seen('renewal-0-booking');
      // M-Paspor sends neither the marital status nor the old passport: the officer reads them off.
      await clock.data(form.getByLabel('Status perkawinan'), 'married');
      await clock.data(form.getByLabel('Nomor paspor'), 'B1234567');
    });
    await verifyCaptureInterview(clock, 'Perpanjangan, paspor lama habis berlaku.', 'renewal');
    await seen('renewal-3-interviewed');
    // The window restarts mid-visit (outside the count): after logging in again, the ticket at the counter
    // still knows its application, and opens it at the step it had reached.
    await page.reload();
    await login(page, 'petugas', officerPassword);
    await seeHeading(page, 'Loket 3');
    expect(await page.getByTestId('queue-current').textContent()).toBe('L3A-001');
    await page.getByRole('button', { name: 'Buka permohonan tiket ini' }).click();
    await page.getByTestId('app-number').waitFor();
    await page.getByTestId('counter-strip').locator('[data-state="current"]').getByText('Pembayaran').waitFor();
    expect(await page.getByTestId('counter-strip').locator('[data-state="done"]').count()).toBe(4);
    await submitAndFinish(clock, 'renewal');
    readings.renewal = clock.reading();
    expect(clock.actions).toBeLessThanOrEqual(AIM.renewal);
  });

  it('makes a new passport for a walk-in lansia, paid by SIMPONI billing confirmed at the desk', async () => {
    await issue({ serviceCode: 'PASPOR_PRIORITAS', priorityGroup: 'lansia' });
    const clock = new CounterClock(page);
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await checkIn(clock, async () => {
      // The ticket's priority group came with it; the rest is the applicant's own data.
      expect(await form.getByLabel('Kelompok prioritas').inputValue()).toBe('lansia');
      await typeApplicant(form, {
        nik: composeNik({ region: '337410', birthDate: '1958-02-11', sex: 'F', serial: 5 }),
        birthDate: '11/02/1958',
        sex: 'F',
      });
      await seen('walkin-0-form');
    });
    await verifyCaptureInterview(clock, 'Paspor pertama, kunjungan keluarga di Malaysia.', 'walkin');
    // SIMPONI's billing code from the applicant's slip; central is away, so a supervisor confirms the bank proof.
    await clock.key('Control+5', () => page.waitForFunction(() => document.activeElement?.getAttribute('inputmode') === 'numeric'));
    await page.keyboard.type('820126113000456');
    await clock.key('Enter', () => page.getByText(/8201 2611 3000 456 · Belum dibayar/).waitFor());
    await clock.click(page.getByRole('button', { name: 'Pusat tidak terjangkau: konfirmasi manual' }), 'manual confirmation', () =>
      page.getByLabel('Bukti (NTPN atau referensi bank)').waitFor(),
    );
    await clock.data(page.getByLabel('Bukti (NTPN atau referensi bank)'), 'NTPN 0123456789ABCDEF');
    await approveAsSupervisor(clock, 'Bukti setoran bank diperiksa', () => page.getByText(/8201 2611 3000 456 · Lunas/).waitFor());
    await seen('walkin-3-paid');
    await submitAndFinish(clock, 'walkin');
    readings.walkIn = clock.reading();
    expect(clock.actions).toBeLessThanOrEqual(AIM.walkIn);
  });

  it("replaces a lost passport with the fee waived on a supervisor's approval", async () => {
    await issue({ serviceCode: 'PASPOR_PRIORITAS' });
    const clock = new CounterClock(page);
    const form = page.getByRole('form', { name: 'Pendaftaran: permohonan baru' });
    await checkIn(clock, async () => {
      await clock.data(form.getByLabel('Alasan', { exact: true }), 'lost');
      await typeApplicant(form, {
        nik: composeNik({ region: '337410', birthDate: '1996-09-23', sex: 'M', serial: 7 }),
        birthDate: '23/09/1996',
        sex: 'M',
      });
      await clock.data(form.getByLabel('Nomor paspor'), 'C7654321');
    });
    await verifyCaptureInterview(clock, 'BAP: paspor hilang di terminal, surat kehilangan polisi ada.', 'lost');
    await clock.key('Control+5', () => page.waitForFunction(() => document.activeElement?.getAttribute('inputmode') === 'numeric'));
    await clock.click(page.getByRole('button', { name: 'Bebaskan biaya' }), 'waive', () => page.getByLabel('Alasan pembebasan').waitFor());
    await clock.data(page.getByLabel('Alasan pembebasan'), 'Pekerja migran, dibebaskan menurut peraturan');
    await approveAsSupervisor(clock, 'Pembebasan sesuai peraturan', () =>
      page
        .getByText(/Dibebaskan/)
        .first()
        .waitFor(),
    );
    await seen('lost-3-waived');
    await submitAndFinish(clock, 'lost');
    readings.lost = clock.reading();
    expect(clock.actions).toBeLessThanOrEqual(AIM.lost);
  });
});

/** The applicant's own data on the walk-in form (typed, so not counted). */
async function typeApplicant(form: ReturnType<Page['getByRole']>, a: { nik: string; birthDate: string; sex: 'M' | 'F' }): Promise<void> {
  await form.getByLabel('NIK').fill(a.nik);
  await form.getByLabel('Nama lengkap (sesuai KTP)').fill(a.sex === 'F' ? 'SRI WAHYUNI' : 'AGUS PRATAMA');
  await form.getByLabel('Tempat lahir').fill('KENDAL');
  await form.getByLabel('Tanggal lahir').fill(a.birthDate);
  await form.getByLabel('Jenis kelamin').selectOption(a.sex);
  await form.getByLabel('Status perkawinan').selectOption('married');
  await form.getByLabel('Alamat').fill('Jl. Pemuda No. 3, Kendal');
  await form.getByLabel('Nomor ponsel').fill('0813 2222 3333');
}

/** The supervisor at the officer's side types their own name and password (not the officer's action) and approves. */
async function approveAsSupervisor(clock: CounterClock, reason: string, settled: () => Promise<unknown>): Promise<void> {
  await page.getByLabel('Nama pengguna supervisor').fill('kepala');
  await page.getByLabel('Kata sandi supervisor').fill(supervisorPassword);
  await page.getByLabel('Alasan (minimal 5 karakter)').fill(reason);
  await clock.click(page.getByRole('button', { name: 'Setujui' }), 'approve', settled);
}
