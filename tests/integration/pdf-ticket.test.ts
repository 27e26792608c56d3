// The 80 mm queue ticket: a roll cut to the content's length, the number large, the QR carrying the
// ticket id.
import { describe, expect, it } from 'vitest';
import { renderQueueTicket } from '@main/core/pdf/index.js';
import { LOMBOK, barcodes, pdfFonts, pdfText, pdfWords, queueTicket, rasteriser } from '../support/pdf.js';

const rasterised = rasteriser();
const render = async (model = queueTicket(), name = 'ticket') => rasterised(await renderQueueTicket(model), name);
const MM = 72 / 25.4;

describe('queue ticket (80 mm)', () => {
  it('is 80 mm wide, shows number, service, time, people ahead and wait, and its QR is the ticket id', async () => {
    const r = await render();
    const { pages, words } = pdfWords(r.pdf);
    expect(pages).toHaveLength(1);
    expect(pages[0]!.width).toBeCloseTo(80 * MM, 1);
    const text = pdfText(r.pdf);
    for (const expected of [
      'A-023',
      'Paspor Baru / Penggantian',
      'New passport / renewal',
      'Senin, 30 November 2026 · 14:05 WIB',
      'Di depan Anda: 5 orang',
      'People ahead of you: 5',
      'Perkiraan waktu tunggu: ± 25 menit',
      'Estimated wait: about 25 min',
    ]) {
      expect(text).toContain(expected);
    }
    expect(barcodes(r.pngs[0]!)).toEqual(['QR-Code:0193b2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b']);
    // The number is the largest thing on the ticket.
    const number = words.find((w) => w.text === 'A-023')!;
    const widest = Math.max(...words.filter((w) => w !== number).map((w) => w.xMax - w.xMin));
    expect(number.xMax - number.xMin).toBeGreaterThan(widest);
    for (const f of pdfFonts(r.pdf)) expect(f).toMatchObject({ embedded: true, subset: true });
  });

  it('grows in length for a long service name, wrapping it inside the paper', async () => {
    const short = pdfWords((await render()).pdf).pages[0]!;
    const service = {
      id: 'Penggantian Paspor Elektronik karena Hilang atau Rusak dengan Berita Acara Pemeriksaan',
      en: 'Replacement of a lost or damaged electronic passport with an examination report',
    };
    const r = await render(queueTicket({ service }), 'ticket-long');
    const { pages, words } = pdfWords(r.pdf);
    expect(pages[0]!.width).toBeCloseTo(short.width, 3);
    expect(pages[0]!.height).toBeGreaterThan(short.height);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(pages[0]!.width - 3 * MM);
    expect(barcodes(r.pngs[0]!)).toEqual(['QR-Code:0193b2c4-5d6e-7f80-9a1b-2c3d4e5f6a7b']);
  });

  it('keeps a long offline-mode number on one line', async () => {
    const r = await render(queueTicket({ ticketNumber: 'LOKAL3-B-1024' }), 'ticket-local');
    const lines = pdfText(r.pdf)
      .split('\n')
      .map((l) => l.trim());
    expect(lines).toContain('LOKAL3-B-1024');
    const { pages, words } = pdfWords(r.pdf);
    for (const w of words) expect(w.xMax, w.text).toBeLessThanOrEqual(pages[0]!.width - 3 * MM);
  });

  it('uses the office zone and says when there is no estimate yet', async () => {
    const note = { id: 'Prioritas: Lansia', en: 'Priority: senior citizen' };
    const r = await render(
      queueTicket({
        office: LOMBOK,
        estimatedWaitMinutes: null,
        peopleAhead: 0,
        language: 'en',
        note,
        reprint: { count: 1, reason: 'Kertas habis' },
      }),
      'ticket-wita',
    );
    const text = pdfText(r.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('Monday, 30 November 2026 · 15:05 WITA');
    expect(text).toContain('People ahead of you: 0');
    expect(text).toContain('Estimated wait: not available yet');
    expect(text).toContain('Priority: senior citizen Prioritas: Lansia');
    expect(text).toContain('COPY · REPRINT no. 1 / SALINAN · CETAK ULANG ke-1');
    expect(text).toContain('Reason / Alasan: Kertas habis');
  });
});
