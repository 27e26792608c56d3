// The deficiency notice must list exactly what is missing, nothing more, nothing less, across as
// many pages as that takes.
import { describe, expect, it } from 'vitest';
import { renderDeficiencyNotice } from '@main/core/pdf/index.js';
import { barcodes, deficiencyNotice, pageCount, pdfFonts, pdfText, rasteriser } from '../support/pdf.js';

const rasterised = rasteriser();
const render = async (model = deficiencyNotice(), name = 'notice') => rasterised(await renderDeficiencyNotice(model), name);

/** The numbered checklist items as printed: "1. Akta kelahiran (asli dan fotokopi)". */
const items = (text: string) => [...text.matchAll(/^\s*(\d+)\.\s+(.+?)\s*$/gm)].map((m) => `${m[1]}. ${m[2]}`);

describe('Pemberitahuan Kekurangan Berkas', () => {
  it('lists exactly the missing documents, numbered, in both languages', async () => {
    const r = await render();
    const text = pdfText(r.pdf);
    expect(items(text)).toEqual([
      '1. Akta kelahiran (asli dan fotokopi)',
      '2. KTP-el kedua orang tua',
      '3. Buku nikah / akta perkawinan orang tua',
    ]);
    for (const en of ['Birth certificate (original and a copy)', "Both parents' KTP-el", "Parents' marriage certificate"])
      expect(text).toContain(en);
    for (const expected of [
      'PEMBERITAHUAN KEKURANGAN BERKAS',
      'Notice of Missing Documents',
      'Maria Latuheru',
      '8171035203150001',
      'Harap kembali paling lambat Senin, 14 Desember 2026.',
      'Please come back by Monday, 14 December 2026.',
      '30 November 2026 16:05 WIT',
      'Johanis Pattiasina',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('scans to the application number so the officer finds the waiting application on return', async () => {
    const r = await render();
    expect(barcodes(r.pngs[0]!).sort()).toEqual(['CODE-128:AMB-261130-02-0007', 'QR-Code:AMB-261130-02-0007']);
    for (const f of pdfFonts(r.pdf)) expect(f).toMatchObject({ embedded: true, subset: true });
  });

  it('continues a long list on a second page without dropping an item', async () => {
    const missing = Array.from({ length: 30 }, (_, i) => ({
      label: { id: `Dokumen pendukung nomor ${i + 1}`, en: `Supporting document no. ${i + 1}` },
    }));
    const r = await render(deficiencyNotice({ missingDocuments: missing }), 'notice-long');
    expect(pageCount(r.pdf)).toBe(2);
    const text = pdfText(r.pdf);
    expect(items(text)).toEqual(missing.map((d, i) => `${i + 1}. ${d.label.id}`));
    expect(text).toContain('AMB-261130-02-0007 · 1/2');
    expect(text).toContain('AMB-261130-02-0007 · 2/2');
  });
});
