// Where `npm start` opens the web host in Debian's Chromium. Any local account can read a process's
// command line (/proc/PID/cmdline), so the address given to Chromium carries a single-use open code the
// page trades at once for the session, never the run's token.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function chromiumArgs(openUrl: string, dataDir: string): string[] {
  return [`--app=${openUrl}`, '--no-first-run', '--disable-background-networking', `--user-data-dir=${join(dataDir, 'chromium')}`];
}

/** Opens Loket in an app window when there is a display and a Chromium; does nothing otherwise. */
export function openChromium(openUrl: string, dataDir: string, env: NodeJS.ProcessEnv = process.env): void {
  const display = env.DISPLAY || env.WAYLAND_DISPLAY;
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  if (!display || !chromium || env.CI || env.LOKET_NO_BROWSER === '1') return;
  const child = spawn(chromium, chromiumArgs(openUrl, dataDir), { detached: true, stdio: 'ignore' });
  child.unref();
}
