// A real workstation core (SQLite in a temp folder), set up into its office at a test central, and
// driven by a sync client that the test runs by hand (no background loops) unless asked otherwise.
import { ADMIN_PASSWORD, tempCore, type TempCore } from '../core.js';
import { startSync, type StartSyncOptions } from '@main/sync/index.js';
import type { SyncClient } from '@main/sync/client.js';
import { adminRoutes } from '@common/central/routes.js';
import type { TestCentral } from './central.js';
import type { Log } from '@main/core/log.js';

export interface TestWorkstation {
  t: TempCore;
  adminToken: string;
  client: SyncClient;
  cleanup(): Promise<void>;
}

export async function enrolmentCode(central: TestCentral, officeCode: string): Promise<string> {
  return (await central.admin(adminRoutes.enrolmentCode, { body: { officeCode } })).code;
}

/**
 * A desk of `office`, set up as a real one is: the first desk of an office starts it (its admin is made at
 * central), every later one joins with a code and pulls the office's accounts, so `admin` is the office's
 * admin on every desk of it.
 */
export async function startWorkstation(
  central: TestCentral,
  opts: { office?: string; name?: string; counter?: number; log?: Log } & StartSyncOptions = {},
): Promise<TestWorkstation> {
  const { office = 'banyumanik', name = 'LOKET-01', counter = 3, log, ...syncOpts } = opts;
  const t = tempCore(Date.now(), { log });
  const client = await startSync(t.core, { background: false, centralUrl: central.url, ...syncOpts });
  const profile = { officeCode: office, workstationName: name, counterNumber: counter, language: 'id' as const };
  const started = await t.call('setup.initialize', {
    ...profile,
    mode: 'new',
    admin: { username: 'admin', fullName: 'Rina Admin', password: ADMIN_PASSWORD },
    enrolmentCode: await enrolmentCode(central, office),
  });
  if (!started.ok) {
    if ((started.error.details as { reason?: string } | undefined)?.reason !== 'setup.officeHasAccounts')
      throw new Error(`setup failed: ${started.error.code} ${started.error.message}`);
    // Enrolled by the refused try already: it joins the office without another code.
    await t.value('setup.initialize', { ...profile, mode: 'join' });
  }
  const adminToken = (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
  await client.runCycle();
  return {
    t,
    adminToken,
    client,
    cleanup: async () => {
      await client.stop();
      t.cleanup();
    },
  };
}
