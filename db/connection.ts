import { chmodSync, closeSync, copyFileSync, existsSync, fsyncSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

export type Db = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /**
   * The 256-bit key the file is encrypted with (SQLCipher 4 format through SQLite3 Multiple Ciphers: AES-256
   * pages with an HMAC each, the raw key given directly so no password derivation runs at open). Without
   * one the file is plain SQLite: migration tests and throwaway files only.
   */
  key?: Buffer;
}

export class DatabaseKeyError extends Error {
  override name = 'DatabaseKeyError';
}

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

function applyKey(db: Db, key: Buffer): void {
  if (key.length !== 32) throw new DatabaseKeyError('The database key must be 256 bits');
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${key.toString('hex')}'"`);
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch {
    db.close();
    throw new DatabaseKeyError("The database cannot be opened with this workstation's key (another key, or a damaged file)");
  }
}

/**
 * Opens the workstation database with the pragmas of docs/architecture.md ("Local data"). synchronous=FULL everywhere:
 * money, enrolment and biometric writes need it and the rest of a counter's writes are too few to care.
 */
export function openDatabase(file: string, options: OpenOptions = {}): Db {
  const db = new Database(file, { readonly: options.readonly ?? false, fileMustExist: options.readonly ?? false });
  if (options.key) applyKey(db, options.key);
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (!options.readonly) db.pragma('synchronous = FULL');
  return db;
}

/** True when the file is an unencrypted SQLite database (its first 16 bytes are SQLite's header). */
export function isPlainDatabase(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < SQLITE_HEADER.length) return false;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  return head.equals(SQLITE_HEADER);
}

const fsyncPath = (path: string): void => {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
};

/**
 * Turns a plain database into an encrypted one without ever putting its data at risk: the WAL is folded
 * into the file, a copy is encrypted and checked beside it, and only then renamed over the original. A crash
 * at any point leaves either the untouched plain file (and a temporary copy, removed on the next try) or the
 * finished encrypted one.
 */
export function encryptDatabaseFile(file: string, key: Buffer): void {
  const tmp = `${file}.encrypting`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, `${tmp}-journal`]) rmSync(f, { force: true });
  const plain = new Database(file);
  plain.pragma('wal_checkpoint(TRUNCATE)');
  plain.close();
  copyFileSync(file, tmp);
  chmodSync(tmp, 0o600);
  const copy = new Database(tmp);
  try {
    // Rekeying rewrites every page; SQLite3 Multiple Ciphers does it in rollback-journal mode only.
    copy.pragma('journal_mode = DELETE');
    copy.pragma(`cipher = 'sqlcipher'`);
    copy.pragma('legacy = 4');
    copy.pragma(`rekey = "x'${key.toString('hex')}'"`);
  } finally {
    copy.close();
  }
  const check = openDatabase(tmp, { key });
  try {
    const ok = check.pragma('quick_check', { simple: true });
    if (ok !== 'ok') throw new DatabaseKeyError(`The encrypted copy failed its check (${String(ok)}); the plain database was kept`);
    check.pragma('journal_mode = WAL');
  } finally {
    check.close();
  }
  fsyncPath(tmp);
  // The plain file's WAL was checkpointed and removed when it closed; a leftover must not be replayed into the new file.
  for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  renameSync(tmp, file);
  if (process.platform !== 'win32') fsyncPath(dirname(file));
}
