// Shapes shared by the application, payment and receipt calls. Input schemas check shape only; the
// domain rules (NIK consistency, ages, service rules) run in core and answer VALIDATION with field codes.
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '@common/domain/applications/flow.js';
import { APPLICATION_REASONS, MARITAL_STATUSES, PRIORITY_GROUPS } from '@common/domain/applications/applicant.js';
import { DOCUMENT_STATES } from '@common/domain/applications/checklist.js';
import { RoleSchema, multilineText, text } from '../schemas.js';

export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format');
export const StatusSchema = z.enum(APPLICATION_STATUSES);
export const ActionSchema = z.enum(APPLICATION_ACTIONS);
export const ReasonSchema = z.enum(APPLICATION_REASONS);
export const PriorityGroupSchema = z.enum(PRIORITY_GROUPS);
export const DocumentStateSchema = z.enum(DOCUMENT_STATES);
export const ServiceCode = z.string().regex(/^[A-Z0-9_]{2,32}$/, 'service.code');
/** The booking-code rule is the queue's: one rule for import, check-in and the application form. */
export { BookingCode as BookingCodeSchema } from '../queue/central.js';
export const ApplicationIdSchema = z.string().uuid();
export const ReasonText = multilineText().trim().min(3, 'reason.tooShort').max(500);

const optText = (max: number, multiline = false) =>
  (multiline ? multilineText() : text())
    .trim()
    .max(max)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v));

/** What the officer types; names are upper-cased in core as on the KTP. */
export const ApplicantInput = z.strictObject({
  nik: text()
    .trim()
    .max(24)
    .nullable()
    .default(null)
    .transform((v) => (v === '' ? null : v)),
  fullName: text().trim().min(1).max(100),
  birthPlace: optText(60),
  birthDate: IsoDateSchema,
  sex: z.enum(['M', 'F']),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().default(null),
  address: optText(300, true),
  phone: optText(24),
  email: optText(120),
  fatherName: optText(100),
  motherName: optText(100),
  nationality: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{3}$/, 'nationality.format')
    .default('IDN'),
  passportNumber: optText(12),
  passportExpiry: IsoDateSchema.nullable().default(null),
  nameChange: z.boolean().default(false),
});
export type ApplicantInput = z.infer<typeof ApplicantInput>;

export const DraftInput = z.strictObject({
  serviceCode: ServiceCode,
  reason: ReasonSchema.default('new'),
  accelerated: z.boolean().default(false),
  priorityGroup: PriorityGroupSchema.nullable().default(null),
  applicant: ApplicantInput,
});
export type DraftInput = z.infer<typeof DraftInput>;

export const Bilingual = z.strictObject({ id: z.string(), en: z.string() });

export const FeeLineView = z.strictObject({
  itemCode: z.string(),
  name: Bilingual,
  amount: z.number().int(),
  effectiveFrom: z.string(),
  verified: z.boolean(),
  legalBasis: z.string(),
});
export const FeeView = z.strictObject({ date: z.string(), total: z.number().int(), lines: z.array(FeeLineView), unverified: z.boolean() });
export type FeeView = z.infer<typeof FeeView>;

export const ApplicantView = z.strictObject({
  nik: z.string().nullable(),
  fullName: z.string(),
  birthPlace: z.string().nullable(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  fatherName: z.string().nullable(),
  motherName: z.string().nullable(),
  nationality: z.string(),
  passportNumber: z.string().nullable(),
  passportExpiry: z.string().nullable(),
  nameChange: z.boolean(),
});

export const DocumentView = z.strictObject({
  docCode: z.string(),
  name: Bilingual,
  state: DocumentStateSchema,
  note: z.string().nullable(),
  checkedAt: z.number().int().nullable(),
});

export const TransitionView = z.strictObject({
  action: z.string(),
  from: StatusSchema.nullable(),
  to: StatusSchema,
  at: z.number().int(),
  username: z.string(),
  role: RoleSchema,
  reason: z.string().nullable(),
  overrideBy: z.string().nullable(),
});

export const PaymentView = z.strictObject({
  id: z.string(),
  kind: z.enum(['billing', 'waiver']),
  billingCode: z.string().nullable(),
  amount: z.number().int(),
  /** Already accounts for the two-hour expiry of an unpaid billing. */
  status: z.enum(['unpaid', 'paid', 'expired', 'waived']),
  source: z.enum(['central', 'manual']).nullable(),
  issuedAt: z.number().int(),
  expiresAt: z.number().int().nullable(),
  paidAt: z.number().int().nullable(),
  proofReference: z.string().nullable(),
  reason: z.string().nullable(),
  reconciliation: z.enum(['none', 'pending', 'matched', 'mismatch']),
});
export type PaymentView = z.infer<typeof PaymentView>;

export const ReceiptKind = z.enum(['application', 'payment', 'deficiency']);
export const ReceiptView = z.strictObject({
  id: z.string(),
  kind: ReceiptKind,
  status: z.enum(['active', 'superseded', 'void']),
  printCount: z.number().int(),
  createdAt: z.number().int(),
  voidReason: z.string().nullable(),
});

export const ApplicationSummary = z.strictObject({
  id: z.string(),
  number: z.string(),
  bookingCode: z.string().nullable(),
  status: StatusSchema,
  serviceCode: z.string(),
  serviceName: Bilingual,
  fullName: z.string(),
  nik: z.string().nullable(),
  passportNumber: z.string().nullable(),
  birthDate: z.string(),
  businessDate: z.string(),
  updatedAt: z.number().int(),
});
export type ApplicationSummary = z.infer<typeof ApplicationSummary>;

export const ApplicationView = z.strictObject({
  id: z.string(),
  number: z.string(),
  officeCode: z.string(),
  businessDate: z.string(),
  counterNumber: z.number().int(),
  bookingCode: z.string().nullable(),
  serviceCode: z.string(),
  serviceName: Bilingual,
  reason: ReasonSchema,
  accelerated: z.boolean(),
  priorityGroup: PriorityGroupSchema.nullable(),
  status: StatusSchema,
  applicant: ApplicantView,
  interviewNotes: z.string().nullable(),
  fee: FeeView,
  collectionDate: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  readyAt: z.number().int().nullable(),
  version: z.number().int(),
  documents: z.array(DocumentView),
  transitions: z.array(TransitionView),
  payments: z.array(PaymentView),
  receipts: z.array(ReceiptView),
  /** What the signed-in user may do next (the screen's keyboard shortcuts). */
  nextActions: z.array(ActionSchema),
  /**
   * Every step from this status with null when it can be taken now, else the reason core refuses it with
   * (`common/domain/applications/availability.ts`): the screen says why before the click. An applicant
   * not complete enough also names the fields to fix (`fields`, as a refusal's `details.fields`).
   */
  availability: z.array(
    z.strictObject({
      action: ActionSchema,
      reason: z.string().nullable(),
      fields: z.record(z.string(), z.array(z.string())).optional(),
    }),
  ),
});
export type ApplicationView = z.infer<typeof ApplicationView>;
