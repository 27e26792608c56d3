// The supervisor's analytics in Chromium: training history generated from the screen, each of the
// four views opened, and their charts exported as PNG and CSV files a user would download.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { downloaded, shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { login } from '../support/e2e/workstation.js';

const PASSWORD = 'Latihan2026';
let app: E2eApp;
let page: Page;

beforeAll(async () => {
  app = await startApp('analytics');
  await app.call('setup.enterTraining', {});
  ({ page } = await app.open());
});
afterAll(async () => {
  await app?.close();
});

const saved = (click: () => Promise<void>) => downloaded(page, click);

const card = (testId: string) => page.getByTestId(testId);
const exportFrom = (testId: string, kind: 'PNG' | 'CSV') =>
  saved(() =>
    card(testId)
      .getByRole('button', { name: `Unduh ${kind}` })
      .click(),
  );

/** A real PNG, drawn at a chart's size (IHDR width and height), with more than a blank canvas in it. */
function expectChartPng(bytes: Buffer): void {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.readUInt32BE(16)).toBeGreaterThan(300);
  expect(bytes.readUInt32BE(20)).toBeGreaterThan(200);
  expect(bytes.length).toBeGreaterThan(8_000);
}

describe('supervisor analytics', { timeout: 120_000 }, () => {
  it('opens from the desk and fills practice history in training mode', async () => {
    await login(page, 'supervisor', PASSWORD);
    await page.getByRole('button', { name: 'Buka analitik' }).click();
    await page.getByRole('heading', { level: 1, name: 'Analitik antrean' }).waitFor();
    expect(page.url()).toMatch(/#\/supervisor\/analytics\/heatmap$/);
    await page.getByText('Belum ada riwayat tiket.').waitFor();
    await page.getByRole('button', { name: 'Buat riwayat latihan' }).click();
    // 1 June is Hari Lahir Pancasila and 28-29 November a weekend: the first and last days with tickets.
    await page.getByText(/Riwayat tiket 2026-06-02 s\.d\. 2026-11-27: [\d.]+ tiket\./).waitFor({ timeout: 60_000 });
  });

  it('shows the arrivals heatmap with Monday morning the peak, and exports it', async () => {
    await card('analytics-heatmap')
      .getByText(/Tersibuk: Senin pukul 08:00/)
      .waitFor();
    const monday = card('analytics-heatmap').getByRole('row', { name: /^Senin/ });
    expect(await monday.getByRole('cell').count()).toBe(7);
    await shot(page, '70-analytics-heatmap');
    const png = await exportFrom('analytics-heatmap', 'PNG');
    expect(png.name).toMatch(/^kedatangan-\d{4}-\d{2}-\d{2}-2026-11-29\.png$/);
    expectChartPng(png.bytes);
    const csv = await exportFrom('analytics-heatmap', 'CSV');
    const lines = csv.bytes
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Hari,08:00,09:00,10:00,11:00,12:00,13:00,14:00,Hari buka');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat']);
  });

  it('shows service-time percentiles per service and a histogram per chosen service', async () => {
    await page.keyboard.press('Alt+2');
    const times = card('analytics-service-times');
    await times.getByRole('row', { name: /Izin tinggal terbatas \(ITAS\) 1 tahun/ }).waitFor();
    await page.getByLabel('Layanan', { exact: true }).selectOption('ITAS_1T');
    await shot(page, '71-analytics-service-times');
    expectChartPng((await exportFrom('analytics-service-times', 'PNG')).bytes);
    const csv = (await exportFrom('analytics-service-times', 'CSV')).bytes.toString('utf8');
    expect(csv).toContain('Layanan,kode,n,Rata-rata (detik),p50,p80,p90,p95');
    expect(csv).toMatch(/Histogram Izin tinggal terbatas \(ITAS\) 1 tahun/);
  });

  it('forecasts 10 working days with the backtest error shown and exported', async () => {
    await page.getByRole('link', { name: 'Prakiraan' }).click();
    const backtest = page.getByTestId('analytics-backtest');
    await backtest.waitFor();
    expect(await backtest.textContent()).toMatch(/^Galat uji mundur: MAE [\d,]+ kedatangan per jam, MAPE [\d,]+%/);
    // 30 Nov 2026 to 11 Dec 2026: ten working days, none closed.
    expect(await card('analytics-forecast').locator('tbody tr').count()).toBe(10);
    await shot(page, '72-analytics-forecast');
    expectChartPng((await exportFrom('analytics-forecast', 'PNG')).bytes);
    const csv = (await exportFrom('analytics-forecast', 'CSV')).bytes.toString('utf8');
    expect(csv).toMatch(/\r\n2026-11-30,08:00,[\d.]+,\r\n/);
    expect(csv).toMatch(/\r\nMAPE %,[\d.]+\r\n/);
  });

  it('plans counters and appointment quotas per hour, recalculated from the form', async () => {
    await page.getByRole('link', { name: 'Kebutuhan loket' }).click();
    const staffing = card('analytics-staffing');
    await staffing.getByRole('row', { name: /^08:00/ }).waitFor();
    const quotaAt8 = async () =>
      Number(
        await staffing
          .getByRole('row', { name: /^08:00/ })
          .getByRole('cell')
          .last()
          .textContent(),
      );
    const before = await quotaAt8();
    await page.getByLabel('Loket tersedia').fill('14');
    await page.keyboard.press('Enter');
    await expect.poll(quotaAt8).toBeGreaterThan(before);
    await page.getByText(/14 loket sanggup melayani \d+ kedatangan per jam/).waitFor();
    await shot(page, '73-analytics-staffing');
    expectChartPng((await exportFrom('analytics-staffing', 'PNG')).bytes);
    const csv = (await exportFrom('analytics-staffing', 'CSV')).bytes.toString('utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFJam,Kedatangan,Erlang,Loket dibuka,Petugas dijadwalkan,Tingkat layanan,Dengan 14 loket,Rata-rata tunggu,Kuota janji temu',
    );
  });

  it('speaks English too', async () => {
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Queue analytics' }).waitFor();
    await page.getByRole('columnheader', { name: 'Appointment quota' }).waitFor();
    await page.getByRole('banner').getByRole('button', { name: 'Bahasa Indonesia' }).click();
  });
});
