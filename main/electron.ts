// Electron's entry point (bundled to out/main/electron.cjs). Everything lives in main/host/electron-app.ts
// so tests can drive the shell against a fake 'electron' module.
import { app } from 'electron';
import { startShell } from './host/electron-app.js';
import { restrictUmask } from './core/kernel/file-modes.js';

// Everything the shell creates (databases, the embedded central's files, logs, keys) is this account's only.
restrictUmask();

startShell().catch((err: unknown) => {
  // Before the shell has its log file, stderr is the only place left to say why Loket did not start.
  console.error('[loket] the shell failed to start', err);
  app.exit(1);
});
