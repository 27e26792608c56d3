// Where the workstation's Ed25519 private key lives. The web host keeps it in a file only its user can
// read (0600); the Electron host wraps it with safeStorage through EncryptedFileKeyStore.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFileAtomic } from '../core/kernel/atomic-file.js';

export interface KeyStore {
  /** The PKCS#8 PEM, or undefined before enrolment. */
  load(): Promise<string | undefined>;
  save(pkcs8Pem: string): Promise<void>;
}

function writePrivate(file: string, data: string | Buffer): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, data);
}

export class FileKeyStore implements KeyStore {
  constructor(readonly file: string) {}

  async load(): Promise<string | undefined> {
    return existsSync(this.file) ? readFileSync(this.file, 'utf8') : undefined;
  }

  async save(pkcs8Pem: string): Promise<void> {
    writePrivate(this.file, pkcs8Pem);
  }
}

/** Electron: `new EncryptedFileKeyStore(file, { encrypt: safeStorage.encryptString, decrypt: safeStorage.decryptString })`. */
export interface StringCipher {
  encrypt(plain: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export class EncryptedFileKeyStore implements KeyStore {
  constructor(
    readonly file: string,
    private readonly cipher: StringCipher,
  ) {}

  async load(): Promise<string | undefined> {
    return existsSync(this.file) ? this.cipher.decrypt(readFileSync(this.file)) : undefined;
  }

  async save(pkcs8Pem: string): Promise<void> {
    writePrivate(this.file, this.cipher.encrypt(pkcs8Pem));
  }
}
