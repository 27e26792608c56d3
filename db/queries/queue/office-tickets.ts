// The office's queue tickets as central published them (office_tickets, migration 0008).
import type { Db } from '@db/connection.js';
import type { TicketRow } from '@common/domain/queue/ticket-row.js';

/** A ticket's shared columns (no parked_at: parked is never published) and central's version of it. */
export interface OfficeTicketRow extends Omit<TicketRow, 'parked_at'> {
  transferred_from: string | null;
  version: number;
}

/** Central's newer word replaces ours; an older publication arriving late changes nothing. */
export function upsertOfficeTicket(db: Db, t: OfficeTicketRow): void {
  db.prepare(
    `INSERT INTO office_tickets (id, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, counter_id, officer,
       called_at, call_count, started_at, finished_at, outcome, transferred_from, version)
     VALUES (@id, @day, @service_code, @number, @status, @arrived_at, @slot_at, @priority_group, @booking_code, @counter_id, @officer,
       @called_at, @call_count, @started_at, @finished_at, @outcome, @transferred_from, @version)
     ON CONFLICT (id) DO UPDATE SET day = excluded.day, service_code = excluded.service_code, number = excluded.number, status = excluded.status,
       arrived_at = excluded.arrived_at, slot_at = excluded.slot_at, priority_group = excluded.priority_group, booking_code = excluded.booking_code,
       counter_id = excluded.counter_id, officer = excluded.officer, called_at = excluded.called_at, call_count = excluded.call_count,
       started_at = excluded.started_at, finished_at = excluded.finished_at, outcome = excluded.outcome, transferred_from = excluded.transferred_from,
       version = excluded.version
     WHERE excluded.version > office_tickets.version`,
  ).run(t);
}

/** A ticket central withdrew, unless what we hold is already newer than the withdrawal. */
export function deleteOfficeTicket(db: Db, id: string, version: number): void {
  db.prepare('DELETE FROM office_tickets WHERE id = ? AND version <= ?').run(id, version);
}
