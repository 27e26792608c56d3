// What central knows of every workstation's outbox in an office, for the supervisor's end of day: an
// office's day is signed off only when no desk still holds changes central has not seen.
import { z } from 'zod';

export const OfficeOutboxQuery = z.strictObject({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'date.format') });

export const WorkstationOutbox = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** The workstation asking. */
  self: z.boolean(),
  lastSeenAt: z.number().int().nullable(),
  /** When it last said how far its outbox goes (with a pull); null: never. */
  reportedAt: z.number().int().nullable(),
  /** Ops it had written that central had not answered yet, as of its last report. */
  pending: z.number().int().min(0),
  /** Conflicts it had not resolved yet, as of its last report. */
  conflicts: z.number().int().min(0),
  /** Its ops central refused during the day (office time zone). */
  rejected: z.number().int().min(0),
  /**
   * It worked that day (sent ops or reported during it) and its last report does not cover the day: made
   * neither after the day ended nor in the last few minutes, so it may hold changes central never heard of.
   */
  unreported: z.boolean().default(false),
});
export type WorkstationOutbox = z.infer<typeof WorkstationOutbox>;

export const OfficeOutboxView = z.strictObject({ date: z.string(), workstations: z.array(WorkstationOutbox) });
export type OfficeOutboxView = z.infer<typeof OfficeOutboxView>;
