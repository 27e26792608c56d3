// Tickets a workstation issued and called in local mode arrive here on reconnect. Keyed by their id:
// a resend inserts nothing twice. A local ticket still waiting joins the office queue; once central has
// moved it on (another counter called it), a later resend of the old local state changes nothing.
// Every ticket inserted or moved on here is published to the office's feed, whatever its status (the
// workstation's local states are news to the others); a resend publishes nothing again.
import type { LocalTicket, ReconcileResponse } from '@common/contract/queue/sync.js';
import type { Store } from '../store/store.js';
import { publishingTx, unpublished, type Published } from './publish.js';
import { TICKET_COLUMNS, type TicketRow } from './rows.js';

const RANK: Record<string, number> = { waiting: 0, called: 1, serving: 2, parked: 2, done: 3, no_show: 3, transferred: 3, cancelled: 3 };
/** At its counter, a ticket goes back and forth between these (park, resume): each newer state counts. */
const AT_COUNTER = new Set(['called', 'serving', 'parked']);
const moves = (from: string, to: string): boolean =>
  (RANK[to] ?? 0) > (RANK[from] ?? 0) || (from !== to && AT_COUNTER.has(from) && AT_COUNTER.has(to));

export async function reconcileLocal(
  store: Store,
  officeCode: string,
  workstationId: string,
  tickets: readonly LocalTicket[],
  now: number,
  published: Published = unpublished,
): Promise<ReconcileResponse> {
  return publishingTx(store, officeCode, now, published, async (sql, publish) => {
    let inserted = 0;
    let updated = 0;
    for (const t of tickets) {
      const existing = await sql.query<{ status: string; origin: string; office_code: string }>(
        'SELECT status, origin, office_code FROM tickets WHERE id = $1 FOR UPDATE',
        [t.id],
      );
      const values = [
        t.id,
        officeCode,
        t.day,
        t.serviceCode,
        t.number,
        t.status,
        t.arrivedAt,
        t.slotAt,
        t.priorityGroup,
        t.counterId,
        t.calledAt,
        t.callCount,
        t.startedAt,
        t.finishedAt,
        t.outcome,
        t.parkedAt ?? null,
        t.officer ?? null,
      ];
      const cur = existing[0];
      if (!cur) {
        // FOR UPDATE locks nothing when the row is missing: a resend racing this one may insert first.
        const added = await sql.query<TicketRow>(
          `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, counter_id, called_at, call_count, started_at, finished_at, outcome, parked_at, officer, origin, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) ON CONFLICT (id) DO NOTHING RETURNING ${TICKET_COLUMNS}`,
          [...values, workstationId, now],
        );
        if (added.length === 0) continue;
        await sql.query(
          `INSERT INTO ticket_events (ticket_id, office_code, kind, counter_id, at, data) VALUES ($1, $2, 'reconciled', $3, $4, '{}'::jsonb)`,
          [t.id, officeCode, t.counterId, now],
        );
        publish(...added);
        inserted++;
      } else if (cur.origin === workstationId && cur.office_code === officeCode && moves(cur.status, t.status)) {
        const rows = await sql.query<TicketRow>(
          `UPDATE tickets SET status = $6, counter_id = $10, called_at = $11, call_count = $12, started_at = $13, finished_at = $14, outcome = $15, parked_at = $16,
             officer = COALESCE($17, officer)
           WHERE id = $1 AND office_code = $2 AND day = $3 AND service_code = $4 AND number = $5 AND arrived_at = $7
             AND slot_at IS NOT DISTINCT FROM $8 AND priority_group IS NOT DISTINCT FROM $9 RETURNING ${TICKET_COLUMNS}`,
          values,
        );
        publish(...rows);
        if (rows.length > 0) updated++;
      }
    }
    return { inserted, updated, unchanged: tickets.length - inserted - updated };
  });
}
