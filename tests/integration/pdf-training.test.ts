// Training mode's paper: every PDF Loket makes carries the diagonal LATIHAN — SPECIMEN mark while the
// workstation is in training mode, and none does in real mode. Read back as an applicant's copy would be:
// the text layer (pdftotext) and a rendering looked at once (test-results/training-*.png).
import { copyFileSync, mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderApplicationReceipt, renderDeficiencyNotice, renderPaymentReceipt, renderQueueTicket } from '@main/core/pdf/index.js';
import {
  applicationReceipt,
  deficiencyNotice,
  paymentReceipt,
  pdfDiagonalMarks,
  pdfText,
  queueTicket,
  rasteriser,
} from '../support/pdf.js';

const rasterise = rasteriser();

/** The diagonal marks of every page of the rendered PDF. */
const marks = (bytes: Uint8Array, name: string): string[][] => pdfDiagonalMarks(rasterise(bytes, name, 50).pdf);
const MARK = 'LATIHAN—SPECIMEN';

const renderers: Record<string, (training: boolean) => Promise<Uint8Array>> = {
  ticket: (training) => renderQueueTicket(queueTicket({ training })),
  application: (training) => renderApplicationReceipt(applicationReceipt({ training })),
  payment: (training) => renderPaymentReceipt(paymentReceipt({ training })),
  deficiency: (training) => renderDeficiencyNotice(deficiencyNotice({ training })),
};

describe('the training mark on the printed documents', () => {
  it.each(Object.keys(renderers))('marks the %s only in training mode', async (kind) => {
    expect(marks(await renderers[kind]!(true), `${kind}-training`)).toEqual([expect.arrayContaining([MARK])]);
    const real = await renderers[kind]!(false);
    expect(marks(real, `${kind}-real`).flat()).not.toContain(MARK);
    expect(pdfText(rasterise(real, `${kind}-real-text`, 50).pdf)).not.toMatch(/LATIHAN|SPECIMEN/);
  });

  it('marks every page of a long document, and a voided training receipt carries both marks', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ label: { id: `Dokumen ${i + 1}`, en: `Document ${i + 1}` } }));
    const long = await renderDeficiencyNotice(deficiencyNotice({ training: true, missingDocuments: many }));
    const pages = marks(long, 'long');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toEqual([MARK]);

    const voided = marks(await renderApplicationReceipt(applicationReceipt({ training: true, void: { reason: 'Salah cetak' } })), 'void');
    expect(voided).toEqual([expect.arrayContaining([MARK, 'BATAL/VOID'])]);
  });

  it('prints the ticket mark in solid ink as well, for thermal printers that drop a pale one', async () => {
    const text = pdfText(rasterise(await renderQueueTicket(queueTicket({ training: true })), 'ticket-solid', 50).pdf);
    // The solid line is laid out horizontally, so it survives as one line of text.
    expect(text).toMatch(/LATIHAN — SPECIMEN/);
  });

  it('renders to an image someone looks at', async () => {
    mkdirSync('test-results', { recursive: true });
    const receipt = rasterise(await renderApplicationReceipt(applicationReceipt({ training: true })), 'look', 60);
    copyFileSync(receipt.pngs[0]!, 'test-results/training-application-receipt.png');
    const ticket = rasterise(await renderQueueTicket(queueTicket({ training: true })), 'look-ticket', 100);
    copyFileSync(ticket.pngs[0]!, 'test-results/training-queue-ticket.png');
    const voided = rasterise(
      await renderPaymentReceipt(paymentReceipt({ training: true, void: { reason: 'Salah cetak' } })),
      'look-void',
      60,
    );
    copyFileSync(voided.pngs[0]!, 'test-results/training-voided-payment-receipt.png');
    expect(receipt.pngs.length + ticket.pngs.length + voided.pngs.length).toBe(3);
  });
});
