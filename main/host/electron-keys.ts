// The Electron shell's secrets at rest: the biometric data key and the sync signing key, both sealed by
// safeStorage (DPAPI, Keychain, or the Linux keyring). Linux's basic_text backend seals nothing (its
// key is hard-coded), so it is refused here as well as at start-up (electron-storage.ts).
import { safeStorage } from 'electron';
import { join } from 'node:path';
import { KeyWrapError, type KeyWrapper } from '../core/kernel/crypto/key-wrapper.js';
import { EncryptedFileKeyStore, type KeyStore, type StringCipher } from '../sync/keystore.js';

/** Beside the web host's plain 0600 `sync-key.pem`: a sealed key is never mistaken for a plain one. */
export const SEALED_SYNC_KEY_FILE = 'sync-key.safestorage';

function assertSealing(platform: NodeJS.Platform): void {
  if (platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    throw new KeyWrapError('safeStorage uses the basic_text backend (no keyring): keys would not be protected');
  }
  if (!safeStorage.isEncryptionAvailable()) throw new KeyWrapError('safeStorage cannot encrypt for this account');
}

/**
 * The biometric vault's key wrapper (main/core/kernel/crypto/key-wrapper.ts). Synchronous, as core needs:
 * safeStorage's string calls are. The backend is checked on every use, not once, so a keyring that
 * disappears mid-run fails loudly instead of silently downgrading.
 */
export function safeStorageKeyWrapper(platform: NodeJS.Platform = process.platform): KeyWrapper {
  return {
    kind: 'safeStorage',
    wrap(dataKey: Buffer): Buffer {
      assertSealing(platform);
      return safeStorage.encryptString(dataKey.toString('base64'));
    },
    unwrap(wrapped: Buffer): Buffer {
      assertSealing(platform);
      return Buffer.from(safeStorage.decryptString(wrapped), 'base64');
    },
  };
}

export function safeStorageCipher(platform: NodeJS.Platform = process.platform): StringCipher {
  return {
    encrypt(plain: string): Buffer {
      assertSealing(platform);
      return safeStorage.encryptString(plain);
    },
    decrypt(sealed: Buffer): string {
      assertSealing(platform);
      return safeStorage.decryptString(sealed);
    },
  };
}

/** The workstation's Ed25519 signing key, sealed by safeStorage in the user-data folder. */
export function safeStorageKeyStore(dataDir: string, platform: NodeJS.Platform = process.platform): KeyStore {
  return new EncryptedFileKeyStore(join(dataDir, SEALED_SYNC_KEY_FILE), safeStorageCipher(platform));
}
