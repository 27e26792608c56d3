import { safeStorage } from 'electron';

export interface Refusal {
  title: string;
  message: string;
}

/**
 * docs/architecture.md ("Security"): personal and biometric data is encrypted under a key wrapped by safeStorage. On Linux,
 * without a keyring Electron falls back to `basic_text`, which wraps nothing, so Loket will not start
 * rather than store that data under a key anyone with the disk can read.
 */
export function storageRefusal(platform: NodeJS.Platform): Refusal | null {
  const backend = platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined;
  if (backend === 'basic_text') {
    return {
      title: 'Loket tidak dapat dimulai / Loket cannot start',
      message: [
        'Penyimpanan kunci sistem (GNOME Keyring / KWallet) tidak tersedia, sehingga data pribadi dan biometrik tidak dapat dienkripsi dengan aman. Hubungi admin TI kantor.',
        '',
        'No system keyring (GNOME Keyring / KWallet) is available, so personal and biometric data cannot be encrypted safely. Install and unlock a keyring (or start Loket with --password-store=gnome-libsecret or --password-store=kwallet6), then try again.',
      ].join('\n'),
    };
  }
  if (!safeStorage.isEncryptionAvailable()) {
    return {
      title: 'Loket tidak dapat dimulai / Loket cannot start',
      message:
        'Enkripsi sistem operasi tidak tersedia untuk akun ini. Hubungi admin TI kantor.\n\nThe operating system cannot encrypt data for this account, so Loket cannot protect personal data. Ask the office IT administrator.',
    };
  }
  return null;
}
