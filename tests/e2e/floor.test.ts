// The supervisor's live floor in Chromium against a real central: it opens from the desk, changes by
// itself when a counter calls (pushed through the board's long poll, no polling), follows the target
// the supervisor types, and says so plainly when central cannot be reached: the last numbers stay, no
// longer called live, with their age.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { installCentralQueue } from '@main/sync/queue-client.js';
import { Transport } from '@main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolIdentity } from '../support/model/signed.js';
import { pushSetUpOp } from '../support/queue-desk.js';
import { shot, startApp, type E2eApp } from '../support/e2e/app.js';
import { accountByCore, login, seeHeading, setUpByCore } from '../support/e2e/workstation.js';

let app: E2eApp;
let central: TestCentral;
let page: Page;
let officer: string;
let reachable = true;
let stop: () => void;
const rid = () => randomUUID().replace(/-/g, '');

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  const identity = await enrolIdentity(central, 'banyumanik', 'LOKET-03');
  app = await startApp('floor');
  await setUpByCore(app);
  const spv = await accountByCore(app, 'spv1', 'supervisor');
  const officerPassword = await accountByCore(app, 'petugas1', 'officer', ['PENGAMBILAN']);
  officer = (await app.call('auth.login', { username: 'petugas1', password: officerPassword })).sessionToken;
  const transport = new Transport({
    baseUrl: central.url,
    identity,
    fetch: (url, init) => (reachable ? fetch(url, init) : Promise.reject(new Error('connect ECONNREFUSED'))),
  });
  // Central learns this desk is counter 3 from its set-up op (a counter no desk is set up as stays off the floor).
  await pushSetUpOp(app.core.db, transport);
  stop = installCentralQueue(app.core, () => transport, { longPollMs: 2_000, retryMs: 200 });
  await app.call('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
  await app.call('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
  ({ page } = await app.open());
  await login(page, 'spv1', spv);
});
afterAll(async () => {
  stop?.();
  await app?.close();
  await central?.close();
});

const tile = (id: string) => page.getByTestId(`floor-${id}`).locator('.floor-tile__value');
const counterRow = (n: number) => page.locator(`tr[data-counter="${n}"]`);

describe('live floor', { timeout: 90_000 }, () => {
  it('opens from the supervisor desk with the office queue from central', async () => {
    await seeHeading(page, 'Meja supervisor');
    await page.getByRole('button', { name: 'Buka lantai layanan' }).click();
    await seeHeading(page, 'Lantai layanan');
    await page.getByTestId('floor-live').waitFor();
    await expect.poll(() => tile('waiting').textContent()).toBe('2');
    expect(await page.locator('tr[data-service="PENGAMBILAN"]').innerText()).toMatch(/C · Pengambilan paspor\s+2/i);
    expect(await counterRow(3).innerText()).toContain('Kosong');
    // Counters 1, 2 and 4 are configured but no desk is set up as them: not listed as open and idle.
    expect(await page.locator('tr[data-counter]').count()).toBe(1);
    expect(await tile('service-level').textContent()).toBe('–');
  });

  it('changes by itself after a counter calls', async () => {
    await app.call('queue.callNext', { requestId: rid() }, officer);
    await expect.poll(() => tile('waiting').textContent()).toBe('1');
    await counterRow(3).getByText('Memanggil C-001').waitFor();
    // Called at once: well within the 30-minute target.
    expect(await tile('service-level').textContent()).toBe('100%');
    expect(await page.getByTestId('floor-service-level').innerText()).toContain('Dipanggil ≤ 30 menit');
    await shot(page, '70-floor');
  });

  it('takes the target the supervisor types, refusing one out of range', async () => {
    const target = page.getByLabel('Target panggil (menit)');
    await target.fill('0');
    await target.press('Enter');
    await page.getByText('Isi bilangan bulat 1–240 menit.').waitFor();
    await target.fill('15');
    await target.press('Enter');
    await page.getByText('Dipanggil ≤ 15 menit').waitFor();
  });

  it('says central is out of reach and stops calling its last numbers live, then comes back by itself', async () => {
    reachable = false;
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByRole('alert').filter({ hasText: 'Server pusat tidak terjangkau' }).waitFor();
    await page.getByTestId('floor-unconfirmed').waitFor();
    expect(await page.getByTestId('floor-unconfirmed').innerText()).toMatch(/Tidak langsung: diperbarui/);
    expect(await page.getByTestId('floor-live').count()).toBe(0);
    expect(await tile('waiting').textContent()).toBe('1');
    await shot(page, '71-floor-offline');
    reachable = true;
    // The floor refetches without a click: the board's long poll pushes again, or the slow offline retry.
    await page.getByTestId('floor-live').waitFor();
    await expect.poll(() => tile('waiting').textContent()).toBe('1');
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
