// The embedded central that `npm start` runs beside the workstation when no central URL is configured:
// a new user gets a working office on one machine. PGlite in <workstation data>/central.
import { join } from 'node:path';
import { createCentral, type CentralLog } from './app.js';
import { createEnrolmentCode } from './admin/ops.js';
import { loadAdminToken } from './config.js';

export interface EmbeddedCentral {
  url: string;
  adminToken: string;
  /** A fresh single-use code, for the workstation beside it to enrol itself without an administrator. */
  enrolmentCode(officeCode: string): Promise<string>;
  close(): Promise<void>;
}

export async function startEmbeddedCentral(opts: {
  dataDir: string;
  port?: number;
  databaseUrl?: string;
  /** The workstation's log: the embedded central writes into the same file. */
  log?: CentralLog;
}): Promise<EmbeddedCentral> {
  const dir = join(opts.dataDir, 'central');
  const { token } = loadAdminToken(dir, {});
  const central = await createCentral({ dataDir: dir, adminToken: token, databaseUrl: opts.databaseUrl, log: opts.log });
  const url = await central.listen({ host: '127.0.0.1', port: opts.port ?? 0 });
  return {
    url,
    adminToken: token,
    enrolmentCode: async (officeCode) => (await createEnrolmentCode(central.deps, officeCode, 1)).code,
    close: () => central.close(),
  };
}
