// A counter in Chromium serving central's ticket when central goes away: F5 still finishes it, the panel
// says the finish waits for central, and once central is back the list empties and central has the
// ticket finished with the counter free.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { installCentralQueue } from '@main/sync/queue-client.js';
import { Transport } from '@main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolIdentity } from '../support/model/signed.js';
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
  app = await startApp('queue-outage');
  await setUpByCore(app);
  const password = await accountByCore(app, 'petugas1', 'officer', ['PENGAMBILAN']);
  officer = (await app.call('auth.login', { username: 'petugas1', password })).sessionToken;
  const transport = new Transport({
    baseUrl: central.url,
    identity,
    fetch: (url, init) => (reachable ? fetch(url, init) : Promise.reject(new Error('connect ECONNREFUSED'))),
  });
  stop = installCentralQueue(app.core, () => transport, { longPollMs: 2_000, retryMs: 200 });
  ({ page } = await app.open());
  await login(page, 'petugas1', password);
});
afterAll(async () => {
  stop?.();
  await app?.close();
  await central?.close();
});

describe("central's ticket across an outage", { timeout: 90_000 }, () => {
  it('finishes with F5 while central is away, lists the finish as waiting, and settles it when central is back', async () => {
    const issued = await app.call('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    await seeHeading(page, 'Loket 3');
    await page.keyboard.press('F1');
    // A collection ticket opens the hand-over, the ticket in the strip above it.
    await seeHeading(page, 'Serah terima paspor');
    await expect.poll(() => page.getByTestId('strip-ticket').textContent()).toBe(issued.ticket.number);
    await page.keyboard.press('F5');
    await page.getByTestId('counter-strip').getByText('Dilayani').waitFor();

    reachable = false;
    // Past F5's repeat guard; nothing was handed over, so finishing asks first.
    await expect.poll(() => page.locator('button[data-key="F5"]').isDisabled()).toBe(false);
    await page.keyboard.press('F5');
    await page.getByRole('alertdialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByText('Tekan F1 untuk memanggil antrean berikutnya.').waitFor();
    const pending = page.getByTestId('queue-pending');
    await pending.getByText('Menunggu pusat').waitFor();
    expect(await pending.innerText()).toMatch(
      new RegExp(`${issued.ticket.number}: selesai pukul \\d\\d:\\d\\d WIB, belum sampai di pusat`),
    );
    await shot(page, '63-queue-pending-finish');

    reachable = true;
    await expect.poll(() => page.getByTestId('queue-pending').count(), { timeout: 15_000 }).toBe(0);
    const row = await central.central.deps.store.query<{ status: string }>('SELECT status FROM tickets WHERE id = $1', [issued.ticket.id]);
    expect(row).toEqual([{ status: 'done' }]);
    expect((await app.call('queue.current', {}, officer)).ticket).toBeNull();
  });
});
