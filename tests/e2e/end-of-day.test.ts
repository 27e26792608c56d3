// End of day in Chromium: the supervisor opens the day's report from the desk, sees services by name and
// the office's queue tickets per service and officer, is told to note the unpaid application and to sync
// first, notes it, signs off with the password, and downloads the signed PDF (read back with pdftotext)
// and the CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { composeNik } from '@common/domain/applications/nik.js';
import { applyPulled } from '@main/core/replication/apply.js';
import { downloaded, shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { pdfText } from '../support/pdf.js';
import { accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let page: Page;
let supervisorPassword: string;
let number: string;

beforeAll(async () => {
  app = await startApp('end-of-day');
  await setUpByCore(app);
  const officerPassword = await accountByCore(app, 'petugas', 'officer');
  supervisorPassword = await accountByCore(app, 'kepala', 'supervisor');
  const officer = await app.call('auth.login', { username: 'petugas', password: officerPassword });
  const created = await app.call(
    'applications.create',
    {
      draft: {
        serviceCode: 'PASPOR_ELEKTRONIK_10',
        reason: 'new',
        accelerated: false,
        priorityGroup: null,
        applicant: {
          nik: composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 1 }),
          fullName: 'Budi Santoso',
          birthPlace: 'Semarang',
          birthDate: '1990-05-17',
          sex: 'M',
          maritalStatus: 'married',
          address: 'Jl. Setiabudi No. 12, Semarang',
          phone: '0812 3456 7890',
          email: null,
          fatherName: 'Slamet',
          motherName: 'Sri',
          nationality: 'IDN',
          passportNumber: null,
          passportExpiry: null,
          nameChange: false,
        },
      },
    },
    officer.sessionToken,
  );
  number = created.number;
  // Two of the office's tickets as central published them (entity "ticket"): one served by petugas, one waiting.
  const base = {
    day: '2026-11-30',
    serviceCode: 'PENGAMBILAN',
    slotAt: null,
    priorityGroup: null,
    bookingCode: null,
    transferredFrom: null,
  };
  const arrived = Date.UTC(2026, 10, 30, 1, 5);
  const served = {
    ...base,
    number: 'C-001',
    status: 'done',
    arrivedAt: arrived,
    counterId: '1',
    officer: 'petugas',
    calledAt: arrived + 60_000,
    callCount: 1,
    startedAt: arrived + 60_000,
    finishedAt: arrived + 300_000,
    outcome: 'served',
  };
  const waiting = {
    ...base,
    number: 'C-002',
    status: 'waiting',
    arrivedAt: arrived + 1_000,
    counterId: null,
    officer: null,
    calledAt: null,
    callCount: 0,
    startedAt: null,
    finishedAt: null,
    outcome: null,
  };
  applyPulled(app.core, app.core.db, [
    { entity: 'ticket', entityId: 'e2e-t1', version: 2, data: served, deleted: false },
    { entity: 'ticket', entityId: 'e2e-t2', version: 1, data: waiting, deleted: false },
  ]);
  ({ page } = await app.open());
});
afterAll(async () => {
  await app?.close();
});

const saved = (click: () => Promise<void>) => downloaded(page, click);

describe('end of day at the supervisor desk', { timeout: 120_000 }, () => {
  it('shows the day with its discrepancy and says what blocks the sign-off', async () => {
    await login(page, 'kepala', supervisorPassword);
    await page.getByRole('button', { name: 'Buka akhir hari' }).click();
    await seeHeading(page, 'Akhir Hari');
    expect(page.url()).toMatch(/#\/supervisor\/end-of-day$/);
    await expect.poll(() => page.getByLabel('Hari layanan').inputValue()).toBe('30/11/2026');
    const row = page.getByRole('table', { name: 'Selisih' }).getByRole('row', { name: new RegExp(number) });
    await row.getByText('Belum dibayar').waitFor();
    await page
      .getByText(/Masih ada selisih tanpa catatan/)
      .first()
      .waitFor();
    await page
      .getByText(/lakukan sinkronisasi/)
      .first()
      .waitFor();
    // Services by name in the officer's language, code beside; the queue per service and per officer.
    await page
      .getByRole('table', { name: 'Per layanan' })
      .getByRole('rowheader', { name: 'Paspor elektronik 10 tahun (PASPOR_ELEKTRONIK_10)' })
      .waitFor();
    const perService = page.getByRole('table', { name: 'Tiket antrean per layanan' });
    expect(
      await perService
        .getByRole('row', { name: /Pengambilan paspor \(PENGAMBILAN\)/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['2', '1', '0', '0', '0', '1']);
    const perOfficer = page.getByRole('table', { name: 'Tiket antrean per petugas' });
    expect(await perOfficer.getByRole('row', { name: 'Petugas petugas (petugas)' }).getByRole('cell').allTextContents()).toEqual([
      '1',
      '1',
      '0',
      '0',
      '0',
      '0',
    ]);
    expect(
      await perOfficer
        .getByRole('row', { name: /Belum dipanggil/ })
        .getByRole('cell')
        .allTextContents(),
    ).toEqual(['1', '0', '0', '0', '0', '1']);
    await shot(page, 'eod-01-report');
    await page.getByLabel('Kata sandi').fill(supervisorPassword);
    await page.getByRole('button', { name: 'Tutup hari' }).click();
    await page
      .getByRole('alert')
      .getByText(/Masih ada selisih tanpa catatan/)
      .waitFor();
  });

  it('takes a note on the discrepancy, then signs off once central has everything', async () => {
    await page.getByLabel(`Catatan untuk ${number}`).fill('Pemohon membayar di bank besok pagi');
    await page.getByRole('button', { name: 'Simpan catatan' }).click();
    await page.getByText('dicatat oleh kepala').waitFor();
    await expect.poll(() => page.getByText(/Masih ada selisih tanpa catatan/).count()).toBe(0);
    // What a completed sync leaves behind: central accepted every op.
    app.core.db.prepare(`UPDATE outbox SET status = 'applied' WHERE status = 'pending'`).run();
    await page.getByLabel('Kata sandi').fill(supervisorPassword);
    await page.getByRole('button', { name: 'Tutup hari' }).click();
    await page.getByText('Hari ini sudah ditutup oleh Petugas kepala.').waitFor();
    expect(await page.getByRole('button', { name: 'Tutup hari' }).count()).toBe(0);
    await shot(page, 'eod-02-closed');
  });

  it('prints the signed report as a PDF and exports it as CSV', async () => {
    const pdf = await saved(() => page.getByRole('button', { name: 'Cetak PDF' }).click());
    expect(pdf.name).toBe('laporan-akhir-hari-banyumanik-2026-11-30.pdf');
    const text = pdfText(pdf.path).replace(/\s+/g, ' ');
    expect(text).toContain('LAPORAN AKHIR HARI');
    // The note wraps in its table cell beside the desk and officer: its words are read in order, not as one line.
    expect(text).toMatch(/Pemohon membayar di bank (\S+ )?besok pagi/);
    const hash = await page.getByText(/^SHA-256: [0-9a-f]{64}$/).textContent();
    expect(text).toContain(hash!);
    const csv = await saved(() => page.getByRole('button', { name: 'Ekspor CSV' }).click());
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('bagian,kunci,label,status,jumlah,seharusnya,pusat,manual,dibebaskan,catatan');
    expect(lines.some((l) => l.startsWith('discrepancy,') && l.includes(number) && l.endsWith('Pemohon membayar di bank besok pagi'))).toBe(
      true,
    );
  });
});
