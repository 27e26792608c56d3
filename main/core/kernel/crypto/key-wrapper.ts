import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Wraps the random data key that encrypts biometric blobs. The Electron shell supplies one backed by
 * safeStorage (refusing Linux's basic_text backend); the web host and Node tools use KeyFileWrapper.
 * Both must be synchronous: core's writes run inside SQLite transactions.
 */
export interface KeyWrapper {
  /** Recorded beside the wrapped key so a database opened under another wrapper fails loudly. */
  readonly kind: string;
  wrap(dataKey: Buffer): Buffer;
  unwrap(wrapped: Buffer): Buffer;
}

export class KeyWrapError extends Error {
  override name = 'KeyWrapError';
}

export const KEY_FILE = 'biometric-kek.key';
const WRAP_AAD = Buffer.from('loket/biometric-data-key/v1');
const VERSION = 1;

/** AES-256-GCM key wrap: version byte, 12-byte nonce, 16-byte tag, ciphertext. */
export function gcmWrap(kek: Buffer, dataKey: Buffer): Buffer {
  const nonce = randomBytes(12);
  const c = createCipheriv('aes-256-gcm', kek, nonce);
  c.setAAD(WRAP_AAD);
  const ct = Buffer.concat([c.update(dataKey), c.final()]);
  return Buffer.concat([Buffer.from([VERSION]), nonce, c.getAuthTag(), ct]);
}

export function gcmUnwrap(kek: Buffer, wrapped: Buffer): Buffer {
  if (wrapped.length < 29 || wrapped[0] !== VERSION) throw new KeyWrapError('Unknown wrapped-key format');
  const d = createDecipheriv('aes-256-gcm', kek, wrapped.subarray(1, 13));
  d.setAAD(WRAP_AAD);
  d.setAuthTag(wrapped.subarray(13, 29));
  try {
    return Buffer.concat([d.update(wrapped.subarray(29)), d.final()]);
  } catch {
    throw new KeyWrapError('The data key was wrapped by another key');
  }
}

/**
 * The web host's wrapper: a key-encryption key in a file only this OS account can read (mode 0600),
 * in the data folder. Weaker than an OS keyring (anyone with this account's files has it), which is why
 * the Electron shell uses safeStorage instead. A key file readable by others is refused, not fixed.
 */
export class KeyFileWrapper implements KeyWrapper {
  readonly kind = 'keyfile';
  private kek: Buffer | undefined;

  constructor(
    private readonly dir: string,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {}

  get path(): string {
    return join(this.dir, KEY_FILE);
  }

  private key(): Buffer {
    if (this.kek) return this.kek;
    const path = this.path;
    if (!existsSync(path)) {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, randomBytes(32));
      } finally {
        closeSync(fd);
      }
    }
    if (this.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) {
      throw new KeyWrapError(`${path} is readable by other accounts; restrict it to mode 0600`);
    }
    const kek = readFileSync(path);
    if (kek.length !== 32) throw new KeyWrapError(`${path} is not a 256-bit key`);
    this.kek = kek;
    return kek;
  }

  wrap(dataKey: Buffer): Buffer {
    return gcmWrap(this.key(), dataKey);
  }

  unwrap(wrapped: Buffer): Buffer {
    return gcmUnwrap(this.key(), wrapped);
  }
}
