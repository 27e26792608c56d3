// The frame every A4/A5 document shares: fonts, letterhead, title, banners, footer, void watermark,
// metadata; each document file only fills in its body.
import { PDFDocument, rgb } from 'pdf-lib';
import { footer, letterhead, reprintBanner, title, voidBanner } from './blocks.js';
import { embedFonts } from './fonts.js';
import { formatIsoDate, joined } from './format.js';
import type { ApplicantInfo, Bilingual, DocumentBase, PaymentStatus, PdfLanguage } from './models.js';
import { ALERT, PAPER, Sheet } from './sheet.js';
import type { Field } from './blocks.js';

export interface PageSpec {
  title: Bilingual;
  /** Short id printed in the footer, e.g. the application number. */
  docId: string;
  paper?: 'A4' | 'A5';
}

export async function renderDocument(
  model: DocumentBase,
  spec: PageSpec,
  body: (s: Sheet, lang: PdfLanguage) => void,
): Promise<Uint8Array> {
  const lang = model.language ?? 'id';
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const a5 = spec.paper === 'A5';
  const s = new Sheet(doc, fonts, { size: a5 ? PAPER.A5 : PAPER.A4, margin: a5 ? 24 : 42, footer: a5 ? 24 : 30, scale: a5 ? 0.7 : 1 });
  letterhead(s, model.office);
  title(s, spec.title, lang);
  voidBanner(s, model.void, model.office, lang);
  reprintBanner(s, model.reprint, lang);
  body(s, lang);
  footer(s, model, spec.docId);
  // A voided training receipt carries both marks side by side, each moved half way off the diagonal.
  if (model.void) s.watermark(joined({ id: 'BATAL', en: 'VOID' }, lang), ALERT, model.training ? MARK_APART * s.k : 0);
  return finishPdf(doc, s, {
    title: `${joined(spec.title, lang)} ${spec.docId}`,
    author: model.office.name,
    language: lang,
    at: model.printedAt,
    training: model.training,
    markShift: model.void ? -MARK_APART * s.k : 0,
  });
}

const MARK_APART = 55;

/** The mark every page printed in training mode carries, whatever the document's language. */
export const TRAINING_MARK = 'LATIHAN — SPECIMEN';
const TRAINING_INK = rgb(0.1, 0.25, 0.6);

/**
 * The last step of every PDF Loket makes (the A4/A5 documents above and the thermal ticket): the training
 * mark over every page, then the metadata. Kept in one place so a new document cannot print as real in
 * training mode.
 */
export function finishPdf(
  doc: PDFDocument,
  s: Sheet,
  meta: { title: string; author: string; language: PdfLanguage; at: number; training: boolean; markShift?: number },
): Promise<Uint8Array> {
  if (meta.training) s.watermark(TRAINING_MARK, TRAINING_INK, meta.markShift ?? 0);
  const when = new Date(meta.at);
  doc.setTitle(meta.training ? `${TRAINING_MARK}: ${meta.title}` : meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setCreator('Loket');
  doc.setProducer('Loket (pdf-lib)');
  doc.setLanguage(meta.language === 'en' ? 'en' : 'id-ID');
  if (meta.training) doc.setKeywords([TRAINING_MARK]);
  doc.setCreationDate(when);
  doc.setModificationDate(when);
  return doc.save();
}

export const L = {
  applicationNumber: { id: 'Nomor Permohonan', en: 'Application number' },
  bookingCode: { id: 'Kode Booking M-Paspor', en: 'M-Paspor booking code' },
  applicant: { id: 'Nama Pemohon', en: 'Applicant name' },
  nik: { id: 'NIK', en: 'National ID number (NIK)' },
  passport: { id: 'Nomor Paspor', en: 'Passport number' },
  birth: { id: 'Tempat / Tanggal Lahir', en: 'Place / date of birth' },
  service: { id: 'Jenis Layanan', en: 'Service' },
  billingCode: { id: 'Kode Billing SIMPONI', en: 'SIMPONI billing code' },
  paymentStatus: { id: 'Status Pembayaran', en: 'Payment status' },
  officer: { id: 'Petugas Loket', en: 'Counter officer' },
  scanHint: { id: 'Pindai untuk mencari permohonan', en: 'Scan to find the application' },
} satisfies Record<string, Bilingual>;

export const PAYMENT_STATUS: Record<PaymentStatus, Bilingual> = {
  paid: { id: 'LUNAS', en: 'Paid' },
  unpaid: { id: 'BELUM DIBAYAR', en: 'Unpaid' },
  expired: { id: 'KEDALUWARSA (lewat 2 jam)', en: 'Expired (over 2 hours)' },
  manual: { id: 'LUNAS (konfirmasi manual, menunggu rekonsiliasi)', en: 'Paid (confirmed manually, awaiting reconciliation)' },
  waived: { id: 'DIBEBASKAN', en: 'Waived' },
};

/** "8201 2345 6789 012": grouped so the applicant can read it out to a bank teller or type it into an app. */
export const groupedBilling = (code: string): string => code.replace(/^(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4');

/** The applicant's identity rows: name, NIK (or passport for a foreigner), birth when known. */
export function applicantFields(a: ApplicantInfo, lang: PdfLanguage): Field[] {
  const rows: Field[] = [{ label: L.applicant, value: a.name, strong: true }];
  if (a.nik) rows.push({ label: L.nik, value: a.nik });
  if (a.passportNumber) rows.push({ label: L.passport, value: a.passportNumber });
  if (a.placeOfBirth || a.dateOfBirth) {
    const date = a.dateOfBirth ? formatIsoDate(a.dateOfBirth, lang, false) : '-';
    rows.push({ label: L.birth, value: `${a.placeOfBirth || '-'}, ${date}` });
  }
  return rows;
}

export function serviceField(service: Bilingual, lang: PdfLanguage): Field {
  const [a, b] = [lang === 'en' ? service.en : service.id, lang === 'en' ? service.id : service.en];
  return { label: L.service, value: a, ...(a === b ? {} : { note: b }) };
}
