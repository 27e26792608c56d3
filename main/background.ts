// What runs beside core in either host: the central system (embedded unless one is configured), the
// sync client and the biometric device layer. Shared by main/start.ts (web host) and main/electron.ts.
import type { Core } from './core/core.js';
import type { KeyWrapper } from './core/kernel/crypto/key-wrapper.js';
import { startExpirySweep } from './core/applications/expiry.js';
import { installBiometrics } from './devices/biometrics-install.js';
import { startSync, type KeyStore, type SyncClient } from './sync/index.js';
import { installCentralQueue } from './sync/queue-client.js';
import { startEmbeddedCentral, type EmbeddedCentral } from '../server/embedded.js';
import { join } from 'node:path';
import { securePrivateDir } from './core/kernel/file-modes.js';

export interface BackgroundOptions {
  /** LOKET_CENTRAL_URL; without it an embedded central runs in <data>/central so one machine is a whole office. */
  centralUrl?: string | undefined;
  keyWrapper: KeyWrapper;
  /** The sync signing key's store; the web host's default is a 0600 file in the data folder. */
  keyStore?: KeyStore;
}

export interface Background {
  sync: SyncClient;
  central: EmbeddedCentral | undefined;
  /** One line for the console: which central this workstation talks to. */
  describe(): string;
  stop(): Promise<void>;
}

export async function startBackground(core: Core, opts: BackgroundOptions): Promise<Background> {
  const central = opts.centralUrl
    ? undefined
    : await startEmbeddedCentral({ dataDir: core.dataDir, log: core.log.child({ component: 'central' }) });
  // PGlite sets its files to 0666 itself, whatever the umask: tightened once it has made them, and again when it stops.
  const tightenCentral = (): void => {
    if (!central) return;
    const tightened = securePrivateDir(join(core.dataDir, 'central'));
    if (tightened > 0) core.log.info({ tightened }, "the embedded central's files were made private (0600/0700)");
  };
  tightenCentral();
  const sync = await startSync(core, {
    ...(central ? { embedded: { url: central.url, enrolmentCode: central.enrolmentCode } } : { centralUrl: opts.centralUrl }),
    ...(opts.keyStore ? { keyStore: opts.keyStore } : {}),
  });
  // The office queue lives on central; while it cannot be reached core falls back to local mode.
  const stopQueue = installCentralQueue(core, () => sync.transport);
  const biometrics = installBiometrics(core, { keyWrapper: opts.keyWrapper, trainingSimulator: true });
  // Uncollected passports expire after 30 days without waiting for a supervisor to press a button.
  const stopExpiry = startExpirySweep(core);
  const centralOrigin = central ? central.url : opts.centralUrl ? new URL(opts.centralUrl).origin : undefined;
  core.log.info({ central: centralOrigin, embedded: central !== undefined }, 'central, sync and devices started');
  return {
    sync,
    central,
    describe: () => (central ? `embedded central at ${central.url} (data in ${core.dataDir}/central)` : `central at ${opts.centralUrl}`),
    async stop() {
      stopExpiry();
      stopQueue();
      await biometrics.close();
      await sync.stop();
      await central?.close();
      tightenCentral();
    },
  };
}
