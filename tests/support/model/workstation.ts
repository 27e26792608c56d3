// A real workstation core (SQLite in a temp folder), set up, enrolled with a test central, and driven
// by a sync client that the test runs by hand (no background loops) unless asked otherwise.
import { ADMIN_PASSWORD, setUp, tempCore, type TempCore } from '../core.js';
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

export async function startWorkstation(
  central: TestCentral,
  opts: { office?: string; name?: string; log?: Log } & StartSyncOptions = {},
): Promise<TestWorkstation> {
  const { office = 'banyumanik', name = 'LOKET-01', log, ...syncOpts } = opts;
  const t = tempCore(Date.now(), { log });
  const adminToken = await setUp(t);
  if (office !== 'banyumanik' || name !== 'LOKET-01') {
    t.core.liveDb.prepare("UPDATE settings SET value = ? WHERE key = 'office_code'").run(office);
    t.core.liveDb.prepare("UPDATE settings SET value = ? WHERE key = 'workstation_name'").run(name);
  }
  const client = await startSync(t.core, { background: false, ...syncOpts });
  await client.enrol(central.url, await enrolmentCode(central, office));
  return {
    t,
    adminToken: await officeAdmin(t, client, adminToken),
    client,
    cleanup: async () => {
      await client.stop();
      t.cleanup();
    },
  };
}

/**
 * The first desk of an office brings its setup admin to central as the office's first account. A later
 * desk's setup admin is its own and unknown at central; the office's accounts arrive with the first pull
 * (central's 'admin' takes the name, the local one is set aside), and the desk works as the office's admin,
 * as a real second desk would.
 */
async function officeAdmin(t: TempCore, client: SyncClient, setupToken: string): Promise<string> {
  await client.runCycle();
  if ((await t.call('auth.session', {}, setupToken)).ok) return setupToken;
  return (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
}
