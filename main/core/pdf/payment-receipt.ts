// Bukti Pembayaran: proof that the PNBP for an application was paid (or confirmed by a supervisor
// while central was unreachable, which the receipt says plainly).
import { closing, feeTable, fieldGrid, numberBand, type Field } from './blocks.js';
import { applicantFields, groupedBilling, L, PAYMENT_STATUS, renderDocument, serviceField } from './document.js';
import { formatDateTime, joined } from './format.js';
import type { Bilingual, PaymentReceiptModel } from './models.js';
import { checkPaymentReceipt } from './validate.js';

export async function renderPaymentReceipt(model: PaymentReceiptModel): Promise<Uint8Array> {
  checkPaymentReceipt(model);
  const title = { id: 'Bukti Pembayaran PNBP', en: 'PNBP Payment Receipt' };
  return renderDocument(model, { title, docId: model.applicationNumber, paper: model.paper }, (s, lang) => {
    numberBand(s, L.applicationNumber, model.applicationNumber, L.scanHint, lang);
    const rows: Field[] = [...applicantFields(model.applicant, lang), serviceField(model.service, lang)];
    rows.push({ label: L.billingCode, value: groupedBilling(model.billingCode) });
    if (model.paymentReference)
      rows.push({ label: { id: 'Referensi Pembayaran', en: 'Payment reference' }, value: model.paymentReference });
    if (model.paidAt != null)
      rows.push({ label: { id: 'Waktu Pembayaran', en: 'Paid at' }, value: formatDateTime(model.paidAt, model.office.timeZone, lang) });
    rows.push({ label: L.paymentStatus, value: joined(PAYMENT_STATUS[model.paymentStatus], lang), strong: true });
    if (model.manualConfirmation) {
      rows.push({
        label: { id: 'Dikonfirmasi Manual oleh', en: 'Confirmed manually by' },
        value: model.manualConfirmation.by,
        note: `${joined({ id: 'Bukti', en: 'Proof' }, lang)}: ${model.manualConfirmation.proof}`,
      });
    }
    fieldGrid(s, rows, lang);
    feeTable(s, model.fees, model.total, lang);
    const notes: Bilingual[] = [];
    if (model.manualConfirmation) {
      notes.push({
        id: 'Pembayaran ini dikonfirmasi manual saat sistem pusat tidak terjangkau dan akan direkonsiliasi dengan data SIMPONI.',
        en: 'This payment was confirmed manually while the central system was unreachable and will be reconciled with SIMPONI records.',
      });
    }
    notes.push({
      id: 'Simpan bukti pembayaran ini sampai paspor Anda diterima.',
      en: 'Keep this receipt until you have received your passport.',
    });
    closing(s, notes, L.officer, model.officerName, lang);
  });
}
