// `npm start`: the Electron window where Electron is installed; otherwise the same app through the
// web host on 127.0.0.1, with one line saying where to open it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBackground } from './background.js';
import { Core } from './core/core.js';
import { KeyFileWrapper } from './core/kernel/crypto/key-wrapper.js';
import { defaultDataDir } from './data-dir.js';
import { restrictUmask } from './core/kernel/file-modes.js';
import { openChromium } from './host/web-browser.js';
import { startWebHost } from './host/web-host.js';
import { openWorkstationLog } from './logging.js';

const appRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

function electronBinary(): string | undefined {
  if (process.env.LOKET_WEB === '1') return undefined;
  try {
    const path = createRequire(import.meta.url)('electron') as unknown;
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined; // installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1
  }
}

async function main(): Promise<void> {
  // Everything this process creates (databases, the embedded central's files, logs, keys) is this account's only.
  restrictUmask();
  const electron = electronBinary();
  if (electron) {
    const run = spawnSync(electron, [appRoot], { stdio: 'inherit' });
    process.exit(run.status ?? 0);
  }
  const dataDir = defaultDataDir();
  const log = await openWorkstationLog(dataDir);
  const core = Core.open({ dataDir, log, keyWrapper: new KeyFileWrapper(dataDir) });
  core.startIdleSweep();
  const background = await startBackground(core, {
    centralUrl: process.env.LOKET_CENTRAL_URL || undefined,
    keyWrapper: new KeyFileWrapper(dataDir),
  });
  const port = process.env.LOKET_PORT ? Number(process.env.LOKET_PORT) : 0;
  const host = await startWebHost({ core, rendererDir: join(appRoot, 'out', 'renderer'), port });
  log.info({ host: 'web' }, 'Loket started');
  // For the person who ran `npm start`: where to open Loket (the log file is for everything else).
  console.log(`Loket is running at ${host.openUrl()}`);
  console.log(
    `(no Electron binary here: serving the app through the web host, whose address above opens once; data in ${dataDir}; ${background.describe()}; Ctrl+C stops)`,
  );
  openChromium(host.openUrl(), dataDir);
  const stop = async (): Promise<void> => {
    await host.close();
    await background.stop();
    core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

void main();
