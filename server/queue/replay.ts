// Actions a counter took on central's tickets while central was away (it finished, parked or
// transferred the ticket it was serving), replayed here on reconnect in the order the counter took them.
// Each is decided again by the life cycle (common/domain/queue/lifecycle.ts) on central's row: the ticket
// must be of the desk's office and at that counter, so a desk cannot move another counter's ticket. A
// resend counts once: the action's id is kept in the ticket event it produced. An action central already
// has (the counter's own request got through before its answer was lost) is answered as applied.
import type { OfflineAction, ReplayResponse } from '@common/contract/queue/sync.js';
import type { TicketAction, TicketStatus } from '@common/domain/queue/lifecycle.js';
import type { Store } from '../store/store.js';
import { applyDecided, decideLocked } from './calls.js';
import { officerRefusal } from './acting.js';
import { publishingTx, unpublished, type Published } from './publish.js';
import type { TicketRow } from './rows.js';

/** Where each action leaves a ticket: finding it there already means the action arrived before. */
const LEAVES_IN: Record<OfflineAction['kind'], readonly TicketStatus[]> = {
  recall: ['called'],
  noShow: ['no_show'],
  start: ['serving'],
  finish: ['done'],
  transfer: ['transferred'],
  park: ['parked'],
  resume: ['called', 'serving'],
};

const actionOf = (a: OfflineAction): TicketAction => {
  switch (a.kind) {
    case 'finish':
      return { kind: 'finish', outcome: a.outcome ?? 'served' };
    case 'transfer':
      return { kind: 'transfer', serviceCode: a.serviceCode ?? '' };
    default:
      return { kind: a.kind };
  }
};

/**
 * The desk's clock decides nothing here: its time is kept only between the ticket's last time central
 * knows and central's now, so a fast or slow desk clock cannot reorder a ticket's events.
 */
const clampedTime = (t: TicketRow | undefined, at: number, now: number): number => {
  const known = Math.max(t?.called_at ?? 0, t?.started_at ?? 0, t?.parked_at ?? 0);
  return Math.min(now, Math.max(at, known));
};

export async function replayOfflineActions(
  store: Store,
  officeCode: string,
  workstationId: string,
  actions: readonly OfflineAction[],
  now: number,
  published: Published = unpublished,
): Promise<ReplayResponse> {
  return publishingTx(store, officeCode, now, published, async (sql, publish) => {
    const results: ReplayResponse['results'] = [];
    for (const a of actions) {
      const seen = await sql.query(
        `SELECT 1 FROM ticket_events WHERE ticket_id = $1 AND office_code = $2 AND data->>'offlineAction' = $3`,
        [a.ticketId, officeCode, a.id],
      );
      if (seen.length > 0) {
        results.push({ id: a.id, outcome: 'applied', reason: null });
        continue;
      }
      // An officer central knows may not act here (reception, a disabled account): refused like a wrong ticket.
      const refusal = await officerRefusal(sql, officeCode, a.officer, `queue.${a.kind}`);
      if (refusal) {
        results.push({ id: a.id, outcome: 'refused', reason: refusal });
        continue;
      }
      const peek = await sql.query<TicketRow>('SELECT called_at, started_at, parked_at FROM tickets WHERE id = $1 AND office_code = $2', [
        a.ticketId,
        officeCode,
      ]);
      const at = clampedTime(peek[0], a.at, now);
      const { ticket, decision } = await decideLocked(sql, officeCode, a.counterId, a.ticketId, actionOf(a), at, a.officer);
      if (decision.ok && ticket) {
        await applyDecided(sql, publish, officeCode, a.counterId, ticket, decision, at, { offlineAction: a.id, from: workstationId });
        results.push({ id: a.id, outcome: 'applied', reason: null });
        continue;
      }
      const already = ticket && ticket.counter_id === a.counterId && LEAVES_IN[a.kind].includes(ticket.status);
      if (already) results.push({ id: a.id, outcome: 'applied', reason: null });
      else
        results.push({
          id: a.id,
          outcome: 'refused',
          reason: decision.ok ? 'queue.unknownTicket' : String(decision.details.reason ?? 'queue.replayRefused'),
        });
    }
    return { results };
  });
}
