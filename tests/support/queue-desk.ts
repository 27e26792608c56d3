// A workstation core whose queue talks to a real test central over the signed transport, with a switch
// that makes central unreachable (connection refused) and back, for the local-mode and offline tests.
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
  const stop = installCentralQueue(t.core, () => transport, { longPollMs: 2_000, retryMs: 100 });
  return desk;
}
