// What runs beside core in the Electron shell, as main/start.ts does for the web host: the central
// (embedded unless LOKET_CENTRAL_URL names one), background sync and the biometric device layer, with
// every secret sealed by safeStorage. Sync is woken when the network returns and after sleep.
import { net, powerMonitor } from 'electron';
import { startBackground, type Background } from '../background.js';
import type { Core } from '../core/core.js';
import { safeStorageKeyStore, safeStorageKeyWrapper } from './electron-keys.js';

/** How often the shell asks the OS whether the network is up (Electron's main process has no 'online' event). */
export const ONLINE_POLL_MS = 2_000;

export interface ShellBackgroundOptions {
  platform: NodeJS.Platform;
  centralUrl?: string | undefined;
  onlinePollMs?: number;
  /** Replaceable in tests; the real one is main/background.ts. */
  start?: typeof startBackground;
}

export interface ShellBackground {
  background: Background;
  stop(): Promise<void>;
}

/** Calls `kick` when the network comes back (offline -> online) and when the computer wakes. */
export function watchWake(kick: () => void, pollMs = ONLINE_POLL_MS): () => void {
  let online = net.isOnline();
  const timer = setInterval(() => {
    const now = net.isOnline();
    if (now && !online) kick();
    online = now;
  }, pollMs);
  timer.unref?.();
  const onResume = (): void => kick();
  powerMonitor.on('resume', onResume);
  return () => {
    clearInterval(timer);
    powerMonitor.removeListener('resume', onResume);
  };
}

export async function startShellBackground(core: Core, opts: ShellBackgroundOptions): Promise<ShellBackground> {
  const start = opts.start ?? startBackground;
  const background = await start(core, {
    centralUrl: opts.centralUrl,
    keyWrapper: safeStorageKeyWrapper(opts.platform),
    keyStore: safeStorageKeyStore(core.dataDir, opts.platform),
  });
  let unwatch: () => void;
  try {
    unwatch = watchWake(() => background.sync.kick(), opts.onlinePollMs);
  } catch (err) {
    await background.stop();
    throw err;
  }
  return {
    background,
    async stop() {
      unwatch();
      await background.stop();
    },
  };
}
