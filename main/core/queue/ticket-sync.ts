// The office's queue tickets arrive from central through the ordinary pull (entity "ticket",
// common/central/ticket-record.ts): this applier keeps them in office_tickets, where end of day and
// the analytics import read every desk's tickets, not only the ones this workstation issued.
import { TICKET_ENTITY, TicketData } from '@common/central/ticket-record.js';
import { deleteOfficeTicket, upsertOfficeTicket } from '@db/queries/queue/office-tickets.js';
import { keepUnreadable, type LocalApplier } from '../replication/applier.js';

export const ticketApplier: LocalApplier = {
  entity: TICKET_ENTITY,
  apply(db, rec, _now, effects) {
    if (rec.deleted) return deleteOfficeTicket(db, rec.entityId, rec.version);
    const parsed = TicketData.safeParse(rec.data);
    if (!parsed.success) return keepUnreadable(db, rec, effects, parsed.error.issues);
    const t = parsed.data;
    upsertOfficeTicket(db, {
      id: rec.entityId,
      day: t.day,
      service_code: t.serviceCode,
      number: t.number,
      status: t.status,
      arrived_at: t.arrivedAt,
      slot_at: t.slotAt,
      priority_group: t.priorityGroup,
      booking_code: t.bookingCode,
      counter_id: t.counterId,
      officer: t.officer,
      called_at: t.calledAt,
      call_count: t.callCount,
      started_at: t.startedAt,
      finished_at: t.finishedAt,
      outcome: t.outcome,
      transferred_from: t.transferredFrom,
      version: rec.version,
    });
  },
};
