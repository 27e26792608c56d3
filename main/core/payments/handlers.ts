// PNBP payments at the counter: the SIMPONI billing code (shape checked here, ledger central's), the
// supervisor's manual confirmation when central is unreachable (flagged for reconciliation), and fee
// waivers. The amount is always the fee in force on the application date, stored on the application.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import {
  billingCodeProblem,
  BILLING_VALIDITY_MS,
  effectivePaymentStatus,
  normaliseBillingCode,
} from '@common/domain/applications/billing-code.js';
import { formatRupiah } from '@common/domain/applications/fees.js';
import type { ApplicationStatus } from '@common/domain/applications/flow.js';
import {
  getPayment,
  getPaymentByBillingCode,
  insertPayment,
  insertPaymentEvent,
  listPayments,
  updatePayment,
} from '@db/queries/applications/payments.js';
import { signedIn } from '../access/auth.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { assertDayOpen } from '../end-of-day/day-closed.js';
import { overrideSummary, takeOverride } from '../access/override.js';
import { applicationOrFail } from '../applications/views.js';
import { viewOf } from '../applications/applicant-file.js';
import type { ApplicationRow } from '@db/queries/applications/applications.js';

/** Payment is taken at the counter before the pay transition. */
const PAYABLE: readonly ApplicationStatus[] = ['checked_in', 'incomplete', 'verified', 'biometrics_captured', 'interviewed'];

function assertPayable(a: ApplicationRow): void {
  if (!PAYABLE.includes(a.status))
    throw new AppError('CONFLICT', `No payment can be taken on an application that is ${a.status}`, {
      code: 'payment.notPayable',
      status: a.status,
    });
}

/** A billing that is unpaid and still valid, or paid, or a waiver: a second one would charge twice. */
function assertNoOpenPayment(ctx: CallContext, a: ApplicationRow): void {
  const open = listPayments(ctx.db, a.id).find(
    (p) => effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, ctx.now) !== 'expired',
  );
  if (open)
    throw new AppError('CONFLICT', `This application already has a ${open.status} payment`, { code: 'payment.exists', paymentId: open.id });
}

export const paymentsHandlers = {
  'payments.recordBilling': (ctx, input) => {
    const { user } = signedIn(ctx);
    assertDayOpen(ctx);
    const problem = billingCodeProblem(input.billingCode);
    if (problem) throw new AppError('VALIDATION', 'A SIMPONI billing code is 15 digits', { fields: { billingCode: [problem] } });
    const code = normaliseBillingCode(input.billingCode);
    const a = applicationOrFail(ctx.db, input.applicationId);
    assertPayable(a);
    if (input.amount !== a.fee_total) {
      throw new AppError(
        'VALIDATION',
        `The fee in force on ${a.business_date} is ${formatRupiah(a.fee_total)}, not ${formatRupiah(input.amount)}`,
        {
          fields: { amount: ['fee.mismatch'] },
          expected: a.fee_total,
        },
      );
    }
    assertNoOpenPayment(ctx, a);
    if (getPaymentByBillingCode(ctx.db, code))
      throw new AppError('CONFLICT', 'This billing code is already recorded', { code: 'billing.used' });
    const id = uuidv7();
    const expiresAt = ctx.now + BILLING_VALIDITY_MS;
    write(ctx, 'payments.recordBilling', (db) => {
      insertPayment(db, {
        id,
        application_id: a.id,
        kind: 'billing',
        billing_code: code,
        amount: a.fee_total,
        status: 'unpaid',
        status_source: null,
        issued_at: ctx.now,
        expires_at: expiresAt,
        paid_at: null,
        proof_reference: null,
        confirmed_by: null,
        reason: null,
        reconciliation: 'none',
        created_by: user.id,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      insertPaymentEvent(db, {
        id: uuidv7(),
        payment_id: id,
        at: ctx.now,
        status: 'unpaid',
        source: 'counter',
        user_id: user.id,
        detail: '{}',
      });
      return {
        change: {
          entity: 'payment',
          entityId: id,
          summary: { applicationId: a.id, billingCode: code, amount: a.fee_total },
          data: { applicationId: a.id, kind: 'billing', billingCode: code, amount: a.fee_total, issuedAt: ctx.now, expiresAt },
        },
      };
    });
    return viewOf(ctx, a.id);
  },

  'payments.confirmManual': (ctx, input) => {
    signedIn(ctx);
    assertDayOpen(ctx);
    const p = getPayment(ctx.db, input.paymentId);
    if (!p) throw new AppError('NOT_FOUND', 'No such payment');
    if (p.kind !== 'billing') throw new AppError('CONFLICT', 'Only a billing can be confirmed', { code: 'payment.notBilling' });
    const status = effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, ctx.now);
    if (status !== 'unpaid')
      throw new AppError('CONFLICT', `The billing is ${status}; it cannot be confirmed`, { code: 'payment.notUnpaid', status });
    assertPayable(applicationOrFail(ctx.db, p.application_id));
    const grant = takeOverride(ctx, input.overrideToken, 'payment.manual');
    write(ctx, 'payments.confirmManual', (db) => {
      updatePayment(
        db,
        p.id,
        {
          status: 'paid',
          status_source: 'manual',
          paid_at: ctx.now,
          proof_reference: input.proofReference,
          confirmed_by: grant.supervisorId,
          reconciliation: 'pending',
        },
        ctx.now,
      );
      insertPaymentEvent(db, {
        id: uuidv7(),
        payment_id: p.id,
        at: ctx.now,
        status: 'paid',
        source: 'manual',
        user_id: grant.supervisorId,
        detail: JSON.stringify({ proof: input.proofReference, reason: grant.reason }),
      });
      return {
        change: {
          entity: 'payment',
          entityId: p.id,
          baseVersion: p.version,
          summary: { proofReference: input.proofReference, ...overrideSummary(grant) },
          data: {
            status: 'paid',
            source: 'manual',
            proofReference: input.proofReference,
            paidAt: ctx.now,
            confirmedBy: grant.supervisorId,
          },
        },
      };
    });
    return viewOf(ctx, p.application_id);
  },

  'payments.waive': (ctx, input) => {
    const { user } = signedIn(ctx);
    assertDayOpen(ctx);
    const a = applicationOrFail(ctx.db, input.applicationId);
    assertPayable(a);
    const open = listPayments(ctx.db, a.id).find((p) =>
      ['paid', 'waived'].includes(effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, ctx.now)),
    );
    if (open)
      throw new AppError('CONFLICT', `This application already has a ${open.status} payment`, {
        code: 'payment.exists',
        paymentId: open.id,
      });
    const grant = takeOverride(ctx, input.overrideToken, 'fee.waive');
    const id = uuidv7();
    write(ctx, 'payments.waive', (db) => {
      insertPayment(db, {
        id,
        application_id: a.id,
        kind: 'waiver',
        billing_code: null,
        amount: 0,
        status: 'waived',
        status_source: null,
        issued_at: ctx.now,
        expires_at: null,
        paid_at: null,
        proof_reference: null,
        confirmed_by: grant.supervisorId,
        reason: input.reason,
        reconciliation: 'none',
        created_by: user.id,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      insertPaymentEvent(db, {
        id: uuidv7(),
        payment_id: id,
        at: ctx.now,
        status: 'waived',
        source: 'counter',
        user_id: user.id,
        detail: JSON.stringify({ supervisor: grant.supervisorId }),
      });
      return {
        change: {
          entity: 'payment',
          entityId: id,
          summary: { applicationId: a.id, reason: input.reason, waivedAmount: a.fee_total, ...overrideSummary(grant) },
          data: {
            applicationId: a.id,
            kind: 'waiver',
            amount: 0,
            reason: input.reason,
            waivedAmount: a.fee_total,
            approvedBy: grant.supervisorId,
          },
        },
      };
    });
    return viewOf(ctx, a.id);
  },
} satisfies Partial<Handlers>;
