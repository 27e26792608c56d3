// A model that would print a wrong or incomplete document is refused with a specific VALIDATION
// error, before any PDF exists.
import { describe, expect, it } from 'vitest';
import { AppError } from '@common/contract/result.js';
import { renderApplicationReceipt, renderDeficiencyNotice, renderPaymentReceipt, renderQueueTicket } from '@main/core/pdf/index.js';
import { applicationReceipt, deficiencyNotice, paymentReceipt, queueTicket } from '../support/pdf.js';

async function refusal(p: Promise<unknown>): Promise<{ code: string; fields: Record<string, string[]> }> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  const app = err as AppError;
  return { code: app.code, fields: (app.details as { fields: Record<string, string[]> }).fields };
}

describe('receipt models', () => {
  it('refuses a total that is not the sum of the fee lines', async () => {
    const r = await refusal(renderApplicationReceipt(applicationReceipt({ total: 900_000 })));
    expect(r).toEqual({ code: 'VALIDATION', fields: { total: ['pdf.total.mismatch'] } });
    const p = await refusal(renderPaymentReceipt(paymentReceipt({ total: 350_000 })));
    expect(p.fields).toEqual({ total: ['pdf.total.mismatch'] });
  });

  it('refuses a billing code of the wrong shape', async () => {
    for (const billingCode of ['82012345678901', '8201234567890123', '82012345678901A']) {
      expect((await refusal(renderApplicationReceipt(applicationReceipt({ billingCode })))).fields).toEqual({
        billingCode: ['pdf.billingCode'],
      });
    }
  });

  it('refuses a reprint without a reason and a void without a reason', async () => {
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ reprint: { count: 1, reason: '   ' } })))).fields).toEqual({
      'reprint.reason': ['pdf.required'],
    });
    expect((await refusal(renderPaymentReceipt(paymentReceipt({ void: { reason: '' } })))).fields).toEqual({
      'void.reason': ['pdf.required'],
    });
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ reprint: { count: 0, reason: 'x' } })))).fields).toEqual({
      'reprint.count': ['pdf.reprint.count'],
    });
  });

  it('refuses fractional or negative rupiah, a malformed application number, NIK, date or time zone', async () => {
    const fees = [{ label: { id: 'a', en: 'a' }, amount: 350_000.5 }];
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ fees, total: 350_000.5 })))).fields).toMatchObject({
      'fees.0.amount': ['pdf.rupiah.integer'],
    });
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ applicationNumber: 'BYM-2611-03-1' })))).fields).toEqual({
      applicationNumber: ['pdf.applicationNumber'],
    });
    expect(
      (await refusal(renderApplicationReceipt(applicationReceipt({ applicant: { name: 'Siti', nik: '33741245019' } })))).fields,
    ).toEqual({ 'applicant.nik': ['pdf.nik'] });
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ collectionDate: '2026-02-30' })))).fields).toEqual({
      collectionDate: ['pdf.date'],
    });
    const office = { code: 'BYM', name: 'Banyumanik', address: '', timeZone: 'Asia/Semarang' };
    expect((await refusal(renderApplicationReceipt(applicationReceipt({ office })))).fields).toEqual({
      'office.timeZone': ['pdf.timeZone'],
    });
  });

  it('prints a foreign applicant with no NIK', async () => {
    const bytes = await renderApplicationReceipt(
      applicationReceipt({ applicant: { name: 'John Smith', nik: '', passportNumber: 'C1234567' } }),
    );
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });
});

describe('deficiency notice and ticket models', () => {
  it('refuses a deficiency notice with nothing missing', async () => {
    expect((await refusal(renderDeficiencyNotice(deficiencyNotice({ missingDocuments: [] })))).fields).toEqual({
      missingDocuments: ['pdf.missingDocuments.empty'],
    });
  });

  it('refuses a ticket with a negative count ahead, a fractional wait or no id', async () => {
    expect((await refusal(renderQueueTicket(queueTicket({ peopleAhead: -1 })))).fields).toEqual({ peopleAhead: ['pdf.peopleAhead'] });
    expect((await refusal(renderQueueTicket(queueTicket({ estimatedWaitMinutes: 2.5 })))).code).toBe('VALIDATION');
    expect((await refusal(renderQueueTicket(queueTicket({ ticketId: '' })))).fields).toEqual({ ticketId: ['pdf.required'] });
  });
});
