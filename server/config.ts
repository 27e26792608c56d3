import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { newAdminToken } from './admin/ops.js';

/** Where `npm run server` keeps its PGlite database, blobs, admin token and runtime info. */
export function defaultCentralDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.LOKET_CENTRAL_DIR) return env.LOKET_CENTRAL_DIR;
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Loket Central');
  return join(env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share'), 'loket-central');
}

export const ADMIN_TOKEN_FILE = 'admin-token';
export const RUNTIME_FILE = 'central.json';

/**
 * The admin token: LOKET_ADMIN_TOKEN when set, otherwise the `admin-token` file in the data folder,
 * generated (mode 0600) on the first start. Whoever can read that file administers this central.
 */
export function loadAdminToken(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { token: string; file: string | null; created: boolean } {
  if (env.LOKET_ADMIN_TOKEN) return { token: env.LOKET_ADMIN_TOKEN, file: null, created: false };
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), file, created: false };
  writeFileSync(file, `${newAdminToken()}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return { token: readFileSync(file, 'utf8').trim(), file, created: true };
}

export interface RuntimeInfo {
  url: string;
  pid: number;
  store: string;
}

/** Lets the admin CLI find a running server without flags. */
export function writeRuntimeInfo(dataDir: string, info: RuntimeInfo): void {
  writeFileSync(join(dataDir, RUNTIME_FILE), JSON.stringify(info, null, 2), { mode: 0o600 });
}

export function readRuntimeInfo(dataDir: string): RuntimeInfo | undefined {
  const file = join(dataDir, RUNTIME_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as RuntimeInfo) : undefined;
}
