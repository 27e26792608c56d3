// The application receipt and the payment receipt, read back the way an auditor or a scanner would:
// rasterised by poppler, barcodes decoded by zbar, fonts and text pulled from the file.
import { describe, expect, it } from 'vitest';
import { renderApplicationReceipt, renderPaymentReceipt } from '@main/core/pdf/index.js';
import { applicationReceipt, barcodes, pageCount, paymentReceipt, pdfFonts, pdfText, pdfWords, rasteriser } from '../support/pdf.js';

const render = rasteriser();

/** Words must sit inside the paper, clear of the edges, on every page. */
function expectInsidePaper(pdf: string, margin = 20): void {
  const { pages, words } = pdfWords(pdf);
  expect(words.length).toBeGreaterThan(20);
  for (const w of words) {
    expect(w.xMin, w.text).toBeGreaterThanOrEqual(margin);
    expect(w.xMax, w.text).toBeLessThanOrEqual(pages[w.page]!.width - margin);
  }
}

describe('Tanda Terima Permohonan', () => {
  it('carries the application number in a QR and a Code 128 that scan back to it', async () => {
    const r = render(await renderApplicationReceipt(applicationReceipt()), 'receipt');
    expect(r.pngs).toHaveLength(1);
    expect(barcodes(r.pngs[0]!).sort()).toEqual(['CODE-128:BYM-261130-03-0001', 'QR-Code:BYM-261130-03-0001']);
  });

  it('embeds DejaVu Sans as subsets and no other font', async () => {
    const r = render(await renderApplicationReceipt(applicationReceipt()), 'receipt-fonts');
    const fonts = pdfFonts(r.pdf);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')).sort()).toEqual(['DejaVuSans', 'DejaVuSans-Bold']);
    for (const f of fonts) expect(f).toMatchObject({ embedded: true, subset: true });
  });

  it('prints the office, applicant, service, fee, billing code, status, collection date, officer and time', async () => {
    const r = render(await renderApplicationReceipt(applicationReceipt()), 'receipt-text');
    const text = pdfText(r.pdf);
    for (const expected of [
      'KANTOR IMIGRASI KELAS I TPI SEMARANG (BANYUMANIK)',
      'TANDA TERIMA PERMOHONAN',
      'Application Receipt',
      'BYM-261130-03-0001',
      'MP7K2Q9X4B',
      'Siti Nurhaliza',
      '3374124501900003',
      'Semarang, 5 Januari 1990',
      'Paspor Elektronik 10 Tahun',
      'Electronic passport, 10 years',
      '8201 2345 6789 012',
      'LUNAS / Paid',
      'Jumat, 4 Desember 2026',
      'Friday, 4 December 2026',
      'Rp 950.000',
      'Rina Kusumawati',
      '30 November 2026 14:05 WIB',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('SALINAN');
    expect(text).not.toContain('BATAL');
  });

  it('marks a reprint with its number and reason, and a void with a watermark and its reason', async () => {
    const reprint = render(
      await renderApplicationReceipt(applicationReceipt({ reprint: { count: 2, reason: 'Kertas macet di printer' } })),
      'reprint',
    );
    const reprintText = pdfText(reprint.pdf);
    expect(reprintText).toContain('SALINAN · CETAK ULANG ke-2 / COPY · REPRINT no. 2');
    expect(reprintText).toContain('Alasan / Reason: Kertas macet di printer');
    expect(reprintText).not.toContain('BATAL');

    const voided = render(
      await renderApplicationReceipt(
        applicationReceipt({ void: { reason: 'Salah layanan dipilih', by: 'Hendra Wijaya', at: Date.UTC(2026, 10, 30, 7, 30) } }),
      ),
      'void',
    );
    const voidText = pdfText(voided.pdf);
    expect(voidText).toContain('DIBATALKAN — DOKUMEN TIDAK BERLAKU / VOIDED — NOT VALID');
    expect(voidText).toContain('Alasan / Reason: Salah layanan dipilih · Oleh / By: Hendra Wijaya · 30 November 2026 14:30 WIB');
    // The diagonal watermark is text too: pdftotext reads it letter by letter along its slant.
    expect(voidText.replace(/\s+/g, '')).toContain('BATAL/VOID');
    // A voided receipt still scans, so the hand-over desk can find it and see that it is void.
    expect(barcodes(voided.pngs[0]!)).toContain('QR-Code:BYM-261130-03-0001');
  });

  it('puts English first when the applicant reads English', async () => {
    const r = render(await renderApplicationReceipt(applicationReceipt({ language: 'en' })), 'english');
    const text = pdfText(r.pdf);
    expect(text).toContain('APPLICATION RECEIPT');
    expect(text).toContain('Tanda Terima Permohonan');
    expect(text).toContain('Paid / LUNAS');
    expect(text.indexOf('Friday, 4 December 2026')).toBeLessThan(text.indexOf('Jumat, 4 Desember 2026'));
  });

  it('wraps a very long name and service instead of running off the paper', async () => {
    const name = 'Raden Mas Muhammad Abdurrahman Wicaksono Hadiningrat Prawirodirdjo Kusumanegara Sastrowardoyo Notonegoro';
    const service =
      'Penggantian Paspor Elektronik 10 Tahun karena Hilang dengan Berita Acara Pemeriksaan dan Layanan Percepatan Selesai Hari yang Sama';
    for (const paper of ['A4', 'A5'] as const) {
      const r = render(
        await renderApplicationReceipt(
          applicationReceipt({
            paper,
            applicant: { name, nik: '3374124501900003' },
            service: { id: service, en: 'Replacement of a lost electronic passport' },
          }),
        ),
        `long-${paper}`,
      );
      expectInsidePaper(r.pdf);
      const words = pdfText(r.pdf).split(/\s+/);
      for (const part of [...name.split(' '), ...service.split(' ')]) expect(words).toContain(part);
    }
  });

  it('fits an ordinary receipt on one A5 sheet that still scans', async () => {
    const r = render(
      await renderApplicationReceipt(
        applicationReceipt({ paper: 'A5', paymentStatus: 'unpaid', reprint: { count: 1, reason: 'Diminta pemohon' } }),
      ),
      'a5',
    );
    expect(pageCount(r.pdf)).toBe(1);
    expect(pdfWords(r.pdf).pages[0]).toEqual({ width: 419.53, height: 595.28 });
    expect(barcodes(r.pngs[0]!).sort()).toEqual(['CODE-128:BYM-261130-03-0001', 'QR-Code:BYM-261130-03-0001']);
    expect(pdfText(r.pdf)).toContain('BELUM DIBAYAR / Unpaid');
  });
});

describe('Bukti Pembayaran', () => {
  it('shows the fee lines, total, payment time in WITA and scans to the application number', async () => {
    const r = render(await renderPaymentReceipt(paymentReceipt()), 'payment');
    const text = pdfText(r.pdf);
    for (const expected of [
      'BUKTI PEMBAYARAN PNBP',
      'KANTOR IMIGRASI KELAS I TPI MATARAM (LOMBOK)',
      'Rp 350.000',
      'Rp 1.000.000',
      'Rp 1.350.000',
      '8201 9876 5432 109',
      'NTPN 0A1B2C3D4E5F6G7H',
      '30 November 2026 14:41 WITA',
      '30 November 2026 15:05 WITA',
      'Baiq Nurul Hidayati',
    ]) {
      expect(text).toContain(expected);
    }
    expect(barcodes(r.pngs[0]!).sort()).toEqual(['CODE-128:LBK-261130-01-0042', 'QR-Code:LBK-261130-01-0042']);
    for (const f of pdfFonts(r.pdf)) expect(f).toMatchObject({ embedded: true, subset: true });
  });

  it('says plainly when a supervisor confirmed the payment by hand', async () => {
    const r = render(
      await renderPaymentReceipt(
        paymentReceipt({ paymentStatus: 'manual', manualConfirmation: { by: 'Hendra Wijaya', proof: 'Struk ATM BRI 13:41' } }),
      ),
      'manual',
    );
    const text = pdfText(r.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Dikonfirmasi Manual oleh');
    expect(text).toContain('Hendra Wijaya');
    expect(text).toContain('Bukti / Proof: Struk ATM BRI 13:41');
    expect(text).toContain('menunggu rekonsiliasi');
  });
});
