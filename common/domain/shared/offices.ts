// Seed list from shared/REFERENCE.md. Central owns the real list; this seeds first run and training mode.
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

export interface OfficeSeed {
  code: string;
  name: string;
  city: string;
  tz: TimeZone;
}

const rows: Array<[string, string, TimeZone]> = [
  ['Banyumanik', 'Semarang, Jawa Tengah', 'Asia/Jakarta'],
  ['Jakarta Timur', 'DKI Jakarta', 'Asia/Jakarta'],
  ['Lombok', 'Mataram, NTB', 'Asia/Makassar'],
  ['Blitar', 'Jawa Timur', 'Asia/Jakarta'],
  ['Aceh', 'Banda Aceh, Aceh', 'Asia/Jakarta'],
  ['Ambon', 'Maluku', 'Asia/Jayapura'],
  ['Balikpapan', 'Kalimantan Timur', 'Asia/Makassar'],
  ['Bandar Lampung', 'Lampung', 'Asia/Jakarta'],
  ['Bangka Belitung', 'Pangkalpinang', 'Asia/Jakarta'],
  ['Bantul', 'DI Yogyakarta', 'Asia/Jakarta'],
  ['Batam', 'Kepulauan Riau', 'Asia/Jakarta'],
  ['Batu', 'Jawa Timur', 'Asia/Jakarta'],
  ['Baturaja', 'Sumatera Selatan', 'Asia/Jakarta'],
  ['Blangpidie', 'Aceh', 'Asia/Jakarta'],
  ['Candisari', 'Semarang, Jawa Tengah', 'Asia/Jakarta'],
  ['Depok', 'Jawa Barat', 'Asia/Jakarta'],
  ['Gorontalo', 'Gorontalo', 'Asia/Makassar'],
  ['Gunungkidul', 'DI Yogyakarta', 'Asia/Jakarta'],
  ['Jakarta Barat', 'DKI Jakarta', 'Asia/Jakarta'],
  ['Kutacane', 'Aceh', 'Asia/Jakarta'],
  ['Makassar', 'Sulawesi Selatan', 'Asia/Makassar'],
  ['Meulaboh', 'Aceh', 'Asia/Jakarta'],
  ['Padang Sidempuan', 'Sumatera Utara', 'Asia/Jakarta'],
  ['Palangka Raya', 'Kalimantan Tengah', 'Asia/Jakarta'],
  ['Prabumulih', 'Sumatera Selatan', 'Asia/Jakarta'],
  ['Salatiga', 'Jawa Tengah', 'Asia/Jakarta'],
  ['Sleman', 'DI Yogyakarta', 'Asia/Jakarta'],
  ['Tebing Tinggi', 'Sumatera Utara', 'Asia/Jakarta'],
  ['Tegal', 'Jawa Tengah', 'Asia/Jakarta'],
  ['Bandung', 'Jawa Barat', 'Asia/Jakarta'],
];

export const officeCode = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');

export const OFFICE_SEED: readonly OfficeSeed[] = rows.map(([name, city, tz]) => ({
  code: officeCode(name),
  name: `Kantor Imigrasi ${name}`,
  city,
  tz,
}));

/** Queue services seeded for first run; the queue and application issues extend this from central. */
export const SERVICE_SEED = [
  { code: 'PASPOR_JANJI', prefix: 'A', nameId: 'Paspor (janji temu M-Paspor)', nameEn: 'Passport (M-Paspor appointment)' },
  { code: 'PASPOR_PRIORITAS', prefix: 'B', nameId: 'Paspor layanan prioritas', nameEn: 'Passport priority walk-in' },
  { code: 'PENGAMBILAN', prefix: 'C', nameId: 'Pengambilan paspor', nameEn: 'Passport collection' },
  { code: 'IZIN_TINGGAL', prefix: 'D', nameId: 'Izin tinggal', nameEn: 'Stay permits' },
] as const;
