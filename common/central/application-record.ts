// Applications, their payments and receipts as they travel between desks of one office: what a desk may
// send central (checked at central's door, unknown fields refused) and what central's record holds when
// it flows down to every desk of the office (read by the desks' appliers through the same schemas).
import { z } from 'zod';
import { APPLICATION_ACTIONS, APPLICATION_STATUSES } from '../domain/applications/flow.js';
import { ROLES } from '../domain/shared/roles.js';
import { MODALITIES } from '../domain/biometrics/modalities.js';

export const APPLICATION_ENTITY = 'application';
export const RECEIPT_ENTITY = 'receipt';

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const Id = z.string().min(1).max(64);
const Short = z.string().max(200);
const Long = z.string().max(4000);
const Flag = z.union([z.literal(0), z.literal(1)]);
const Epoch = z.number().int().min(0);

/** The applicant and service fields a desk may change after check-in (central merges them field by field). */
const EDITABLE = {
  serviceCode: z.string().min(1).max(32),
  reason: z.enum(['new', 'renewal', 'lost', 'damaged']),
  accelerated: Flag,
  priorityGroup: z.enum(['lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit']).nullable(),
  nik: z.string().max(24).nullable(),
  fullName: z.string().min(1).max(200),
  birthPlace: Short.nullable(),
  birthDate: IsoDate,
  sex: z.enum(['M', 'F']),
  maritalStatus: z.enum(['single', 'married', 'divorced', 'widowed']).nullable(),
  address: Long.nullable(),
  phone: z.string().max(40).nullable(),
  email: z.string().max(254).nullable(),
  fatherName: Short.nullable(),
  motherName: Short.nullable(),
  nationality: z.string().min(2).max(3),
  passportNumber: z.string().max(20).nullable(),
  passportExpiry: IsoDate.nullable(),
  nameChange: Flag,
  interviewNotes: z.string().max(8000).nullable(),
  feeTotal: z.number().int().min(0),
  feeLines: z.string().max(8000),
  feeUnverified: Flag,
  collectionDate: IsoDate.nullable(),
};

/**
 * `applications.create`: the row as the counter made it. The number, office, service, name and fee are
 * required; the rest is optional so a desk of an earlier version is still understood, and anything not
 * named here is refused.
 */
export const ApplicationCreateData = z.strictObject({
  ...z.object(EDITABLE).partial().shape,
  id: Id.optional(),
  number: z.string().regex(/^(LAT-)?[A-Z]{3}-\d{6}-\d{2,3}-\d{4}$/),
  officeCode: z.string().min(1).max(64),
  serviceCode: EDITABLE.serviceCode,
  status: z.literal('checked_in'),
  fullName: EDITABLE.fullName,
  feeTotal: EDITABLE.feeTotal,
  businessDate: IsoDate.optional(),
  counterNumber: z.number().int().min(1).max(999).optional(),
  bookingCode: z.string().max(32).nullable().optional(),
  createdBy: Id.optional(),
  createdAt: Epoch.optional(),
  updatedAt: Epoch.optional(),
  notify: z.string().max(64).optional(),
});

/** `applications.update`, `.fillFromMrz`, `.setInterviewNotes`: editable fields only. */
export const ApplicationPatchData = z.strictObject(EDITABLE).partial();

/** A checklist entry's state (`document.<code>`) and note (`documentNote.<code>`), merged per document. */
export const DOCUMENT_FIELD = /^document(Note)?\.[A-Z0-9_]{1,40}$/;
export const DocumentData = z.strictObject({
  docCode: z.string().regex(/^[A-Z0-9_]{1,40}$/),
  state: z.enum(['pending', 'present', 'missing']),
  note: z.string().max(2000).nullable().optional(),
});

/** `applications.transition`: what the desk claims; central checks it against its own record and rules. */
export const TransitionData = z.strictObject({
  number: z.string().max(40).optional(),
  transition: z.enum(APPLICATION_ACTIONS),
  from: z.enum(APPLICATION_STATUSES),
  to: z.enum(APPLICATION_STATUSES),
  role: z.enum(ROLES),
  reason: z.string().max(2000).nullable().optional(),
  at: Epoch.optional(),
  notify: z.string().max(64).nullable().optional(),
  freshAuth: z.boolean().optional(),
  collector: z.enum(['applicant', 'representative']).optional(),
  identityChecked: z.boolean().optional(),
  photoMatched: z.boolean().optional(),
  readyAt: Epoch.nullable().optional(),
  automatic: z.boolean().optional(),
});

/** One step of the application's history as central recorded it (who is central's own account name). */
export const TransitionEntry = z.strictObject({
  id: Id,
  action: z.string().min(1).max(40),
  from: z.enum(APPLICATION_STATUSES).nullable(),
  to: z.enum(APPLICATION_STATUSES),
  at: Epoch,
  by: z.string().max(64).nullable(),
  role: z.enum(ROLES).nullable(),
  reason: z.string().max(2000).nullable(),
});
export type TransitionEntry = z.infer<typeof TransitionEntry>;

/**
 * One modality's finished capture as another desk needs it: the state the biometrics step checks, who
 * approved a below-threshold acceptance or an exception, and for the face the photo's content address.
 */
export const CaptureEntry = z
  .strictObject({
    state: z.enum(['passed', 'accepted', 'excepted']),
    quality: z.number().min(0).max(100).nullable(),
    approvedBy: z.string().min(1).max(200).nullable(),
    photoSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .nullable(),
  })
  .refine((c) => (c.state === 'passed') === (c.approvedBy === null), {
    message: 'approvedBy names the supervisor of an acceptance or exception only',
  });
export type CaptureEntry = z.infer<typeof CaptureEntry>;

/** `biometrics.captureState`: the desk's finished modalities; central merges them into `captures` per modality. */
export const CaptureStateData = z
  .strictObject({ captures: z.partialRecord(z.enum(MODALITIES), CaptureEntry) })
  .refine((d) => Object.keys(d.captures).length > 0, { message: 'no capture' })
  .refine((d) => Object.entries(d.captures).every(([m, c]) => m === 'face' || c?.photoSha256 === null), {
    message: 'only the face carries a photo',
  });
export type CaptureStates = Partial<Record<(typeof MODALITIES)[number], CaptureEntry>>;

/** The application record as it flows down: what a desk needs to hold the row, read loosely past that. */
export const ApplicationRecordData = z.looseObject({
  ...z.object(EDITABLE).partial().shape,
  number: ApplicationCreateData.shape.number,
  officeCode: z.string().min(1),
  businessDate: IsoDate,
  counterNumber: z.number().int(),
  serviceCode: EDITABLE.serviceCode,
  reason: EDITABLE.reason,
  status: z.enum(APPLICATION_STATUSES),
  fullName: EDITABLE.fullName,
  birthDate: IsoDate,
  sex: EDITABLE.sex,
  nationality: EDITABLE.nationality,
  feeTotal: EDITABLE.feeTotal,
  feeLines: EDITABLE.feeLines,
  bookingCode: z.string().nullable().optional(),
  createdBy: Id,
  createdAt: Epoch,
  submittedAt: Epoch.nullable().optional(),
  readyAt: Epoch.nullable().optional(),
  closedAt: Epoch.nullable().optional(),
  transitions: z.array(TransitionEntry).optional(),
  processedBy: z.array(z.string()).optional(),
  originWorkstationId: z.string().optional(),
  captures: z.partialRecord(z.enum(MODALITIES), CaptureEntry).optional(),
});
export type ApplicationRecordData = z.infer<typeof ApplicationRecordData>;

/** A payment as it flows down (central adds who, when and from which desk). */
export const PaymentRecordData = z.looseObject({
  applicationId: Id,
  kind: z.enum(['billing', 'waiver']),
  billingCode: z.string().nullable().optional(),
  amount: z.number().int().min(0),
  status: z.enum(['unpaid', 'paid', 'expired', 'waived']),
  source: z.enum(['central', 'manual']).nullable().optional(),
  issuedAt: Epoch.optional(),
  expiresAt: Epoch.nullable().optional(),
  paidAt: Epoch.nullable().optional(),
  proofReference: z.string().nullable().optional(),
  confirmedBy: z.string().nullable().optional(),
  approvedBy: z.string().nullable().optional(),
  reason: z.string().nullable().optional(),
  createdBy: z.string().nullable().optional(),
  createdAt: Epoch.optional(),
  originWorkstationId: z.string().optional(),
});
export type PaymentRecordData = z.infer<typeof PaymentRecordData>;

/** `receipts.issue`: the frozen facts travel with their hash, so any desk of the office can reprint them. */
export const ReceiptIssueData = z.strictObject({
  applicationId: Id,
  kind: z.enum(['application', 'payment', 'deficiency']),
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  paymentId: Id.nullable(),
  content: z.string().max(64_000).optional(),
});
export const ReceiptReprintData = z.strictObject({ copyNo: z.number().int().min(2), reason: z.string().min(1).max(2000) });
export const ReceiptVoidData = z.strictObject({ reason: z.string().min(1).max(2000), voidedBy: Id });

export const ReceiptRecordData = z.strictObject({
  applicationId: Id,
  kind: ReceiptIssueData.shape.kind,
  paymentId: Id.nullable(),
  content: z.string().nullable(),
  contentHash: z.string(),
  status: z.enum(['active', 'void']),
  printCount: z.number().int().min(1),
  createdBy: z.string().nullable(),
  createdAt: Epoch,
  voidedAt: Epoch.nullable(),
  voidedBy: z.string().nullable(),
  voidReason: z.string().nullable(),
  originWorkstationId: z.string(),
});
export type ReceiptRecordData = z.infer<typeof ReceiptRecordData>;
