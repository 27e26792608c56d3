// The data folder holds personal data (the databases, the embedded central's PGlite files, logs, keys):
// only this OS account may read it. Each process sets umask 0o077 at start so everything it creates is
// 0600/0700; this check catches what an earlier version, another tool or a copy left wider.
import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Log } from '../log.js';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Sets the process's umask so every file and folder it creates is private; a no-op where umask is not supported. */
export function restrictUmask(): void {
  if (process.platform === 'win32') return;
  try {
    process.umask(0o077);
  } catch {
    // Worker threads cannot change the umask; the start check below still tightens what they create.
  }
}

/** Every file or folder under `dir` (itself included) open to group or others; symbolic links are not followed. */
export function widerThanPrivate(dir: string): { path: string; mode: number; dir: boolean }[] {
  const found: { path: string; mode: number; dir: boolean }[] = [];
  const walk = (path: string): void => {
    const st = lstatSync(path, { throwIfNoEntry: false });
    if (!st || st.isSymbolicLink()) return;
    const mode = st.mode & 0o777;
    if (st.isDirectory()) {
      if (mode & 0o077) found.push({ path, mode, dir: true });
      for (const name of readdirSync(path)) walk(join(path, name));
    } else if (mode & 0o177) {
      found.push({ path, mode, dir: false });
    }
  };
  walk(dir);
  return found;
}

/**
 * Creates the data folder 0700 and tightens anything in it that is wider than 0600 (files) or 0700
 * (folders), saying loudly in the log how many it tightened. Answers that count.
 */
export function securePrivateDir(dir: string, log?: Log): number {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (process.platform === 'win32') return 0;
  const wide = widerThanPrivate(dir);
  for (const entry of wide) chmodSync(entry.path, entry.dir ? PRIVATE_DIR_MODE : entry.mode & PRIVATE_FILE_MODE);
  if (wide.length > 0) {
    log?.warn(
      { tightened: wide.length, folders: wide.filter((e) => e.dir).length },
      'the data folder was readable by other accounts: its files are now 0600 and its folders 0700',
    );
  }
  return wide.length;
}
