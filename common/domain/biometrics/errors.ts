// What an officer reads when a biometric device fails: each SBI error code and each fault the client
// detects itself maps to one stable kind with a message in Indonesian and English saying what to do.

export const DEVICE_ERROR_KINDS = [
  'notRegistered',
  'noBiometric',
  'extraction',
  'tamper',
  'deviceNotFound',
  'countNotSupported',
  'notReady',
  'busy',
  'badTransaction',
  'vendor',
  'unknown',
  'timeout',
  'malformed',
  'hashChain',
  'signature',
  'disconnected',
  'noDevice',
  'mismatch',
  'notConfigured',
] as const;
export type DeviceErrorKind = (typeof DEVICE_ERROR_KINDS)[number];

export interface DeviceErrorMessage {
  id: string;
  en: string;
}

const MESSAGES: Record<DeviceErrorKind, DeviceErrorMessage> = {
  notRegistered: {
    id: 'Perangkat biometrik belum terdaftar. Gunakan perangkat lain atau hubungi admin TI.',
    en: 'The biometric device is not registered. Use another device or call IT.',
  },
  noBiometric: {
    id: 'Sidik jari/iris/wajah tidak terdeteksi. Minta pemohon meletakkan jari atau menatap perangkat, lalu ulangi.',
    en: 'No finger, iris or face was detected. Ask the applicant to place their fingers or look at the device, then retry.',
  },
  extraction: {
    id: 'Perangkat gagal mengolah hasil rekaman. Bersihkan permukaan sensor lalu ulangi.',
    en: 'The device could not process the capture. Clean the sensor surface and retry.',
  },
  tamper: {
    id: 'Perangkat melaporkan upaya manipulasi. Jangan lanjutkan; hubungi supervisor.',
    en: 'The device reported tampering. Do not continue; call a supervisor.',
  },
  deviceNotFound: {
    id: 'Perangkat tidak ditemukan. Periksa kabel USB lalu klik Cari perangkat.',
    en: 'The device was not found. Check the USB cable, then search for devices again.',
  },
  countNotSupported: {
    id: 'Perangkat tidak mendukung jumlah jari yang diminta. Periksa pengecualian jari lalu ulangi.',
    en: 'The device cannot capture that number of fingers. Check the finger exceptions and retry.',
  },
  notReady: {
    id: 'Perangkat belum siap. Tunggu beberapa detik lalu ulangi.',
    en: 'The device is not ready. Wait a few seconds and retry.',
  },
  busy: {
    id: 'Perangkat sedang dipakai. Tunggu hingga perekaman lain selesai lalu ulangi.',
    en: 'The device is busy. Wait for the other capture to finish, then retry.',
  },
  badTransaction: {
    id: 'Permintaan ditolak perangkat (ID transaksi). Ulangi perekaman.',
    en: 'The device refused the request (transaction id). Retry the capture.',
  },
  vendor: {
    id: 'Perangkat melaporkan kesalahan internal. Cabut dan pasang kembali perangkat, lalu ulangi.',
    en: 'The device reported an internal error. Unplug and reconnect it, then retry.',
  },
  unknown: {
    id: 'Perangkat melaporkan kesalahan yang tidak dikenal. Ulangi perekaman.',
    en: 'The device reported an unknown error. Retry the capture.',
  },
  timeout: {
    id: 'Perangkat tidak menjawab tepat waktu. Ulangi perekaman; bila terulang, cabut dan pasang kembali perangkat.',
    en: 'The device did not answer in time. Retry; if it happens again, reconnect the device.',
  },
  malformed: {
    id: 'Jawaban perangkat tidak dapat dibaca. Ulangi perekaman; bila terulang, hubungi admin TI.',
    en: 'The device sent an answer Loket cannot read. Retry; if it happens again, call IT.',
  },
  hashChain: {
    id: 'Rantai keamanan hasil rekaman tidak cocok. Hasil ditolak; ulangi perekaman.',
    en: 'The capture failed its integrity chain check and was discarded. Retry the capture.',
  },
  signature: {
    id: 'Tanda tangan perangkat tidak sah. Hasil ditolak; hubungi supervisor bila terulang.',
    en: 'The device signature is not valid; the capture was discarded. Call a supervisor if it happens again.',
  },
  disconnected: {
    id: 'Sambungan ke perangkat terputus. Periksa kabel lalu ulangi.',
    en: 'The connection to the device dropped. Check the cable and retry.',
  },
  noDevice: {
    id: 'Tidak ada perangkat untuk jenis biometrik ini. Sambungkan perangkat lalu klik Cari perangkat.',
    en: 'No device for this kind of biometric is connected. Connect one and search for devices again.',
  },
  mismatch: {
    id: 'Perangkat mengirim hasil yang tidak sesuai permintaan. Hasil ditolak; ulangi perekaman.',
    en: 'The device sent something other than what was asked; it was discarded. Retry the capture.',
  },
  notConfigured: {
    id: 'Layanan biometrik belum disiapkan di komputer ini. Hubungi admin TI.',
    en: 'Biometric services are not set up on this workstation. Call IT.',
  },
};

/** SBI 0.9.5 error codes (REFERENCE.md); 5xx are vendor-specific. */
export function kindForSbiCode(code: number): DeviceErrorKind {
  switch (code) {
    case 100:
      return 'notRegistered';
    case 101:
      return 'noBiometric';
    case 102:
      return 'extraction';
    case 103:
      return 'tamper';
    case 106:
      return 'deviceNotFound';
    case 109:
      return 'countNotSupported';
    case 110:
      return 'notReady';
    case 111:
      return 'busy';
    case 112:
      return 'badTransaction';
    default:
      return code >= 500 && code < 600 ? 'vendor' : 'unknown';
  }
}

export const deviceErrorMessage = (kind: DeviceErrorKind): DeviceErrorMessage => MESSAGES[kind];

/** A tamper report is the one fault an officer must not simply retry past. */
export const retryable = (kind: DeviceErrorKind): boolean => kind !== 'tamper' && kind !== 'notConfigured';

/** What crosses in AppError details (code DEVICE) so the capture screen can show and act on it. */
export interface DeviceErrorDetails {
  deviceError: DeviceErrorKind;
  sbiCode?: number;
  messageId: string;
  messageEn: string;
  retryable: boolean;
  /** Free text from the device or the client, for the log; never shown as the main message. */
  info?: string;
}

export function deviceErrorDetails(kind: DeviceErrorKind, extra: { sbiCode?: number; info?: string } = {}): DeviceErrorDetails {
  const m = MESSAGES[kind];
  return { deviceError: kind, ...extra, messageId: m.id, messageEn: m.en, retryable: retryable(kind) };
}
