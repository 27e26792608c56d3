// The key each workstation database is encrypted with, sealed the way the biometric data key is: a
// random 256-bit key wrapped by the host's KeyWrapper (safeStorage in the Electron shell, the 0600 key file
// for the web host, tools and tests). It cannot live in the database it opens, so it sits beside it in
// `<database>.key`, written whole or not at all.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { writeFileAtomic } from '../atomic-file.js';
import { DatabaseKeyError, encryptDatabaseFile, isPlainDatabase, openDatabase, type Db } from '@db/connection.js';
import type { KeyWrapper } from './key-wrapper.js';

interface StoredDbKey {
  v: 1;
  wrapper: string;
  wrapped: string;
}

export const dbKeyFile = (dbFile: string): string => `${dbFile}.key`;

/**
 * The database's key: unwrapped from `<database>.key`, or created (and sealed) for a new database or a
 * plain one about to be encrypted. An encrypted database whose key file is gone is refused loudly: its
 * data cannot be read, and making a new key would hide that.
 */
export function databaseKey(dbFile: string, wrapper: KeyWrapper): Buffer {
  const keyFile = dbKeyFile(dbFile);
  if (existsSync(keyFile)) {
    const stored = JSON.parse(readFileSync(keyFile, 'utf8')) as StoredDbKey;
    if (stored.wrapper !== wrapper.kind) {
      throw new DatabaseKeyError(`${keyFile} was sealed by ${stored.wrapper}, this workstation uses ${wrapper.kind}`);
    }
    const key = wrapper.unwrap(Buffer.from(stored.wrapped, 'base64'));
    if (key.length !== 32) throw new DatabaseKeyError(`${keyFile} does not hold a 256-bit key`);
    return key;
  }
  if (existsSync(dbFile) && statSync(dbFile).size > 0 && !isPlainDatabase(dbFile)) {
    throw new DatabaseKeyError(`${dbFile} is encrypted but its key file ${keyFile} is missing`);
  }
  const key = randomBytes(32);
  const stored: StoredDbKey = { v: 1, wrapper: wrapper.kind, wrapped: wrapper.wrap(key).toString('base64') };
  writeFileAtomic(keyFile, JSON.stringify(stored));
  return key;
}

/**
 * Opens a workstation database encrypted under its sealed key, first encrypting it (new file, then
 * rename) when it is still the plain file of an earlier version. The key file is written before the
 * encrypted file replaces the plain one, so a crash in between only repeats the encryption.
 */
export function openEncryptedDatabase(
  dbFile: string,
  wrapper: KeyWrapper,
  options: { readonly?: boolean } = {},
): { db: Db; encryptedNow: boolean } {
  const plain = isPlainDatabase(dbFile);
  // A read-only look (npm run audit:verify) at a file not yet encrypted changes nothing.
  if (plain && options.readonly) return { db: openDatabase(dbFile, options), encryptedNow: false };
  const key = databaseKey(dbFile, wrapper);
  if (plain) encryptDatabaseFile(dbFile, key);
  return { db: openDatabase(dbFile, { ...options, key }), encryptedNow: plain };
}
