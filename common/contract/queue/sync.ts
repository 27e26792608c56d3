// Wire messages for the board's long poll and for reconciling tickets a workstation issued in local
// mode (central unreachable) once it reconnects.
import { z } from 'zod';
import { text } from '../schemas.js';
import { TICKET_STATUSES } from '@common/domain/queue/lifecycle.js';
import { BoardView, CounterId, OfficerName, PriorityGroupSchema, ServiceCode } from './central.js';

export const BoardQuery = z.strictObject({
  /** The version the caller has; the answer waits for a newer one (up to `wait` ms). */
  version: z.coerce.number().int().min(-1).optional(),
  wait: z.coerce.number().int().min(0).max(60_000).optional(),
});

export const BoardResponse = z.strictObject({ version: z.number().int(), board: BoardView });
export type BoardResponse = z.infer<typeof BoardResponse>;

export const LocalTicket = z.strictObject({
  id: z.string().uuid(),
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  serviceCode: ServiceCode,
  number: text().min(3).max(16),
  status: z.enum(TICKET_STATUSES),
  arrivedAt: z.number().int(),
  slotAt: z.number().int().nullable(),
  priorityGroup: PriorityGroupSchema.nullable(),
  counterId: text().max(32).nullable(),
  calledAt: z.number().int().nullable(),
  callCount: z.number().int().min(0),
  startedAt: z.number().int().nullable(),
  finishedAt: z.number().int().nullable(),
  outcome: text().max(64).nullable(),
  /** Set while parked at its counter. */
  parkedAt: z.number().int().nullable().optional(),
  /** The officer who called it at this workstation (username). */
  officer: text().min(1).max(64).nullable().optional(),
});
export type LocalTicket = z.infer<typeof LocalTicket>;

export const ReconcileRequest = z.strictObject({ tickets: z.array(LocalTicket).min(1).max(2000) });
export const ReconcileResponse = z.strictObject({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
export type ReconcileResponse = z.infer<typeof ReconcileResponse>;

/**
 * What a counter did to one of central's tickets while central was away (finish, park, transfer...), in
 * the order it did it. Central decides each again by the life cycle: the ticket must be of the desk's
 * office and at that counter. `id` makes a resend count once; `at` is the desk's clock, which central
 * keeps only between the ticket's last known time and its own now.
 */
export const OfflineAction = z.strictObject({
  id: z.string().uuid(),
  ticketId: text().min(1).max(64),
  counterId: CounterId,
  kind: z.enum(['recall', 'noShow', 'start', 'finish', 'transfer', 'park', 'resume']),
  outcome: text().trim().min(1).max(64).nullable(),
  serviceCode: ServiceCode.nullable(),
  officer: OfficerName.nullable(),
  at: z.number().int(),
});
export type OfflineAction = z.infer<typeof OfflineAction>;

export const ReplayRequest = z.strictObject({ actions: z.array(OfflineAction).min(1).max(500) });
export const ReplayResult = z.strictObject({
  id: z.string(),
  /** applied: central took it (or had it already, from an answer the desk never received); refused: `reason` says why. */
  outcome: z.enum(['applied', 'refused']),
  reason: z.string().nullable(),
});
export const ReplayResponse = z.strictObject({ results: z.array(ReplayResult) });
export type ReplayResponse = z.infer<typeof ReplayResponse>;
