import { createCipheriv, createDecipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { Db } from '@db/connection.js';
import { getSetting } from '@db/queries/office/settings.js';
import type { KeyWrapper } from './key-wrapper.js';

export const DATA_KEY_SETTING = 'biometric_data_key';

export interface DataKey {
  keyId: string;
  key: Buffer;
}

export interface SealedBlob {
  keyId: string;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

interface StoredKey {
  v: 1;
  keyId: string;
  wrapper: string;
  wrapped: string;
}

export class VaultError extends Error {
  override name = 'VaultError';
}

/**
 * AES-256-GCM for biometric blobs: one random data key per database (live and training each have
 * their own), kept wrapped in the settings table, a fresh 96-bit nonce per blob and the record id as
 * associated data, so a ciphertext moved to another record fails authentication.
 */
export class BlobVault {
  private readonly keys = new WeakMap<Db, DataKey>();

  constructor(readonly wrapper: KeyWrapper) {}

  /** The database's data key, unwrapped once and then held in memory; undefined before the first capture. */
  load(db: Db): DataKey | undefined {
    const cached = this.keys.get(db);
    if (cached) return cached;
    const raw = getSetting(db, DATA_KEY_SETTING);
    if (!raw) return undefined;
    const stored = JSON.parse(raw) as StoredKey;
    if (stored.wrapper !== this.wrapper.kind) {
      throw new VaultError(`Biometric data key was wrapped by ${stored.wrapper}, this workstation uses ${this.wrapper.kind}`);
    }
    const key = this.wrapper.unwrap(Buffer.from(stored.wrapped, 'base64'));
    if (key.length !== 32) throw new VaultError('Biometric data key has the wrong length');
    const dk = { keyId: stored.keyId, key };
    this.keys.set(db, dk);
    return dk;
  }

  /** A new data key and the settings value that stores it wrapped; call remember() once that value committed. */
  create(): { dataKey: DataKey; stored: string } {
    const dataKey = { keyId: randomUUID(), key: randomBytes(32) };
    const stored: StoredKey = {
      v: 1,
      keyId: dataKey.keyId,
      wrapper: this.wrapper.kind,
      wrapped: this.wrapper.wrap(dataKey.key).toString('base64'),
    };
    return { dataKey, stored: JSON.stringify(stored) };
  }

  remember(db: Db, dataKey: DataKey): void {
    this.keys.set(db, dataKey);
  }

  seal(dataKey: DataKey, recordId: string, plaintext: Uint8Array): SealedBlob {
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', dataKey.key, nonce);
    c.setAAD(Buffer.from(recordId, 'utf8'));
    const ciphertext = Buffer.concat([c.update(plaintext), c.final()]);
    return { keyId: dataKey.keyId, nonce, tag: c.getAuthTag(), ciphertext };
  }

  open(db: Db, recordId: string, blob: SealedBlob): Buffer {
    const dk = this.load(db);
    if (!dk || dk.keyId !== blob.keyId) throw new VaultError('The key for this biometric record is not on this workstation');
    const d = createDecipheriv('aes-256-gcm', dk.key, blob.nonce);
    d.setAAD(Buffer.from(recordId, 'utf8'));
    d.setAuthTag(blob.tag);
    try {
      return Buffer.concat([d.update(blob.ciphertext), d.final()]);
    } catch {
      throw new VaultError('Biometric record failed authentication (altered, or moved from another record)');
    }
  }
}
