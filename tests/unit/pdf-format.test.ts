// Dates, times and money as the printed documents spell them, and line wrapping that never loses text.
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { embedFonts } from '@main/core/pdf/fonts.js';
import { formatDateTime, formatIsoDate, formatRupiah, formatTime, joined } from '@main/core/pdf/format.js';
import { wrapText } from '@main/core/pdf/sheet.js';

// 2026-12-31 16:30 UTC: still 31 December in Jakarta (23:30), already 1 January in Makassar and Jayapura.
const NEW_YEAR_EVE = Date.UTC(2026, 11, 31, 16, 30);

describe('dates and times in the office zone', () => {
  it('labels WIB, WITA and WIT and crosses the year in the right zone', () => {
    expect(formatDateTime(NEW_YEAR_EVE, 'Asia/Jakarta', 'id')).toBe('31 Desember 2026 23:30 WIB');
    expect(formatDateTime(NEW_YEAR_EVE, 'Asia/Makassar', 'id')).toBe('1 Januari 2027 00:30 WITA');
    expect(formatDateTime(NEW_YEAR_EVE, 'Asia/Jayapura', 'en')).toBe('1 January 2027 01:30 WIT');
    expect(formatTime(NEW_YEAR_EVE, 'Asia/Makassar')).toBe('00:30 WITA');
  });

  it('falls back to the UTC offset outside Indonesia', () => {
    expect(formatDateTime(NEW_YEAR_EVE, 'Asia/Singapore', 'en')).toBe('1 January 2027 00:30 UTC+08:00');
  });

  it('spells calendar days with the weekday in either language', () => {
    expect(formatIsoDate('2026-12-04', 'id')).toBe('Jumat, 4 Desember 2026');
    expect(formatIsoDate('2026-12-04', 'en')).toBe('Friday, 4 December 2026');
    expect(formatIsoDate('2027-01-03', 'id')).toBe('Minggu, 3 Januari 2027');
    expect(() => formatIsoDate('2026-13-01', 'id')).toThrow(RangeError);
  });
});

describe('money and languages', () => {
  it('groups rupiah with dots', () => {
    expect(formatRupiah(350_000)).toBe('Rp 350.000');
    expect(formatRupiah(1_350_000)).toBe('Rp 1.350.000');
    expect(formatRupiah(0)).toBe('Rp 0');
  });

  it('puts the primary language first and prints a shared word once', () => {
    expect(joined({ id: 'Tanda Terima', en: 'Receipt' }, 'id')).toBe('Tanda Terima / Receipt');
    expect(joined({ id: 'Tanda Terima', en: 'Receipt' }, 'en')).toBe('Receipt / Tanda Terima');
    expect(joined({ id: 'NIK', en: 'NIK' }, 'en')).toBe('NIK');
  });
});

describe('wrapText', () => {
  it('keeps every word, fits every line, and breaks a word longer than the line', async () => {
    const doc = await PDFDocument.create();
    const fonts = await embedFonts(doc);
    const text =
      'Raden Mas Muhammad Abdurrahman Wicaksono Hadiningrat Prawirodirdjo Ñáéíóú Kusumanegara PANJANGSEKALITANPASPASIAPAPUNYANGBISADIPOTONG';
    const lines = wrapText(text, (t) => fonts.width(t, 10), 120);
    expect(lines.length).toBeGreaterThan(3);
    // Checked against pdf-lib's own shaping, not only our advance table.
    for (const line of lines) expect(fonts.regular.widthOfTextAtSize(line, 10)).toBeLessThanOrEqual(120);
    expect(lines.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
  });
});
