// The supervisor's live floor: what the office queue is doing right now, from central.
// Central builds the view per office and business day; the workstation only passes it through, so every
// supervisor desk sees the same numbers.
import { z } from 'zod';
import { defineCall } from '../define.js';

const SUPERVISORS = ['supervisor', 'admin'] as const;

export const FloorQuery = z.strictObject({
  /** Service-level target: a ticket counts as "in time" when called within this many minutes of arrival. */
  targetMinutes: z.coerce.number().int().min(1).max(240).default(30),
});

export const FloorService = z.strictObject({
  serviceCode: z.string(),
  prefix: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  waiting: z.number().int(),
  /** How long the longest-waiting ticket of this service has waited so far; null when none waits. */
  longestWaitMs: z.number().int().nullable(),
});

export const FloorCounter = z.strictObject({
  counterId: z.string(),
  number: z.number().int(),
  name: z.string(),
  /** The ticket at the counter (called or being served); null when the counter is idle. */
  ticket: z
    .strictObject({ ticketId: z.string(), number: z.string(), status: z.enum(['called', 'serving']), since: z.number().int() })
    .nullable(),
});

export const FloorView = z.strictObject({
  officeCode: z.string(),
  officeName: z.string(),
  timeZone: z.string(),
  day: z.string(),
  now: z.number().int(),
  targetMinutes: z.number().int(),
  services: z.array(FloorService),
  waitingTotal: z.number().int(),
  longestWaitMs: z.number().int().nullable(),
  /** Arrival to (last) call, over the tickets called in the last hour; null when none was. */
  averageWaitLastHourMs: z.number().int().nullable(),
  calledLastHour: z.number().int(),
  counters: z.array(FloorCounter),
  /** Share of today's called tickets called within the target; null before the first call. */
  serviceLevel: z.number().nullable(),
  calledToday: z.number().int(),
  /** No-shows over tickets that came to an end today (served or no-show); null before the first. */
  noShowRate: z.number().nullable(),
  noShows: z.number().int(),
  closedToday: z.number().int(),
});
export type FloorView = z.infer<typeof FloorView>;

export const floorCalls = {
  /** The live floor from central; OFFLINE (reason floor.offline) when central cannot be reached. */
  'floor.view': defineCall({ input: FloorQuery, output: FloorView, access: SUPERVISORS, mutates: false, background: true }),
};
