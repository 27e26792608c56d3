// Parking: the applicant steps aside (to fetch a document, to pay) and the officer serves others
// meanwhile. A parked ticket keeps its counter, is no longer "at" it (call next goes on), is never
// called by another counter (call next reads only waiting tickets), and counts as neither waiting nor
// served. Resume brings it back to the same counter; the transaction time continues from there
// (Qmatic): the parked interval is not service time, so started_at moves on by it.
import type { CallResult } from '@common/contract/queue/central.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { atCounter, lockCounter } from './calls.js';
import { queueEvent } from './events.js';
import { TICKET_COLUMNS, ticketView, type TicketRow } from './rows.js';

async function lockTicket(sql: Sql, officeCode: string, ticketId: string): Promise<TicketRow> {
  const rows = await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 AND office_code = $2 FOR UPDATE`, [
    ticketId,
    officeCode,
  ]);
  if (!rows[0]) throw new CentralError('NOT_FOUND', 'No such ticket in this office', { reason: 'queue.unknownTicket' });
  return rows[0];
}

// Neither publishes: a parked ticket is not final (publish.ts). An officer given is recorded, as for
// the other ticket actions; without one the ticket keeps its officer.
export async function parkTicket(
  store: Store,
  officeCode: string,
  counterId: string,
  ticketId: string,
  now: number,
  officer?: string,
): Promise<CallResult> {
  return store.tx(async (sql) => {
    const t = await lockTicket(sql, officeCode, ticketId);
    if (t.counter_id !== counterId || !['called', 'serving'].includes(t.status)) {
      throw new CentralError('CONFLICT', `Ticket ${t.number} is not at counter ${counterId}`, {
        reason: 'queue.notYourTicket',
        status: t.status,
        counterId: t.counter_id,
      });
    }
    const rows = await sql.query<TicketRow>(
      `UPDATE tickets SET status = 'parked', parked_at = $2, officer = COALESCE($3, officer) WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
      [ticketId, now, officer ?? null],
    );
    await queueEvent(sql, rows[0]!, 'parked', counterId, now, { from: t.status });
    return { ticket: ticketView(rows[0]!) };
  });
}

export async function resumeTicket(
  store: Store,
  officeCode: string,
  counterId: string,
  ticketId: string,
  now: number,
  officer?: string,
): Promise<CallResult> {
  return store.tx(async (sql) => {
    // The counter first, as call next does: a resume and a call next at one counter never both win.
    await lockCounter(sql, officeCode, counterId);
    const t = await lockTicket(sql, officeCode, ticketId);
    if (t.status !== 'parked')
      throw new CentralError('CONFLICT', `Ticket ${t.number} is not parked (${t.status})`, { reason: 'queue.notParked', status: t.status });
    if (t.counter_id !== counterId) {
      throw new CentralError('CONFLICT', `Ticket ${t.number} is parked at counter ${t.counter_id ?? '?'}; only that counter resumes it`, {
        reason: 'queue.parkedElsewhere',
        counterId: t.counter_id,
      });
    }
    const current = await atCounter(sql, officeCode, counterId);
    if (current) {
      throw new CentralError('CONFLICT', `Ticket ${current.number} is still at this counter; finish, transfer or park it first`, {
        reason: 'queue.counterBusy',
        ticketId: current.id,
        number: current.number,
      });
    }
    // A workstation's clock may run ahead of central's (a ticket parked in local mode): never negative.
    const pausedMs = Math.max(0, now - Number(t.parked_at ?? now));
    const rows = await sql.query<TicketRow>(
      `UPDATE tickets SET status = CASE WHEN started_at IS NULL THEN 'called' ELSE 'serving' END, started_at = started_at + $2, parked_at = NULL,
         officer = COALESCE($3, officer)
       WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
      [ticketId, pausedMs, officer ?? null],
    );
    await queueEvent(sql, rows[0]!, 'resumed', counterId, now, { parkedMs: pausedMs });
    return { ticket: ticketView(rows[0]!) };
  });
}

/** The tickets parked at a counter, longest parked first. */
export async function parkedAt(sql: Sql, officeCode: string, counterId: string): Promise<TicketRow[]> {
  return sql.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE office_code = $1 AND counter_id = $2 AND status = 'parked' ORDER BY parked_at, id COLLATE "C"`,
    [officeCode, counterId],
  );
}
