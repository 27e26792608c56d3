// The queue's wire protocol between a workstation (main/sync/queue-client.ts) and central
// (server/queue/routes.ts). Both sides parse with these schemas; the renderer contract (queue.ts)
// reuses the views.
import { z } from 'zod';
import { text } from '../schemas.js';
import { TICKET_STATUSES } from '@common/domain/queue/lifecycle.js';
import { PRIORITY_GROUPS } from '@common/domain/queue/order.js';
import { BOOKING_CODE, normaliseBookingCode } from '@common/domain/queue/booking-code.js';

export const ServiceCode = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Z0-9_]+$/, 'service.chars');
export const CounterId = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'counter.chars');
export const RequestId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'request.chars');
/** The one booking-code rule (common/domain/queue/booking-code.ts), as every door's schema. */
export const BookingCode = text().transform(normaliseBookingCode).pipe(z.string().regex(BOOKING_CODE, 'booking.code'));
export const PriorityGroupSchema = z.enum(PRIORITY_GROUPS);

export const TicketView = z.strictObject({
  id: z.string(),
  number: z.string(),
  serviceCode: z.string(),
  status: z.enum(TICKET_STATUSES),
  day: z.string(),
  arrivedAt: z.number().int(),
  slotAt: z.number().int().nullable(),
  priorityGroup: PriorityGroupSchema.nullable(),
  bookingCode: z.string().nullable(),
  applicantName: z.string().nullable(),
  counterId: z.string().nullable(),
  calledAt: z.number().int().nullable(),
  callCount: z.number().int(),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  outcome: z.string().nullable(),
  origin: z.string(),
});
export type TicketView = z.infer<typeof TicketView>;

export const IssuedTicket = z.strictObject({
  ticket: TicketView,
  ahead: z.number().int(),
  estimatedWaitMs: z.number().int(),
});
export type IssuedTicket = z.infer<typeof IssuedTicket>;

/** A walk-in, or a check-in when bookingCode (or nik) is given. */
export const IssueRequest = z.strictObject({
  requestId: RequestId,
  serviceCode: ServiceCode.optional(),
  priorityGroup: PriorityGroupSchema.nullable().default(null),
  bookingCode: BookingCode.optional(),
  nik: z
    .string()
    .regex(/^\d{16}$/, 'nik.format')
    .optional(),
  /** A supervisor approved one more than the quota (the workstation verified and audited it). */
  quotaOverride: z.boolean().default(false),
});
export type IssueRequest = z.input<typeof IssueRequest>;

/** The officer signed in at the counter (username): end of day counts tickets per officer. */
export const OfficerName = text().min(1).max(64);
export const CallNextRequest = z.strictObject({ counterId: CounterId, requestId: RequestId, officer: OfficerName.optional() });
export const TicketActionRequest = z.strictObject({
  counterId: CounterId,
  ticketId: text().min(1).max(64),
  officer: OfficerName.optional(),
});
export const FinishRequest = TicketActionRequest.extend({ outcome: text().trim().min(1).max(64) });
export const TransferRequest = TicketActionRequest.extend({ serviceCode: ServiceCode });
export const ParkedResult = z.strictObject({ tickets: z.array(TicketView) });
export type ParkedResult = z.infer<typeof ParkedResult>;

export const CallResult = z.strictObject({ ticket: TicketView.nullable() });
export type CallResult = z.infer<typeof CallResult>;

export const QueueService = z.strictObject({
  code: ServiceCode,
  prefix: z.string().regex(/^[A-Z]$/, 'prefix.letter'),
  nameId: text().min(1).max(120),
  nameEn: text().min(1).max(120),
  dailyQuota: z.number().int().min(1).max(100_000).nullable(),
  active: z.boolean(),
});
export type QueueService = z.infer<typeof QueueService>;

export const QueueCounter = z.strictObject({
  id: CounterId,
  name: text().trim().min(1).max(64),
  number: z.number().int().min(1).max(999),
  services: z.array(ServiceCode).min(1).max(50),
  open: z.boolean(),
});
export type QueueCounter = z.infer<typeof QueueCounter>;

export const QueueRules = z.strictObject({
  agingMs: z.number().int().min(60_000),
  earlyWindowMs: z.number().int().min(0),
  lateWindowMs: z.number().int().min(0),
  maxRecalls: z.number().int().min(1).max(10),
  noShowAfterMs: z.number().int().min(0).max(600_000),
  defaultServiceMs: z.number().int().min(10_000),
});
export type QueueRules = z.infer<typeof QueueRules>;

export const QueueConfig = z.strictObject({ services: z.array(QueueService), counters: z.array(QueueCounter), rules: QueueRules });
export type QueueConfig = z.infer<typeof QueueConfig>;

export const ServiceWait = z.strictObject({
  serviceCode: z.string(),
  prefix: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  waiting: z.number().int(),
  estimatedWaitMs: z.number().int(),
});

export const BoardCall = z.strictObject({
  ticketId: z.string(),
  number: z.string(),
  counterId: z.string(),
  counterNumber: z.number().int(),
  calledAt: z.number().int(),
  callCount: z.number().int(),
});
export type BoardCall = z.infer<typeof BoardCall>;

export const BoardView = z.strictObject({
  officeCode: z.string(),
  officeName: z.string(),
  timeZone: z.string(),
  now: z.number().int(),
  current: BoardCall.nullable(),
  recent: z.array(BoardCall),
  services: z.array(ServiceWait),
});
export type BoardView = z.infer<typeof BoardView>;

// ---------------------------------------------------------------- admin and bookings

export const BookingInput = z.strictObject({
  code: BookingCode,
  officeCode: text().min(1).max(64),
  serviceCode: ServiceCode.default('PASPOR_JANJI'),
  nik: z.string().regex(/^\d{16}$/, 'nik.format'),
  fullName: text().trim().min(1).max(120),
  slotAt: z.number().int(),
  /** The catalogue service the application will be (PASPOR_ELEKTRONIK_10 ...). */
  applicationService: ServiceCode.default('PASPOR_ELEKTRONIK_10'),
});
export type BookingInput = z.input<typeof BookingInput>;
/** A booking as it flows down to the office's workstations (entity "booking" in the change feed). */
export const BookingRecord = z.object({
  code: z.string(),
  officeCode: z.string(),
  nik: z.string(),
  fullName: z.string(),
  birthDate: z.string(),
  sex: z.enum(['M', 'F']),
  serviceCode: z.string(),
  applicationService: z.string(),
  appointmentDate: z.string(),
  slot: z.string(),
  slotAt: z.number().int(),
  bookedAt: z.number().int(),
});
export type BookingRecord = z.infer<typeof BookingRecord>;

export const BookingImport = z.strictObject({ bookings: z.array(BookingInput).min(1).max(5000) });
export const BookingGenerate = z.strictObject({
  officeCode: text().min(1).max(64),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  count: z.number().int().min(1).max(2000),
  seed: z.number().int().default(1),
});
export const BookingImportResult = z.strictObject({ imported: z.number().int(), unchanged: z.number().int() });
export const BookingGenerateResult = BookingImportResult.extend({ codes: z.array(z.string()) });

const AdminOffice = z.strictObject({ officeCode: text().min(1).max(64) });
export const AdminQueueConfigQuery = z.strictObject({ office: text().min(1).max(64) });
export const ServiceSave = AdminOffice.extend({ service: QueueService });
export const CounterSave = AdminOffice.extend({ counter: QueueCounter });

/** The counter a question is about (the ticket at it, the tickets parked at it). */
export const CounterQuery = z.strictObject({ counterId: CounterId });
