// Pemberitahuan Kekurangan Berkas: lists exactly what the applicant still has to bring, so they
// come back once with everything.
import { closing, fieldGrid, note, numberBand } from './blocks.js';
import { applicantFields, L, renderDocument, serviceField } from './document.js';
import { formatIsoDate, ordered } from './format.js';
import type { DeficiencyNoticeModel, MissingDocument, PdfLanguage } from './models.js';
import { INK, MUTED, type Sheet } from './sheet.js';
import { checkDeficiencyNotice } from './validate.js';

export async function renderDeficiencyNotice(model: DeficiencyNoticeModel): Promise<Uint8Array> {
  checkDeficiencyNotice(model);
  const title = { id: 'Pemberitahuan Kekurangan Berkas', en: 'Notice of Missing Documents' };
  return renderDocument(model, { title, docId: model.applicationNumber, paper: model.paper }, (s, lang) => {
    numberBand(s, L.applicationNumber, model.applicationNumber, L.scanHint, lang);
    fieldGrid(s, [...applicantFields(model.applicant, lang), serviceField(model.service, lang)], lang);
    note(
      s,
      {
        id: 'Permohonan Anda belum dapat dilanjutkan karena dokumen berikut belum lengkap. Mohon bawa semua dokumen ini saat kembali:',
        en: 'Your application cannot go ahead yet because the documents below are missing. Please bring all of them when you come back:',
      },
      lang,
    );
    s.gap(2);
    model.missingDocuments.forEach((d, i) => checklistItem(s, i + 1, d, lang));
    s.gap(8);
    if (model.returnBy) {
      const [a, b] = ordered(
        {
          id: `Harap kembali paling lambat ${formatIsoDate(model.returnBy, 'id')}.`,
          en: `Please come back by ${formatIsoDate(model.returnBy, 'en')}.`,
        },
        lang,
      );
      s.text(a, { size: 10, bold: true });
      s.text(b, { size: 8, color: MUTED });
      s.gap(6);
    }
    const keep = {
      id: 'Permohonan Anda tetap tersimpan dengan nomor di atas. Tunjukkan surat ini kepada petugas saat kembali.',
      en: 'Your application stays on file under the number above. Show this notice to the officer when you return.',
    };
    closing(s, [keep], L.officer, model.officerName, lang);
  });
}

/** "1. [ ] Akta kelahiran (asli dan fotokopi)" with the other language under it. */
function checklistItem(s: Sheet, n: number, d: MissingDocument, lang: PdfLanguage): void {
  const indent = 44 * s.k;
  const x = s.left + indent;
  const width = s.width - indent;
  const [a, b] = ordered(d.label, lang);
  const [na, nb] = d.note ? ordered(d.note, lang) : ['', ''];
  const main = na ? `${a} (${na})` : a;
  const sub = nb ? `${b} (${nb})` : b;
  const h =
    s.textHeight(main, { size: 10.5, bold: true, x, width }) + (sub !== main ? s.textHeight(sub, { size: 8, x, width }) : 0) + 6 * s.k;
  s.ensure(h);
  s.textAt(`${n}.`, s.y, { size: 10.5, bold: true, x: s.left, width: 22 * s.k, align: 'right' });
  const box = 9 * s.k;
  s.box(s.left + 28 * s.k, s.y - 2 * s.k, box, box, { border: INK, borderWidth: 0.8 });
  const used = s.textAt(main, s.y, { size: 10.5, bold: true, x, width });
  if (sub !== main) s.textAt(sub, s.y - used, { size: 8, color: MUTED, x, width });
  s.y -= h;
}
