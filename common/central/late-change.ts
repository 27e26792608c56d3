// A late change: an op dated in a business day already signed off, held at central for the office's
// supervisor (server/sync/late.ts). Its record flows down to every desk of the office as entity
// `late_change`: the desk that sent the op reads its fate, supervisor desks list the ones to decide.
import { z } from 'zod';

export const LATE_ENTITY = 'late_change';
export const LATE_ACTIONS = { accept: 'endOfDay.acceptLate', return: 'endOfDay.returnLate' } as const;

/** Why central answers `held`: the op's own day is closed, or it waits behind a held op on the same record. */
export const LATE_REASONS = { held: 'late.held', waiting: 'late.waiting', returned: 'late.returned' } as const;

export const LateChangeRecord = z.looseObject({
  opId: z.string(),
  workstationId: z.string(),
  workstation: z.string(),
  deviceSeq: z.number().int(),
  businessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  entity: z.string(),
  entityId: z.string(),
  op: z.string(),
  createdAt: z.number().int(),
  actor: z.string().nullable(),
  reason: z.enum(['late.held', 'late.waiting']),
  /** resent: it went through on the desk's resend once the day was reopened; failed: accepted, then refused by its own rules. */
  status: z.enum(['held', 'accepted', 'returned', 'resent', 'failed']),
  receivedAt: z.number().int(),
  decidedBy: z.string().nullable(),
  decidedAt: z.number().int().nullable(),
  note: z.string().nullable(),
  summary: z.record(z.string(), z.unknown()).default({}),
});
export type LateChangeRecord = z.infer<typeof LateChangeRecord>;
