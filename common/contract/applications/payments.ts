import { z } from 'zod';
import { text } from '../schemas.js';
import { defineCall } from '../define.js';
import { ApplicationIdSchema, ApplicationView, ReasonText } from './schemas.js';

/** Shape only here; core answers billing.* codes for digits and length so the officer sees which. */
const BillingCodeInput = text().trim().min(1).max(40);
const OverrideToken = text().min(10).max(200);

export const paymentsCalls = {
  /** Records the SIMPONI billing code; the amount must be the fee in force on the application date. */
  'payments.recordBilling': defineCall({
    input: z.strictObject({
      applicationId: ApplicationIdSchema,
      billingCode: BillingCodeInput,
      amount: z.number().int().min(0).max(1_000_000_000),
    }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** Central is unreachable: a supervisor (override 'payment.manual') confirms from the proof; flagged for reconciliation. */
  'payments.confirmManual': defineCall({
    input: z.strictObject({
      paymentId: z.string().uuid(),
      proofReference: text().trim().min(4).max(100),
      overrideToken: OverrideToken,
    }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** No fee (e.g. first-time migrant workers): a reason and a supervisor override ('fee.waive'). */
  'payments.waive': defineCall({
    input: z.strictObject({ applicationId: ApplicationIdSchema, reason: ReasonText, overrideToken: OverrideToken }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
};
