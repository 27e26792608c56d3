import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the workstation keeps its databases when not run by Electron (which uses app userData). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOKET_DATA_DIR) return env.LOKET_DATA_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Loket');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'loket');
}
