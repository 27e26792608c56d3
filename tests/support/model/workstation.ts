// A real workstation core (SQLite in a temp folder), set up, enrolled with a test central, and driven
// by a sync client that the test runs by hand (no background loops) unless asked otherwise.
import { setUp, tempCore, type TempCore } from '../core.js';
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
    adminToken,
    client,
    cleanup: async () => {
      await client.stop();
      t.cleanup();
    },
  };
}
