// What the hosts wire in (main/start.ts and the Electron host use it):
//   const sync = await startSync(core, { centralUrl: process.env.LOKET_CENTRAL_URL });
//   // or, with no central configured: const central = await startEmbeddedCentral({ dataDir });
//   //   startSync(core, { embedded: { url: central.url, enrolmentCode: central.enrolmentCode } })
//   ... await sync.stop() on shutdown.
import { join } from 'node:path';
import type { Core } from '../core/core.js';
import { SyncClient, type SyncClientOptions } from './client.js';
import { FileKeyStore, type KeyStore } from './keystore.js';

export const KEY_FILE = 'sync-key.pem';

export type StartSyncOptions = Omit<SyncClientOptions, 'keyStore'> & { keyStore?: KeyStore };

/** Starts the background sync of the live database. The web host's key is a 0600 file in the data folder. */
export function startSync(core: Core, opts: StartSyncOptions = {}): Promise<SyncClient> {
  return SyncClient.start(core, { ...opts, keyStore: opts.keyStore ?? new FileKeyStore(join(core.dataDir, KEY_FILE)) });
}

export { SyncClient } from './client.js';
export { TrainingRefused } from './errors.js';
export { EncryptedFileKeyStore, FileKeyStore, type KeyStore, type StringCipher } from './keystore.js';
export { SyncHttpError } from './transport.js';
