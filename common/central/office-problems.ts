// The office's open sync problems as central holds them, for the supervisor: every desk's ops central
// refused or found in conflict that the desk has not settled yet (resolved, retried or dismissed).
import { z } from 'zod';

export const OfficeProblem = z.strictObject({
  workstationId: z.string(),
  workstationName: z.string(),
  opId: z.string(),
  deviceSeq: z.number().int(),
  op: z.string(),
  entity: z.string(),
  entityId: z.string(),
  status: z.enum(['rejected', 'conflict']),
  /** Central's stable reason ('username.taken', 'fields.changed'). */
  reason: z.string().nullable(),
  /** Who made the change at its desk, as its audit event names them. */
  actor: z.string().nullable(),
  /** When central answered it. */
  at: z.number().int(),
});
export type OfficeProblem = z.infer<typeof OfficeProblem>;

export const OfficeProblemsView = z.strictObject({
  problems: z.array(OfficeProblem),
  /** More problems are open than the view holds (the newest are shown). */
  truncated: z.boolean(),
});
export type OfficeProblemsView = z.infer<typeof OfficeProblemsView>;
