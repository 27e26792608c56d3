// A workstation core whose queue talks to a real test central over the signed transport, with a switch
// that makes central unreachable (connection refused) and back, for the local-mode and offline tests.
import { syncRoutes } from '@common/central/routes.js';
import type { Db } from '@db/connection.js';
import { pendingOps } from '@db/queries/sync/sync-outbox.js';
import { toWire } from '@main/sync/push.js';
import { installCentralQueue } from '@main/sync/queue-client.js';
import { Transport } from '@main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from './model/central.js';
import { enrolIdentity } from './model/signed.js';
import { setUp, tempCore, userSession, type TempCore } from './core.js';

export interface QueueDesk {
  central: TestCentral;
  t: TempCore;
  officer: string;
  supervisor: string;
  /** false: every request to central fails as a refused connection. */
  reachable: boolean;
  /** The path and query of every request sent to central, in order (long polls included). */
  requests: string[];
  close(): Promise<void>;
}

/**
 * The desk's own set-up op (its first), pushed as its sync client would: central then knows which counter
 * the desk is, as the live floor needs. For harnesses that give a desk central's queue without its sync.
 */
export async function pushSetUpOp(db: Db, transport: Transport, officeCode = 'banyumanik'): Promise<void> {
  const [setup] = pendingOps(db, 1);
  if (setup?.op !== 'setup.initialize') throw new Error(`The desk's first op is ${setup?.op ?? 'missing'}, not its set-up`);
  await transport.call(syncRoutes.push, { body: { officeCode, ops: [toWire(db, setup)] } });
}

export async function startQueueDesk(): Promise<QueueDesk> {
  const central = await startTestCentral(preferredStore());
  const identity = await enrolIdentity(central, 'banyumanik', 'LOKET-03');
  const t = tempCore(Date.now());
  const admin = await setUp(t);
  const officer = await userSession(t, admin, 'petugas', 'officer');
  const supervisor = await userSession(t, admin, 'spv', 'supervisor');
  const desk: QueueDesk = {
    central,
    t,
    officer,
    supervisor,
    reachable: true,
    requests: [],
    close: async () => {
      stop();
      t.cleanup();
      await central.close();
    },
  };
  const transport = new Transport({
    baseUrl: central.url,
    identity,
    fetch: (url, init) => {
      const u = new URL(url);
      desk.requests.push(`${u.pathname}${u.search}`);
      return desk.reachable ? fetch(url, init) : Promise.reject(new Error('connect ECONNREFUSED'));
    },
  });
  await pushSetUpOp(t.core.db, transport);
  const stop = installCentralQueue(t.core, () => transport, { longPollMs: 2_000, retryMs: 100 });
  return desk;
}
