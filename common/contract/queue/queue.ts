// The queue calls of the workstation: reception issues and checks in, counters call and serve, the
// board watches. Core answers from central through the queue port, or from local mode when central
// cannot be reached (`mode` says which, and the screens show it).
import { z } from 'zod';
import { defineCall } from '../define.js';
import { Empty, text } from '../schemas.js';
import { BoardView, BookingCode, IssuedTicket, PriorityGroupSchema, QueueConfig, RequestId, ServiceCode, TicketView } from './central.js';

export const QueueMode = z.enum(['central', 'local']);
export type QueueMode = z.infer<typeof QueueMode>;

const COUNTER: readonly ['officer', 'supervisor', 'admin'] = ['officer', 'supervisor', 'admin'];
/** Issuing a ticket is reception's whole job; a counter may issue one too (a walk-in at its window). */
const CHECK_IN: readonly ['reception', 'officer', 'supervisor', 'admin'] = ['reception', ...COUNTER];
const TicketId = text().min(1).max(64);

export const QueueCallResult = z.strictObject({ ticket: TicketView.nullable(), mode: QueueMode });
export type QueueCallResult = z.infer<typeof QueueCallResult>;

export const queueCalls = {
  'queue.config': defineCall({
    input: Empty,
    output: QueueConfig.extend({ mode: QueueMode, counterId: z.string() }),
    access: 'session',
    mutates: false,
  }),
  /** A walk-in (serviceCode, optional priority group) or a check-in (bookingCode or NIK). */
  'queue.issue': defineCall({
    input: z
      .strictObject({
        requestId: RequestId,
        serviceCode: ServiceCode.optional(),
        priorityGroup: PriorityGroupSchema.nullable().default(null),
        bookingCode: BookingCode.optional(),
        nik: z
          .string()
          .regex(/^\d{16}$/, 'nik.format')
          .optional(),
        /** From auth.override for 'quota.exceed' when the daily quota is used up. */
        overrideToken: text().min(1).max(200).optional(),
        language: z.enum(['id', 'en']).default('id'),
      })
      .refine((v) => v.serviceCode || v.bookingCode || v.nik, { message: 'service.required', path: ['serviceCode'] }),
    output: IssuedTicket.extend({ mode: QueueMode, ticketPdf: z.string() }),
    access: CHECK_IN,
    mutates: true,
  }),
  /** requestId: one per key press; a repeated press with the same id answers the same ticket. */
  'queue.callNext': defineCall({
    input: z.strictObject({ requestId: RequestId }),
    output: QueueCallResult,
    access: COUNTER,
    mutates: true,
  }),
  'queue.recall': defineCall({ input: z.strictObject({ ticketId: TicketId }), output: QueueCallResult, access: COUNTER, mutates: true }),
  'queue.noShow': defineCall({ input: z.strictObject({ ticketId: TicketId }), output: QueueCallResult, access: COUNTER, mutates: true }),
  'queue.start': defineCall({ input: z.strictObject({ ticketId: TicketId }), output: QueueCallResult, access: COUNTER, mutates: true }),
  'queue.finish': defineCall({
    input: z.strictObject({ ticketId: TicketId, outcome: z.enum(['served', 'incomplete', 'referred']) }),
    output: QueueCallResult,
    access: COUNTER,
    mutates: true,
  }),
  'queue.transfer': defineCall({
    input: z.strictObject({ ticketId: TicketId, serviceCode: ServiceCode }),
    output: QueueCallResult,
    access: COUNTER,
    mutates: true,
  }),
  /** The applicant steps aside: the ticket leaves the counter (call next goes on) until resumed here. */
  'queue.park': defineCall({ input: z.strictObject({ ticketId: TicketId }), output: QueueCallResult, access: COUNTER, mutates: true }),
  /** A ticket this counter parked comes back to it (the counter must be free). */
  'queue.resume': defineCall({ input: z.strictObject({ ticketId: TicketId }), output: QueueCallResult, access: COUNTER, mutates: true }),
  /** The tickets parked at this counter, longest parked first. */
  'queue.parked': defineCall({
    input: Empty,
    output: z.strictObject({ tickets: z.array(TicketView), mode: QueueMode }),
    access: COUNTER,
    mutates: false,
  }),
  /**
   * Actions this counter took on central's tickets while central was away: those still waiting to reach
   * central, and those central refused today (with its reason).
   */
  'queue.pendingActions': defineCall({
    input: Empty,
    output: z.strictObject({
      actions: z.array(
        z.strictObject({
          id: z.string(),
          ticketId: z.string(),
          number: z.string(),
          kind: z.enum(['recall', 'noShow', 'start', 'finish', 'transfer', 'park', 'resume']),
          at: z.number().int(),
          status: z.enum(['pending', 'refused']),
          reason: z.string().nullable(),
        }),
      ),
    }),
    access: COUNTER,
    mutates: false,
    background: true,
  }),
  /** The ticket now at this counter, if any (after a restart or a screen change). */
  'queue.current': defineCall({ input: Empty, output: QueueCallResult, access: COUNTER, mutates: false }),
  /** What the display board shows; public: it hangs in the waiting room. */
  'queue.board': defineCall({
    input: Empty,
    output: BoardView.extend({ mode: QueueMode }),
    access: 'public',
    mutates: false,
    background: true,
  }),
};

export const queueEvents = {
  /** The office queue moved (a call, a new ticket, a finish): boards and counter screens refresh. */
  'queue.changed': BoardView.extend({ mode: QueueMode }),
};
