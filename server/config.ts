import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
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

/** Shorter tokens are refused: an empty file once opened the admin API to anyone who sent an empty token. */
export const MIN_ADMIN_TOKEN_LENGTH = 32;

export class AdminTokenError extends Error {
  override name = 'AdminTokenError';
}

/** Refuses an empty or short admin token before central starts with it. */
export function assertAdminToken(token: string, source: string): string {
  if (token.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new AdminTokenError(
      `The admin token from ${source} is ${token.length === 0 ? 'empty' : 'too short'}: it needs at least ${MIN_ADMIN_TOKEN_LENGTH} characters`,
    );
  }
  return token;
}

/**
 * Writes the file whole or not at all: a temporary file (mode 0600 from its creation) synced to disk,
 * then renamed over the name, so a crash never leaves an empty or half-written token behind.
 */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  let written = false;
  try {
    writeSync(fd, text);
    fsyncSync(fd);
    written = true;
  } finally {
    closeSync(fd);
    if (!written) rmSync(tmp, { force: true });
  }
  renameSync(tmp, file);
}

/**
 * The admin token: LOKET_ADMIN_TOKEN when set, otherwise the `admin-token` file in the data folder,
 * generated (mode 0600, written atomically) on the first start. Whoever can read that file administers
 * this central. An empty or short token, from either, stops central from starting.
 */
export function loadAdminToken(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): { token: string; file: string | null; created: boolean } {
  if (env.LOKET_ADMIN_TOKEN !== undefined) {
    return { token: assertAdminToken(env.LOKET_ADMIN_TOKEN, 'LOKET_ADMIN_TOKEN'), file: null, created: false };
  }
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, ADMIN_TOKEN_FILE);
  if (existsSync(file)) return { token: assertAdminToken(readFileSync(file, 'utf8').trim(), file), file, created: false };
  writeFileAtomic(file, `${newAdminToken()}\n`);
  return { token: assertAdminToken(readFileSync(file, 'utf8').trim(), file), file, created: true };
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
