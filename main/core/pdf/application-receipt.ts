// Tanda Terima Permohonan: what the applicant takes home after check-in and shows at hand-over.
import { closing, feeTable, fieldGrid, numberBand, type Field } from './blocks.js';
import { applicantFields, groupedBilling, L, PAYMENT_STATUS, renderDocument, serviceField } from './document.js';
import { formatIsoDate, joined } from './format.js';
import type { ApplicationReceiptModel, Bilingual } from './models.js';
import { checkApplicationReceipt } from './validate.js';

export async function renderApplicationReceipt(model: ApplicationReceiptModel): Promise<Uint8Array> {
  checkApplicationReceipt(model);
  const title = { id: 'Tanda Terima Permohonan', en: 'Application Receipt' };
  return renderDocument(model, { title, docId: model.applicationNumber, paper: model.paper }, (s, lang) => {
    numberBand(s, L.applicationNumber, model.applicationNumber, L.scanHint, lang);
    const rows: Field[] = [];
    if (model.bookingCode) rows.push({ label: L.bookingCode, value: model.bookingCode });
    rows.push(...applicantFields(model.applicant, lang), serviceField(model.service, lang));
    rows.push({ label: L.billingCode, value: model.billingCode ? groupedBilling(model.billingCode) : '-' });
    rows.push({ label: L.paymentStatus, value: joined(PAYMENT_STATUS[model.paymentStatus], lang), strong: true });
    rows.push({
      label: { id: 'Perkiraan Tanggal Pengambilan', en: 'Expected collection date' },
      value: model.collectionDate ? formatIsoDate(model.collectionDate, lang) : '-',
      ...(model.collectionDate ? { note: formatIsoDate(model.collectionDate, lang === 'id' ? 'en' : 'id') } : {}),
      strong: true,
    });
    fieldGrid(s, rows, lang);
    feeTable(s, model.fees, model.total, lang);
    const notes: Bilingual[] = [];
    if (model.paymentStatus === 'unpaid') {
      notes.push({
        id: 'Bayar kode billing dalam 2 jam sejak diterbitkan; permohonan diproses setelah pembayaran diterima.',
        en: 'Pay the billing code within 2 hours of issue; the application is processed once payment is received.',
      });
    }
    notes.push(
      {
        id: 'Simpan tanda terima ini dan tunjukkan bersama KTP-el asli saat pengambilan paspor.',
        en: 'Keep this receipt and show it with your original KTP-el when you collect the passport.',
      },
      {
        id: 'Paspor yang tidak diambil dalam 30 hari sejak tanggal selesai akan dibatalkan.',
        en: 'A passport not collected within 30 days of being ready is cancelled.',
      },
    );
    closing(s, notes, L.officer, model.officerName, lang);
  });
}
