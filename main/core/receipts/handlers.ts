// Receipts: the facts are frozen when a receipt is issued (a reprint is a copy of them, marked as such),
// every print is recorded, and a void needs a supervisor. Rendering is main/core/pdf's; this module fills
// its models and answers the PDF as base64 for the renderer to open, download or print.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import { effectivePaymentStatus } from '@common/domain/applications/billing-code.js';
import { summariseChecklist } from '@common/domain/applications/checklist.js';
import type { Language } from '@common/contract/schemas.js';
import { listDocuments, type ApplicationRow } from '@db/queries/applications/applications.js';
import { documentTypeNames } from '@db/queries/applications/catalogue.js';
import { listPayments, type PaymentRow } from '@db/queries/applications/payments.js';
import {
  getReceipt,
  insertReceipt,
  recordPrint,
  supersedeReceipts,
  voidReceipt,
  type ReceiptRow,
} from '@db/queries/applications/receipts.js';
import { getUserById } from '@db/queries/access/users.js';
import { signedIn } from '../access/auth.js';
import { officeContext } from '../kernel/office.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { assertDayOpen } from '../end-of-day/day-closed.js';
import { overrideSummary, takeOverride } from '../access/override.js';
import { applicationOrFail, feeOf, serviceName } from '../applications/views.js';
import {
  renderApplicationReceipt,
  renderDeficiencyNotice,
  renderPaymentReceipt,
  type ApplicationReceiptModel,
  type DeficiencyNoticeModel,
  type PaymentReceiptModel,
  type PaymentStatus,
  type ReprintMarker,
  type VoidMarker,
} from '../pdf/index.js';

type Kind = ReceiptRow['kind'];

/** The frozen facts of a receipt: its model without the per-print fields. */
type Frozen =
  | { kind: 'application'; model: Omit<ApplicationReceiptModel, PerPrint> }
  | { kind: 'payment'; model: Omit<PaymentReceiptModel, PerPrint> }
  | { kind: 'deficiency'; model: Omit<DeficiencyNoticeModel, PerPrint> };
type PerPrint = 'printedAt' | 'reprint' | 'void' | 'language' | 'officerName' | 'training';

const paymentStatusOf = (p: PaymentRow | undefined, now: number): PaymentStatus => {
  if (!p) return 'unpaid';
  const s = effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, now);
  return s === 'paid' && p.status_source === 'manual' ? 'manual' : s;
};

/** The latest payment that counts: a settled one first, else the newest billing. */
function currentPayment(payments: PaymentRow[], now: number): PaymentRow | undefined {
  const settled = payments.filter((p) =>
    ['paid', 'waived'].includes(effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, now)),
  );
  return settled.at(-1) ?? payments.at(-1);
}

function freeze(ctx: CallContext, a: ApplicationRow, kind: Kind): { frozen: Frozen; paymentId: string | null } {
  const o = officeContext(ctx);
  const office = { code: o.prefix, name: o.name, address: o.city, timeZone: o.tz };
  const applicant = {
    name: a.full_name,
    nik: a.nik ?? a.passport_number ?? '',
    dateOfBirth: a.birth_date,
    ...(a.birth_place ? { placeOfBirth: a.birth_place } : {}),
  };
  const service = serviceName(ctx.db, a.service_code);
  const fee = feeOf(a);
  const fees = fee.lines.map((l) => ({ label: l.name, amount: l.amount }));
  const payment = currentPayment(listPayments(ctx.db, a.id), ctx.now);
  const base = { office, applicationNumber: a.number, applicant, service };
  if (kind === 'application') {
    return {
      paymentId: payment?.id ?? null,
      frozen: {
        kind,
        model: {
          ...base,
          bookingCode: a.booking_code,
          fees,
          total: fee.total,
          billingCode: payment?.billing_code ?? null,
          paymentStatus: paymentStatusOf(payment, ctx.now),
          collectionDate: a.collection_date,
        },
      },
    };
  }
  if (kind === 'payment') {
    const status = paymentStatusOf(payment, ctx.now);
    if (!payment || payment.kind !== 'billing' || !['paid', 'manual'].includes(status)) {
      throw new AppError('CONFLICT', 'There is no paid billing to give a payment receipt for', { code: 'receipt.noPayment' });
    }
    const manual =
      payment.status_source === 'manual'
        ? { by: getUserById(ctx.db, payment.confirmed_by ?? '')?.full_name ?? '', proof: payment.proof_reference ?? '' }
        : null;
    return {
      paymentId: payment.id,
      frozen: {
        kind,
        model: {
          ...base,
          fees,
          total: fee.total,
          billingCode: payment.billing_code!,
          paymentStatus: status,
          paidAt: payment.paid_at,
          manualConfirmation: manual,
        },
      },
    };
  }
  const names = documentTypeNames(ctx.db);
  const missing = summariseChecklist(listDocuments(ctx.db, a.id).map((d) => ({ docCode: d.doc_code, state: d.state }))).missing;
  if (missing.length === 0) throw new AppError('CONFLICT', 'No document is marked missing', { code: 'receipt.nothingMissing' });
  return {
    paymentId: null,
    frozen: {
      kind,
      model: { ...base, missingDocuments: missing.map((c) => ({ label: names.get(c) ?? { id: c, en: c } })), returnBy: null },
    },
  };
}

async function render(
  ctx: CallContext,
  frozen: Frozen,
  perPrint: { printedAt: number; officerName: string; language: Language; reprint: ReprintMarker | null; void: VoidMarker | null },
): Promise<string> {
  let bytes: Uint8Array;
  // Decided at each print from the database it runs on, so a copy is marked whenever the receipt was frozen.
  const print = { ...perPrint, training: ctx.core.training };
  try {
    if (frozen.kind === 'application') bytes = await renderApplicationReceipt({ ...frozen.model, ...print });
    else if (frozen.kind === 'payment') bytes = await renderPaymentReceipt({ ...frozen.model, ...print });
    else bytes = await renderDeficiencyNotice({ ...frozen.model, ...print });
  } catch (err) {
    if (err instanceof AppError) throw err;
    ctx.core.log.error({ err, kind: frozen.kind }, 'receipt rendering failed');
    throw new AppError('INTERNAL', 'The receipt could not be rendered; nothing was recorded');
  }
  return Buffer.from(bytes).toString('base64');
}

const receiptView = (r: ReceiptRow) => ({
  id: r.id,
  kind: r.kind,
  status: r.status,
  printCount: r.print_count,
  createdAt: r.created_at,
  voidReason: r.void_reason,
});

function receiptOrFail(ctx: CallContext, id: string): { receipt: ReceiptRow; frozen: Frozen; application: ApplicationRow } {
  const receipt = getReceipt(ctx.db, id);
  if (!receipt) throw new AppError('NOT_FOUND', 'No such receipt');
  return { receipt, frozen: JSON.parse(receipt.content) as Frozen, application: applicationOrFail(ctx.db, receipt.application_id) };
}

const fileName = (number: string, kind: Kind, copyNo: number) => `${number}-${kind}${copyNo > 1 ? `-copy${copyNo}` : ''}.pdf`;

export const receiptsHandlers = {
  'receipts.issue': async (ctx, input) => {
    const { user } = signedIn(ctx);
    assertDayOpen(ctx);
    const a = applicationOrFail(ctx.db, input.applicationId);
    const { frozen, paymentId } = freeze(ctx, a, input.kind);
    const pdfBase64 = await render(ctx, frozen, {
      printedAt: ctx.now,
      officerName: user.full_name,
      language: input.language,
      reprint: null,
      void: null,
    });
    const content = JSON.stringify(frozen);
    const contentHash = createHash('sha256').update(content).digest('hex');
    const id = uuidv7();
    write(ctx, 'receipts.issue', (db) => {
      supersedeReceipts(db, a.id, input.kind);
      insertReceipt(db, {
        id,
        application_id: a.id,
        kind: input.kind,
        payment_id: paymentId,
        content,
        content_hash: contentHash,
        created_by: user.id,
        created_at: ctx.now,
      });
      recordPrint(db, { id: uuidv7(), receipt_id: id, at: ctx.now, user_id: user.id, reason: null });
      return {
        change: {
          entity: 'receipt',
          entityId: id,
          summary: { applicationId: a.id, number: a.number, kind: input.kind, contentHash },
          data: { applicationId: a.id, kind: input.kind, contentHash, paymentId, content },
        },
      };
    });
    return { receipt: receiptView(getReceipt(ctx.db, id)!), copyNo: 1, fileName: fileName(a.number, input.kind, 1), pdfBase64 };
  },

  'receipts.reprint': async (ctx, input) => {
    const { user } = signedIn(ctx);
    assertDayOpen(ctx);
    const { receipt, frozen, application } = receiptOrFail(ctx, input.receiptId);
    if (receipt.status !== 'active')
      throw new AppError('CONFLICT', `A ${receipt.status} receipt cannot be reprinted`, {
        code: 'receipt.notActive',
        status: receipt.status,
      });
    const copyNo = receipt.print_count + 1;
    const pdfBase64 = await render(ctx, frozen, {
      printedAt: ctx.now,
      officerName: user.full_name,
      language: input.language,
      reprint: { count: copyNo - 1, reason: input.reason },
      void: null,
    });
    write(ctx, 'receipts.reprint', (db) => {
      const recorded = recordPrint(db, { id: uuidv7(), receipt_id: receipt.id, at: ctx.now, user_id: user.id, reason: input.reason });
      if (recorded !== copyNo)
        throw new AppError('CONFLICT', 'Another copy was printed meanwhile; try again', { code: 'receipt.concurrentPrint' });
      return {
        change: {
          entity: 'receipt',
          entityId: receipt.id,
          summary: { number: application.number, kind: receipt.kind, copyNo, reason: input.reason },
          data: { copyNo, reason: input.reason },
        },
      };
    });
    return {
      receipt: receiptView(getReceipt(ctx.db, receipt.id)!),
      copyNo,
      fileName: fileName(application.number, receipt.kind, copyNo),
      pdfBase64,
    };
  },

  'receipts.void': async (ctx, input) => {
    const { user } = signedIn(ctx);
    assertDayOpen(ctx);
    const { receipt, frozen, application } = receiptOrFail(ctx, input.receiptId);
    if (receipt.status === 'void') throw new AppError('CONFLICT', 'The receipt is already void', { code: 'receipt.void' });
    const grant = takeOverride(ctx, input.overrideToken, 'receipt.void');
    const pdfBase64 = await render(ctx, frozen, {
      printedAt: ctx.now,
      officerName: user.full_name,
      language: 'id',
      reprint: null,
      void: { reason: input.reason, by: grant.supervisorName, at: ctx.now },
    });
    write(ctx, 'receipts.void', (db) => {
      voidReceipt(db, receipt.id, { at: ctx.now, by: grant.supervisorId, reason: input.reason });
      return {
        change: {
          entity: 'receipt',
          entityId: receipt.id,
          summary: { number: application.number, kind: receipt.kind, reason: input.reason, ...overrideSummary(grant) },
          data: { reason: input.reason, voidedBy: grant.supervisorId },
        },
      };
    });
    return {
      receipt: receiptView(getReceipt(ctx.db, receipt.id)!),
      copyNo: receipt.print_count,
      fileName: fileName(application.number, receipt.kind, receipt.print_count).replace(/\.pdf$/, '-void.pdf'),
      pdfBase64,
    };
  },
} satisfies Partial<Handlers>;
