// Sample document models and the poppler/zbar tools the PDF tests read the output back with.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type {
  ApplicationReceiptModel,
  DeficiencyNoticeModel,
  OfficeInfo,
  PaymentReceiptModel,
  QueueTicketModel,
} from '@main/core/pdf/index.js';

export const BANYUMANIK: OfficeInfo = {
  code: 'BYM',
  name: 'Kantor Imigrasi Kelas I TPI Semarang (Banyumanik)',
  address: 'Jl. Setiabudi No. 201, Srondol Kulon, Banyumanik, Kota Semarang, Jawa Tengah 50263',
  timeZone: 'Asia/Jakarta',
};
export const LOMBOK: OfficeInfo = {
  code: 'LBK',
  name: 'Kantor Imigrasi Kelas I TPI Mataram (Lombok)',
  address: 'Jl. Udayana No. 2, Mataram, NTB',
  timeZone: 'Asia/Makassar',
};
export const AMBON: OfficeInfo = {
  code: 'AMB',
  name: 'Kantor Imigrasi Kelas I TPI Ambon',
  address: 'Jl. Dr. Kayadoe, Ambon, Maluku',
  timeZone: 'Asia/Jayapura',
};

// 2026-11-30 07:05 UTC = 14:05 WIB, 15:05 WITA, 16:05 WIT.
export const PRINTED_AT = Date.UTC(2026, 10, 30, 7, 5);

export function applicationReceipt(over: Partial<ApplicationReceiptModel> = {}): ApplicationReceiptModel {
  return {
    office: BANYUMANIK,
    officerName: 'Rina Kusumawati',
    printedAt: PRINTED_AT,
    reprint: null,
    void: null,
    applicationNumber: 'BYM-261130-03-0001',
    bookingCode: 'MP7K2Q9X4B',
    applicant: { name: 'Siti Nurhaliza', nik: '3374124501900003', placeOfBirth: 'Semarang', dateOfBirth: '1990-01-05' },
    service: { id: 'Paspor Elektronik 10 Tahun', en: 'Electronic passport, 10 years' },
    fees: [{ label: { id: 'Paspor elektronik 10 tahun', en: 'Electronic passport, 10 years' }, amount: 950_000 }],
    total: 950_000,
    billingCode: '820123456789012',
    paymentStatus: 'paid',
    collectionDate: '2026-12-04',
    training: false,
    ...over,
  };
}

export function paymentReceipt(over: Partial<PaymentReceiptModel> = {}): PaymentReceiptModel {
  return {
    office: LOMBOK,
    officerName: 'I Made Suartana',
    printedAt: PRINTED_AT,
    reprint: null,
    void: null,
    applicationNumber: 'LBK-261130-01-0042',
    applicant: { name: 'Baiq Nurul Hidayati', nik: '5201014506880002' },
    service: { id: 'Paspor Biasa 5 Tahun + Percepatan', en: 'Ordinary passport, 5 years + same-day service' },
    fees: [
      { label: { id: 'Paspor biasa 5 tahun', en: 'Ordinary passport, 5 years' }, amount: 350_000 },
      { label: { id: 'Layanan percepatan (selesai hari yang sama)', en: 'Accelerated service (same day)' }, amount: 1_000_000 },
    ],
    total: 1_350_000,
    billingCode: '820198765432109',
    paymentStatus: 'paid',
    paidAt: Date.UTC(2026, 10, 30, 6, 41),
    paymentReference: 'NTPN 0A1B2C3D4E5F6G7H',
    training: false,
    ...over,
  };
}

export function deficiencyNotice(over: Partial<DeficiencyNoticeModel> = {}): DeficiencyNoticeModel {
  return {
    office: AMBON,
    officerName: 'Johanis Pattiasina',
    printedAt: PRINTED_AT,
    reprint: null,
    void: null,
    applicationNumber: 'AMB-261130-02-0007',
    applicant: { name: 'Maria Latuheru', nik: '8171035203150001' },
    service: { id: 'Paspor Biasa 5 Tahun (Anak)', en: 'Ordinary passport, 5 years (child)' },
    missingDocuments: [
      { label: { id: 'Akta kelahiran', en: 'Birth certificate' }, note: { id: 'asli dan fotokopi', en: 'original and a copy' } },
      { label: { id: 'KTP-el kedua orang tua', en: "Both parents' KTP-el" } },
      { label: { id: 'Buku nikah / akta perkawinan orang tua', en: "Parents' marriage certificate" } },
    ],
    returnBy: '2026-12-14',
    training: false,
    ...over,
  };
}

export function queueTicket(over: Partial<QueueTicketModel> = {}): QueueTicketModel {
  return {
    office: BANYUMANIK,
    ticketNumber: 'A-023',
    ticketId: '0193b2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b',
    service: { id: 'Paspor Baru / Penggantian', en: 'New passport / renewal' },
    issuedAt: PRINTED_AT,
    peopleAhead: 5,
    estimatedWaitMinutes: 25,
    training: false,
    ...over,
  };
}

export interface Rendered {
  dir: string;
  pdf: string;
  pngs: string[];
}

/** Writes the PDF and rasterises every page at `dpi` with pdftoppm. */
export function rasterise(bytes: Uint8Array, name: string, dpi = 200): Rendered {
  const dir = mkdtempSync(join(tmpdir(), `loket-pdf-${name}-`));
  const pdf = join(dir, `${name}.pdf`);
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, 'page')]);
  const pngs = readdirSync(dir)
    .filter((f) => f.startsWith('page') && f.endsWith('.png'))
    .sort()
    .map((f) => join(dir, f));
  return { dir, pdf, pngs };
}

/** rasterise(), with every folder it makes removed after the test file: call it at the file's top level. */
export function rasteriser(): (bytes: Uint8Array, name: string, dpi?: number) => Rendered {
  const made: Rendered[] = [];
  afterAll(() => made.forEach((r) => rmSync(r.dir, { recursive: true, force: true })));
  return (bytes, name, dpi) => {
    const r = rasterise(bytes, name, dpi);
    made.push(r);
    return r;
  };
}

/** Every barcode zbarimg finds on a PNG, as "QR-Code:..." / "CODE-128:..." lines. */
export function barcodes(png: string): string[] {
  try {
    return execFileSync('zbarimg', ['--quiet', png], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
      .trim()
      .split('\n')
      .filter(Boolean);
  } catch (err) {
    // zbarimg exits 4 when it finds nothing: that is an answer, not a failure.
    if ((err as { status?: number }).status === 4) return [];
    throw err;
  }
}

/** The text layer, in reading order, with runs of spaces collapsed. */
export function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

export interface FontRow {
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
}

export function pdfFonts(pdf: string): FontRow[] {
  const out = execFileSync('pdffonts', [pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return out.map((line) => {
    const cols = line.trim().split(/\s+/);
    // name type [type2] encoding emb sub uni object ID: read the yes/no flags from the right.
    const n = cols.length;
    return { name: cols[0]!, type: cols.slice(1, n - 6).join(' '), embedded: cols[n - 5] === 'yes', subset: cols[n - 4] === 'yes' };
  });
}

export interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  page: number;
}

/** Every word of the text layer with its box (pdftotext -bbox), to prove nothing runs off the paper. */
export function pdfWords(pdf: string): { pages: { width: number; height: number }[]; words: Word[] } {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  const pages = [...html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">/g)].map((m) => ({
    width: Number(m[1]),
    height: Number(m[2]),
  }));
  const words: Word[] = [];
  html
    .split(/<page /)
    .slice(1)
    .forEach((chunk, page) => {
      for (const m of chunk.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)) {
        words.push({ xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), text: m[4]!, page });
      }
    });
  return { pages, words };
}

export function pageCount(pdf: string): number {
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
}

/**
 * The diagonal marks (void, training) of each page, read back in order. pdftotext scatters slanted text
 * among the lines it crosses, so this takes the words that its -nodiag run drops, groups them by their
 * distance across the page's rising diagonal (one group per mark) and orders each group along it.
 */
export function pdfDiagonalMarks(pdf: string): string[][] {
  const pages = (args: string[]) =>
    execFileSync('pdftotext', [...args, '-bbox', pdf, '-'], { encoding: 'utf8' })
      .split(/<page /)
      .slice(1);
  const level = pages(['-nodiag']);
  const word = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  return pages([]).map((chunk, i) => {
    const [w, h] = (/^width="([\d.]+)" height="([\d.]+)"/.exec(chunk) ?? []).slice(1).map(Number) as [number, number];
    const angle = Math.atan2(h, w);
    const flat = new Set([...(level[i] ?? '').matchAll(word)].map((m) => m[0]));
    const slanted = [...chunk.matchAll(word)]
      .filter((m) => !flat.has(m[0]))
      .map((m) => {
        const [x, y] = [(Number(m[1]) + Number(m[3])) / 2, (Number(m[2]) + Number(m[4])) / 2];
        // Top-down page coordinates: along the rising diagonal, and across it.
        return { text: m[5]!, along: x * Math.cos(angle) - y * Math.sin(angle), across: x * Math.sin(angle) + y * Math.cos(angle) };
      })
      .sort((a, b) => a.across - b.across);
    const groups: (typeof slanted)[] = [];
    for (const s of slanted) {
      const last = groups.at(-1);
      if (last && s.across - last.at(-1)!.across < 30) last.push(s);
      else groups.push([s]);
    }
    return groups.map((g) =>
      g
        .sort((a, b) => a.along - b.along)
        .map((s) => s.text)
        .join(''),
    );
  });
}
