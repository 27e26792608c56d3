import { z } from 'zod';
import { ALL_BUT_RECEPTION } from '@common/domain/shared/roles.js';
import { defineCall } from '../define.js';
import { Empty, Password, multilineText, text } from '../schemas.js';
import {
  ActionSchema,
  ApplicantInput,
  ApplicationIdSchema,
  ApplicationSummary,
  ApplicationView,
  Bilingual,
  BookingCodeSchema,
  DocumentStateSchema,
  DraftInput,
  FeeView,
  IsoDateSchema,
  ReasonText,
} from './schemas.js';

export const CatalogueService = z.strictObject({
  code: z.string(),
  category: z.enum(['passport', 'travel_document', 'stay_permit']),
  applicantKind: z.enum(['citizen', 'foreigner']),
  name: Bilingual,
  passportYears: z.number().int().nullable(),
  allowsAcceleration: z.boolean(),
  allowedReasons: z.array(z.string()),
  leadWorkingDays: z.number().int(),
  /** The base fee in force today (integer rupiah), or null when the schedule has none. */
  feeToday: z.number().int().nullable(),
});

/** Why no photo is shown: none captured yet, not the viewer's work, central does not give it (yet), central away, bytes that do not match. */
export const PhotoUnavailable = z.enum([
  'photo.none',
  'photo.notYours',
  'photo.notAvailable',
  'photo.offline',
  'photo.mismatch',
  'photo.unreadable',
]);

const FieldProblems = z.record(z.string(), z.array(z.string()));

/** Transitions run through applications.transition; the others have their own calls. */
export const COUNTER_ACTIONS = [
  'verify',
  'markIncomplete',
  'captureBiometrics',
  'interview',
  'pay',
  'submit',
  'print',
  'markReady',
  'cancel',
] as const;

export const applicationsCalls = {
  /** Services, with today's fee and lead time, for the service picker. */
  'applications.catalogue': defineCall({ input: Empty, output: z.array(CatalogueService), access: ALL_BUT_RECEPTION, mutates: false }),
  /** Checks a draft as the officer types: field problems, the fee in force today and the collection date. */
  'applications.validate': defineCall({
    input: z.strictObject({ draft: DraftInput, complete: z.boolean().default(false) }),
    output: z.strictObject({
      problems: FieldProblems,
      fee: FeeView.nullable(),
      collectionDate: z.string().nullable(),
      requiredDocuments: z.array(z.string()),
    }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /** The draft an M-Paspor booking pre-fills (synced from central into the bookings table). */
  'applications.bookingDraft': defineCall({
    input: z.strictObject({ bookingCode: BookingCodeSchema }),
    output: z.strictObject({
      bookingCode: z.string(),
      appointmentDate: z.string(),
      slot: z.string(),
      billingCode: z.string().nullable(),
      paymentStatus: z.enum(['unpaid', 'paid', 'expired']).nullable(),
      draft: DraftInput,
      applicationId: z.string().nullable(),
    }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /** Check-in: a walk-in, or a booking (its billing code and payment come along). */
  'applications.create': defineCall({
    input: z.strictObject({ draft: DraftInput, bookingCode: BookingCodeSchema.optional() }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  'applications.get': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema }),
    output: ApplicationView,
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /** Identity and contact data while the file is still open; the service only before payment. */
  'applications.update': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema, baseVersion: z.number().int().min(1), draft: DraftInput }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** The old passport's MRZ (two lines as the reader typed them): every check digit verified, passport fields filled. */
  'applications.fillFromMrz': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema, mrz: multilineText().min(1).max(200) }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  'applications.markDocument': defineCall({
    input: z.strictObject({
      id: ApplicationIdSchema,
      docCode: z.string().regex(/^[A-Z_]{2,40}$/),
      state: DocumentStateSchema,
      note: multilineText().trim().max(300).optional(),
    }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  'applications.setInterviewNotes': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema, notes: multilineText().trim().min(3).max(4000) }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  'applications.transition': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema, action: z.enum(COUNTER_ACTIONS), reason: ReasonText.optional() }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  'applications.adjudicationQueue': defineCall({
    input: Empty,
    output: z.array(ApplicationSummary),
    access: ['supervisor'],
    mutates: false,
  }),
  /** Approve or reject with fresh authentication: the supervisor types their password again. */
  'applications.adjudicate': defineCall({
    input: z.strictObject({
      id: ApplicationIdSchema,
      decision: z.enum(['approve', 'reject']),
      reason: ReasonText.optional(),
      password: Password,
    }),
    output: ApplicationView,
    access: ['supervisor'],
    mutates: true,
  }),
  /** Hand-over lookup: an application number as typed or scanned from the receipt's QR / Code 128. */
  'applications.findForHandOver': defineCall({
    input: z.strictObject({ code: text().trim().min(5).max(200) }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: false,
  }),
  'applications.handOver': defineCall({
    input: z.strictObject({
      id: ApplicationIdSchema,
      /** Typed from the collector's KTP (citizens) or passport (foreigners); must match the file. */
      identityNumber: text().trim().min(6).max(24),
      photoMatched: z.literal(true),
      collector: z.enum(['applicant', 'representative']).default('applicant'),
      representativeName: text().trim().min(2).max(100).optional(),
      representativeId: text().trim().min(6).max(24).optional(),
      note: multilineText().trim().max(300).optional(),
    }),
    output: ApplicationView,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** Expires ready passports not collected within 30 days. */
  'applications.expireOverdue': defineCall({
    input: z.strictObject({ dryRun: z.boolean().default(false) }),
    output: z.strictObject({ expired: z.array(z.string()) }),
    access: ['supervisor'],
    mutates: true,
  }),
  /** One box: application number, booking code, NIK, passport number or the start of a name. */
  'applications.search': defineCall({
    input: z.strictObject({ query: text().trim().min(2).max(100), limit: z.number().int().min(1).max(100).default(20) }),
    output: z.strictObject({ kinds: z.array(z.string()), results: z.array(ApplicationSummary) }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /**
   * The applicant's photo as a data URL, from this desk's capture or, for a capture made on another desk of
   * the office, fetched from central once, checked against its SHA-256 and kept encrypted; each showing is
   * an audited read. Null with the reason when there is none to show.
   */
  'applications.photo': defineCall({
    input: z.strictObject({ id: ApplicationIdSchema }),
    output: z.strictObject({ photo: z.string().nullable(), reason: PhotoUnavailable.nullable() }),
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  'applications.worklist': defineCall({
    input: z.strictObject({ date: IsoDateSchema.optional() }),
    output: z.array(ApplicationSummary),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
};

export { ActionSchema, ApplicantInput, DraftInput };
