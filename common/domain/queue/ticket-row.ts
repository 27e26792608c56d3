// A queue ticket as both stores hold it: central's `tickets` (PostgreSQL) and a workstation's
// `queue_local_tickets` (SQLite) name these columns alike (`office_tickets` has all but parked_at), so one
// mapper makes the view of either and the life cycle (lifecycle.ts) changes either by column name.
import type { TicketView } from '@common/contract/queue/central.js';
import type { TicketStatus } from './lifecycle.js';
import type { PriorityGroup } from './order.js';

export interface TicketRow {
  id: string;
  /** The office's business day the ticket was issued in (office time zone). */
  day: string;
  service_code: string;
  number: string;
  status: TicketStatus;
  arrived_at: number;
  slot_at: number | null;
  priority_group: PriorityGroup | null;
  booking_code: string | null;
  counter_id: string | null;
  called_at: number | null;
  call_count: number;
  started_at: number | null;
  finished_at: number | null;
  /** Set while the ticket is parked at its counter. */
  parked_at: number | null;
  outcome: string | null;
  /** The username of the officer who last acted on it at a counter. */
  officer: string | null;
}

/** A row a view can be made of: local mode selects `NULL AS applicant_name, 'local' AS origin`. */
export interface ViewableTicketRow extends TicketRow {
  applicant_name: string | null;
  origin: string;
}

/** The fields every camelCase shape of a ticket carries (the view, the published record, the wire). */
export const ticketFields = (r: Omit<TicketRow, 'parked_at'>) => ({
  day: r.day,
  serviceCode: r.service_code,
  number: r.number,
  status: r.status,
  arrivedAt: r.arrived_at,
  slotAt: r.slot_at,
  priorityGroup: r.priority_group,
  counterId: r.counter_id,
  calledAt: r.called_at,
  callCount: r.call_count,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  outcome: r.outcome,
});

export const ticketView = (r: ViewableTicketRow): TicketView => ({
  id: r.id,
  ...ticketFields(r),
  bookingCode: r.booking_code,
  applicantName: r.applicant_name,
  origin: r.origin,
});
