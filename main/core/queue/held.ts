// Central's tickets at this counter, kept as central last answered them (a cache of its answers, like the
// pulled records), so the counter can go on with the applicant in front of it when central goes away:
// finish, park, transfer (any action of the life cycle) are decided here by the same rule, recorded as
// pending actions in the same transaction as their audit event and op, and replayed at central on
// reconnect (server/queue/replay.ts), where the life cycle decides them again.
import { v7 as uuidv7 } from 'uuid';
import type { TicketView } from '@common/contract/queue/central.js';
import type { OfflineAction } from '@common/contract/queue/sync.js';
import { decide, type LifecycleTicket, type TicketAction, type TicketChange } from '@common/domain/queue/lifecycle.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import type { Db } from '@db/connection.js';
import { localAtCounter } from '@db/queries/queue/queue.js';
import {
  forgetHeld,
  forgetHeldExcept,
  heldAtCounter,
  heldTicket,
  insertPendingAction,
  upsertHeld,
  type HeldTicketRow,
  type PendingActionRow,
} from '@db/queries/queue/queue-held.js';
import { counterIdOf, refused, type LocalContext } from './local.js';

const HELD_STATUSES: ReadonlySet<string> = new Set(['called', 'serving', 'parked']);
const AT_COUNTER = ['called', 'serving'] as const;

const viewOf = (row: HeldTicketRow): TicketView => JSON.parse(row.view) as TicketView;

/** Remembers one ticket central answered with for this counter, or forgets it once it left the counter. */
export function rememberTicket(db: Db, counterId: string, ticket: TicketView | null, now: number, actedOn?: string): void {
  // A transfer answers with the visit's new ticket: the one acted on has left this counter.
  if (actedOn && ticket?.id !== actedOn) forgetHeld(db, actedOn);
  if (!ticket) return;
  if (ticket.counterId !== counterId || !HELD_STATUSES.has(ticket.status)) {
    forgetHeld(db, ticket.id);
    return;
  }
  const before = heldTicket(db, ticket.id);
  upsertHeld(db, {
    id: ticket.id,
    counter_id: counterId,
    status: ticket.status as HeldTicketRow['status'],
    view: JSON.stringify(ticket),
    parked_at: ticket.status === 'parked' ? (before?.parked_at ?? now) : null,
    officer: before?.officer ?? null,
    updated_at: now,
  });
}

/** Central's answer to "what is at this counter": it replaces what was remembered as at the counter. */
export function rememberCurrent(db: Db, counterId: string, ticket: TicketView | null, now: number): void {
  forgetHeldExcept(db, counterId, AT_COUNTER, ticket ? [ticket.id] : []);
  rememberTicket(db, counterId, ticket, now);
}

/** Central's answer to "what is parked here". */
export function rememberParked(db: Db, counterId: string, tickets: readonly TicketView[], now: number): void {
  forgetHeldExcept(
    db,
    counterId,
    ['parked'],
    tickets.map((t) => t.id),
  );
  for (const t of tickets) rememberTicket(db, counterId, t, now);
}

/** Whatever is at this counter: a local-mode ticket, or central's ticket held here. */
export function ticketAtCounter(db: Db, counterId: string): { id: string; number: string } | null {
  const local = localAtCounter(db, counterId);
  if (local) return { id: local.id, number: local.number };
  const held = heldAtCounter(db, counterId);
  return held ? { id: held.id, number: viewOf(held).number } : null;
}

export const heldView = (row: HeldTicketRow | undefined): TicketView | null => (row ? viewOf(row) : null);

const lifecycleOf = (row: HeldTicketRow): LifecycleTicket => {
  const v = viewOf(row);
  return {
    id: v.id,
    number: v.number,
    service_code: v.serviceCode,
    status: row.status,
    counter_id: row.counter_id,
    called_at: v.calledAt,
    call_count: v.callCount,
    started_at: v.startedAt,
    parked_at: row.parked_at,
    officer: row.officer,
  };
};

const applied = (v: TicketView, c: TicketChange): TicketView => ({
  ...v,
  ...(c.status !== undefined ? { status: c.status } : {}),
  ...(c.counter_id !== undefined ? { counterId: c.counter_id } : {}),
  ...(c.called_at !== undefined ? { calledAt: c.called_at } : {}),
  ...(c.call_count !== undefined ? { callCount: c.call_count } : {}),
  ...(c.started_at !== undefined ? { startedAt: c.started_at } : {}),
  ...(c.finished_at !== undefined ? { finishedAt: c.finished_at } : {}),
  ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
});

/**
 * An action on central's ticket held at this counter while central is away; undefined when this counter
 * holds no such ticket. Runs inside the caller's write() so the pending action commits with its audit.
 * A transfer answers with the ticket as transferred: the visit's new ticket is central's to make.
 */
export function heldAction(c: LocalContext, ticketId: string, action: TicketAction): TicketView | undefined {
  const counterId = counterIdOf(c.counterNumber);
  const row = heldTicket(c.db, ticketId);
  if (!row || row.counter_id !== counterId) return undefined;
  const busy = action.kind === 'resume' ? ticketAtCounter(c.db, counterId) : null;
  const decision = decide(lifecycleOf(row), action, {
    counterId,
    now: c.now,
    officer: c.officer,
    maxRecalls: DEFAULT_QUEUE_RULES.maxRecalls,
    noShowAfterMs: DEFAULT_QUEUE_RULES.noShowAfterMs,
    services: c.services.map((s) => ({ code: s.code, active: true })),
    atCounter: busy,
  });
  if (!decision.ok) throw refused(decision);
  const view = applied(viewOf(row), decision.change);
  if (HELD_STATUSES.has(view.status)) {
    upsertHeld(c.db, {
      ...row,
      status: view.status as HeldTicketRow['status'],
      view: JSON.stringify(view),
      parked_at: decision.change.parked_at !== undefined ? decision.change.parked_at : row.parked_at,
      officer: decision.change.officer ?? row.officer,
      updated_at: c.now,
    });
  } else forgetHeld(c.db, row.id);
  insertPendingAction(c.db, {
    id: uuidv7(),
    ticket_id: row.id,
    number: view.number,
    counter_id: counterId,
    kind: action.kind,
    outcome: action.kind === 'finish' ? action.outcome : null,
    service_code: action.kind === 'transfer' ? action.serviceCode : null,
    officer: c.officer,
    at: c.now,
  });
  return view;
}

export const toOfflineAction = (a: PendingActionRow): OfflineAction => ({
  id: a.id,
  ticketId: a.ticket_id,
  counterId: a.counter_id,
  kind: a.kind,
  outcome: a.outcome,
  serviceCode: a.service_code,
  officer: a.officer,
  at: a.at,
});
