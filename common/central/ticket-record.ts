// A queue ticket as central publishes it in the office's change feed (entity "ticket"), so every
// workstation of the office holds the day's tickets for end of day and the year's history for the
// analytics, offline too. Central publishes when a ticket is issued and when it leaves the queue for
// good (done, no-show, transferred, cancelled); the states in between (called, serving, parked) stay
// on central and the live floor, so a record still "waiting" here means "not finished yet".
// The applicant's name is not published: the counts and times are what the other desks need.
import { z } from 'zod';
import { TICKET_STATUSES } from '../domain/queue/lifecycle.js';
import { CounterId, PriorityGroupSchema, ServiceCode } from '../contract/queue/central.js';

export const TICKET_ENTITY = 'ticket';

export const TicketData = z.strictObject({
  /** The office's business day the ticket was issued in (office time zone). */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  serviceCode: ServiceCode,
  number: z.string().min(1).max(16),
  status: z.enum(TICKET_STATUSES),
  arrivedAt: z.number().int(),
  slotAt: z.number().int().nullable(),
  priorityGroup: PriorityGroupSchema.nullable(),
  bookingCode: z.string().max(32).nullable(),
  counterId: CounterId.nullable(),
  /** The username of the officer who (last) called it; null if never called or called before #7. */
  officer: z.string().max(64).nullable(),
  calledAt: z.number().int().nullable(),
  callCount: z.number().int().min(0),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  outcome: z.string().max(64).nullable(),
  /** The ticket this one continues after a transfer (same visit, same number). */
  transferredFrom: z.string().max(64).nullable(),
});
export type TicketData = z.infer<typeof TicketData>;
