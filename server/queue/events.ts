// Ticket events (Qmatic measurement: a transaction runs from the last call to finish or transfer; a
// visit from queue entry to served) and the notifications outbox for SMS/WhatsApp. The gateway is an
// interface; the default adapter only logs, so an office without a provider loses nothing.
import type { FastifyBaseLogger } from 'fastify';
import type { Sql } from '../store/store.js';
import type { TicketRow } from './rows.js';

/** Kinds worth telling the applicant about. */
const NOTIFY = new Set(['called', 'recalled', 'transferred', 'no_show', 'done']);

export async function queueEvent(
  sql: Sql,
  t: TicketRow,
  kind: string,
  counterId: string | null,
  at: number,
  data: Record<string, unknown> = {},
): Promise<void> {
  await sql.query('INSERT INTO ticket_events (ticket_id, office_code, kind, counter_id, at, data) VALUES ($1, $2, $3, $4, $5, $6::jsonb)', [
    t.id,
    t.office_code,
    kind,
    counterId,
    at,
    JSON.stringify(data),
  ]);
  if (NOTIFY.has(kind) && t.booking_code) {
    await sql.query(
      'INSERT INTO notifications_outbox (office_code, ticket_id, kind, payload, created_at) VALUES ($1, $2, $3, $4::jsonb, $5)',
      [t.office_code, t.id, kind, JSON.stringify({ number: t.number, bookingCode: t.booking_code, counterId }), at],
    );
  }
}

export interface NotificationGateway {
  send(n: { officeCode: string; ticketId: string; kind: string; payload: unknown }): Promise<void>;
}

/** Stands in for the SMS/push gateway: logs that a notification went out, not what it said (a booking code). */
export const logGateway = (log: FastifyBaseLogger): NotificationGateway => ({
  async send(n) {
    log.info({ officeCode: n.officeCode, ticketId: n.ticketId, kind: n.kind }, 'notification sent');
  },
});

/** Sends what is unsent, oldest first; a failure stops the round and is retried next time. */
export async function drainNotifications(sql: Sql, gateway: NotificationGateway, now: number, limit = 100): Promise<number> {
  const rows = await sql.query<{ id: number; office_code: string; ticket_id: string; kind: string; payload: unknown }>(
    'SELECT id, office_code, ticket_id, kind, payload FROM notifications_outbox WHERE sent_at IS NULL ORDER BY id LIMIT $1',
    [limit],
  );
  let sent = 0;
  for (const r of rows) {
    await gateway.send({ officeCode: r.office_code, ticketId: r.ticket_id, kind: r.kind, payload: r.payload });
    await sql.query('UPDATE notifications_outbox SET sent_at = $2 WHERE id = $1', [r.id, now]);
    sent++;
  }
  return sent;
}
