// Receipts through the contract: issued, reprinted with a reason (marked, audited), voided with a
// supervisor. Each PDF is checked the way an applicant would: its text (pdftotext), its fonts
// (pdffonts) and its barcodes decoded from a rendering (pdftoppm + zbarimg).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbDigest } from '../support/snapshot.js';
import { noCapturesRequired, openDesk, override, walkInDraft, type Desk } from '../support/applications-fixtures.js';
import { barcodes, pdfFonts, pdfText, rasteriser } from '../support/pdf.js';

let d: Desk;
let appId: string;
let number: string;
beforeAll(async () => {
  d = await openDesk();
  const app = await d.t.value('applications.create', { draft: walkInDraft() }, d.officer);
  appId = app.id;
  number = app.number;
});
afterAll(() => d.t.cleanup());

const rasterise = rasteriser();
function inspect(base64: string, name: string) {
  const { pdf, pngs } = rasterise(Buffer.from(base64, 'base64'), name);
  return { text: pdfText(pdf), fonts: pdfFonts(pdf), codes: barcodes(pngs[0]!) };
}

describe('application receipt', () => {
  it('prints the application with its barcodes, fee and collection date', async () => {
    const r = await d.t.value('receipts.issue', { applicationId: appId, kind: 'application' }, d.officer);
    expect(r).toMatchObject({
      copyNo: 1,
      fileName: `${number}-application.pdf`,
      receipt: { kind: 'application', status: 'active', printCount: 1 },
    });
    const pdf = inspect(r.pdfBase64, 'first');
    expect(pdf.text).toContain(number);
    expect(pdf.text).toContain('BUDI SANTOSO');
    expect(pdf.text).toMatch(/950\.000/);
    expect(pdf.text).toMatch(/Tanda Terima Permohonan/i);
    expect(pdf.text).not.toMatch(/KANTOR IMIGRASI KANTOR IMIGRASI/i);
    expect(pdf.fonts.some((f) => f.embedded && f.subset)).toBe(true);
    expect(pdf.codes.filter((c) => c.includes(number)).length).toBeGreaterThanOrEqual(2); // QR and Code 128
  });

  it('reprints only with a reason, with a reprint marker, and records the copy', async () => {
    const view = await d.t.value('applications.get', { id: appId }, d.officer);
    const receiptId = view.receipts[0]!.id;
    const before = dbDigest(d.t.core.db);
    const noReason = await d.t.call('receipts.reprint', { receiptId, reason: '' }, d.officer);
    expect(noReason.ok ? 'ok' : noReason.error.code).toBe('VALIDATION');
    expect(dbDigest(d.t.core.db)).toBe(before);
    const copy = await d.t.value('receipts.reprint', { receiptId, reason: 'Kertas pertama macet di printer' }, d.officer);
    expect(copy).toMatchObject({ copyNo: 2, receipt: { printCount: 2 } });
    expect(inspect(copy.pdfBase64, 'copy').text).toMatch(/CETAK ULANG/i);
    const prints = d.t.core.db.prepare('SELECT copy_no, reason FROM receipt_prints WHERE receipt_id = ? ORDER BY copy_no').all(receiptId);
    expect(prints).toEqual([
      { copy_no: 1, reason: null },
      { copy_no: 2, reason: 'Kertas pertama macet di printer' },
    ]);
    const audit = d.t.core.db.prepare("SELECT summary FROM audit_events WHERE action = 'receipts.reprint'").pluck().all() as string[];
    expect(JSON.parse(audit[0]!)).toMatchObject({ copyNo: 2, reason: 'Kertas pertama macet di printer' });
  });

  it('voids only with a supervisor override', async () => {
    const receiptId = (await d.t.value('applications.get', { id: appId }, d.officer)).receipts[0]!.id;
    const refused = await d.t.call('receipts.void', { receiptId, reason: 'Salah cetak layanan', overrideToken: 'x'.repeat(32) }, d.officer);
    expect(refused.ok ? 'ok' : [refused.error.code, refused.error.details]).toEqual([
      'FORBIDDEN',
      { reason: 'override.required', overrideRequired: 'receipt.void' },
    ]);
    const voided = await d.t.value(
      'receipts.void',
      { receiptId, reason: 'Salah cetak layanan', overrideToken: await override(d, 'receipt.void') },
      d.officer,
    );
    expect(voided.receipt).toMatchObject({ status: 'void', voidReason: 'Salah cetak layanan' });
    expect(inspect(voided.pdfBase64, 'void').text).toMatch(/BATAL|VOID/i);
    const again = await d.t.call('receipts.reprint', { receiptId, reason: 'Minta salinan' }, d.officer);
    expect(again.ok ? 'ok' : again.error.code).toBe('CONFLICT');
  });
});

describe('deficiency notice and payment receipt', () => {
  it('lists exactly the missing documents', async () => {
    const none = await d.t.call('receipts.issue', { applicationId: appId, kind: 'deficiency' }, d.officer);
    expect(none.ok ? 'ok' : none.error.code).toBe('CONFLICT');
    await d.t.value('applications.markDocument', { id: appId, docCode: 'KK', state: 'missing' }, d.officer);
    await d.t.value('applications.markDocument', { id: appId, docCode: 'KTP_EL', state: 'present' }, d.officer);
    const r = await d.t.value('receipts.issue', { applicationId: appId, kind: 'deficiency', language: 'en' }, d.officer);
    const pdf = inspect(r.pdfBase64, 'deficiency');
    expect(pdf.text).toContain('Kartu Keluarga');
    expect(pdf.text).not.toContain('KTP elektronik (asli)');
  });

  it('gives a payment receipt once the billing is paid', async () => {
    const app = await d.t.value('applications.create', { draft: walkInDraft({}, { serviceCode: 'PASPOR_BIASA_5' }) }, d.officer);
    const early = await d.t.call('receipts.issue', { applicationId: app.id, kind: 'payment' }, d.officer);
    expect(early.ok ? 'ok' : early.error.code).toBe('CONFLICT');
    await noCapturesRequired(d);
    const billed = await d.t.value(
      'payments.recordBilling',
      { applicationId: app.id, billingCode: '820126113000777', amount: 350_000 },
      d.officer,
    );
    await d.t.value(
      'payments.confirmManual',
      { paymentId: billed.payments[0]!.id, proofReference: 'NTPN 77AB12CD', overrideToken: await override(d, 'payment.manual') },
      d.officer,
    );
    const r = await d.t.value('receipts.issue', { applicationId: app.id, kind: 'payment' }, d.officer);
    const pdf = inspect(r.pdfBase64, 'payment');
    expect(pdf.text).toMatch(/350\.000/);
    expect(pdf.text.replace(/\s/g, '')).toContain('820126113000777');
  });
});
