// A sync cycle ("Sync now", the end of day reading the office) does not wait behind the desk's own
// background long poll: it interrupts it, pulls, and the poll starts again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { userSession } from '../support/core.js';
import { walkInDraft } from '../support/applications-fixtures.js';

// The longest hold central allows.
const LONG_POLL_MS = 60_000;
let central: TestCentral;
let desk: TestWorkstation;
let officer: string;

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  desk = await startWorkstation(central, { background: true, longPollMs: LONG_POLL_MS });
  officer = await userSession(desk.t, desk.adminToken, 'petugas1', 'officer');
});
afterAll(async () => {
  await desk?.cleanup();
  await central?.close();
});

describe('a sync cycle beside the background long poll', () => {
  it('finishes while the long poll would still be holding, and the desk keeps receiving afterwards', async () => {
    for (let i = 0; i < 3; i++) {
      await desk.t.value('applications.create', { draft: walkInDraft({ fullName: 'Dewi Lestari' }) }, officer);
      // Wait until the background loops have sent it and gone back to waiting on central.
      await expect
        .poll(() => desk.t.core.liveDb.prepare("SELECT count(*) FROM outbox WHERE status = 'pending'").pluck().get(), { timeout: 20_000 })
        .toBe(0);
      await expect.poll(() => central.central.deps.notifier.waiting('banyumanik'), { timeout: 20_000 }).toBeGreaterThan(0);
      const outcome = await Promise.race([
        desk.client.runCycle().then(() => 'cycle done'),
        new Promise<string>((resolve) => setTimeout(() => resolve('still waiting behind the long poll'), LONG_POLL_MS / 3)),
      ]);
      expect(outcome).toBe('cycle done');
    }
    // The interrupted poll started again on its own.
    await expect.poll(() => central.central.deps.notifier.waiting('banyumanik'), { timeout: 20_000 }).toBeGreaterThan(0);
  }, 180_000);
});
