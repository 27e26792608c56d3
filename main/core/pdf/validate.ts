// A document is a legal record handed to the applicant: a model that could print a wrong total, a
// malformed billing code or an empty deficiency list is refused with VALIDATION before any PDF exists.
import { DateTime } from 'luxon';
import { z, type ZodError } from 'zod';
import { isApplicationNumber, TRAINING_APPLICATION_NUMBER } from '@common/domain/applications/number.js';
import { AppError } from '@common/contract/result.js';
import type { ApplicationReceiptModel, DeficiencyNoticeModel, PaymentReceiptModel, QueueTicketModel } from './models.js';

const text = z.string().trim().min(1, 'pdf.required');
const bilingual = z.object({ id: text, en: text });
const rupiah = z.number().int('pdf.rupiah.integer').nonnegative('pdf.rupiah.negative');
const epochMs = z.number().finite('pdf.time');
const isoDate = z.string().refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s).isValid, 'pdf.date');
const timeZone = z.string().refine((tz) => DateTime.now().setZone(tz).isValid, 'pdf.timeZone');
const office = z.object({ code: text, name: text, address: z.string(), timeZone });
const applicationNumber = z.string().refine(isApplicationNumber, 'pdf.applicationNumber');
const billingCode = z.string().regex(/^\d{15}$/, 'pdf.billingCode');
const reprint = z.object({ count: z.number().int().min(1, 'pdf.reprint.count'), reason: text }).nullable();
const voidMarker = z.object({ reason: text, by: z.string().optional(), at: epochMs.optional() }).nullable();
const language = z.enum(['id', 'en']).optional();
const paper = z.enum(['A4', 'A5']).optional();
const applicant = z.object({
  name: text,
  nik: z.string().regex(/^(\d{16})?$/, 'pdf.nik'),
  passportNumber: z.string().nullable().optional(),
  dateOfBirth: isoDate.nullable().optional(),
  placeOfBirth: z.string().nullable().optional(),
});
const paymentStatus = z.enum(['paid', 'unpaid', 'expired', 'manual', 'waived']);
const fee = z.object({ label: bilingual, amount: rupiah });
const base = { office, officerName: text, printedAt: epochMs, reprint, void: voidMarker, language, training: z.boolean() };
/** A practice number printed on a real document would make it look like a real office's. */
const trainingNumberOnlyInTraining = {
  check: (m: { applicationNumber: string; training: boolean }) => m.training || !TRAINING_APPLICATION_NUMBER.test(m.applicationNumber),
  issue: { message: 'pdf.applicationNumber', path: ['applicationNumber'] },
};

const sumMatches = (m: { fees: { amount: number }[]; total: number }) => m.fees.reduce((s, f) => s + f.amount, 0) === m.total;
const totalIssue = { message: 'pdf.total.mismatch', path: ['total'] };

const applicationReceipt = z
  .object({
    ...base,
    applicationNumber,
    bookingCode: z.string().nullable().optional(),
    applicant,
    service: bilingual,
    fees: z.array(fee),
    total: rupiah,
    billingCode: billingCode.nullable(),
    paymentStatus,
    collectionDate: isoDate.nullable(),
    paper,
  })
  .refine(sumMatches, totalIssue)
  .refine(trainingNumberOnlyInTraining.check, trainingNumberOnlyInTraining.issue);

const paymentReceipt = z
  .object({
    ...base,
    applicationNumber,
    applicant,
    service: bilingual,
    fees: z.array(fee),
    total: rupiah,
    billingCode,
    paymentStatus,
    paidAt: epochMs.nullable().optional(),
    paymentReference: z.string().nullable().optional(),
    manualConfirmation: z.object({ by: text, proof: text }).nullable().optional(),
    paper,
  })
  .refine(sumMatches, totalIssue)
  .refine(trainingNumberOnlyInTraining.check, trainingNumberOnlyInTraining.issue);

const deficiencyNotice = z
  .object({
    ...base,
    applicationNumber,
    applicant,
    service: bilingual,
    missingDocuments: z.array(z.object({ label: bilingual, note: bilingual.optional() })).min(1, 'pdf.missingDocuments.empty'),
    returnBy: isoDate.nullable().optional(),
    paper,
  })
  .refine(trainingNumberOnlyInTraining.check, trainingNumberOnlyInTraining.issue);

const queueTicket = z.object({
  office,
  ticketNumber: text,
  ticketId: text,
  service: bilingual,
  issuedAt: epochMs,
  peopleAhead: z.number().int().nonnegative('pdf.peopleAhead'),
  estimatedWaitMinutes: z.number().int().nonnegative('pdf.estimatedWait').nullable(),
  language,
  reprint: reprint.optional(),
  note: bilingual.nullable().optional(),
  training: z.boolean(),
});

function check<T>(schema: z.ZodType, what: string, model: T): T {
  const parsed = schema.safeParse(model);
  if (parsed.success) return model;
  throw new AppError('VALIDATION', `The ${what} cannot be printed: ${describe(parsed.error)}`, { fields: fields(parsed.error) });
}

function fields(err: ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of err.issues) (out[issue.path.join('.') || '_'] ??= []).push(issue.message);
  return out;
}

const describe = (err: ZodError): string => err.issues.map((i) => `${i.path.join('.') || 'model'} (${i.message})`).join(', ');

export const checkApplicationReceipt = (m: ApplicationReceiptModel) => check(applicationReceipt, 'application receipt', m);
export const checkPaymentReceipt = (m: PaymentReceiptModel) => check(paymentReceipt, 'payment receipt', m);
export const checkDeficiencyNotice = (m: DeficiencyNoticeModel) => check(deficiencyNotice, 'deficiency notice', m);
export const checkQueueTicket = (m: QueueTicketModel) => check(queueTicket, 'queue ticket', m);
