// Central's tickets held at this counter (as central last answered them) and the actions taken on them
// while central was away, waiting to be replayed there (migration 0014).
import type { Db } from '@db/connection.js';

export interface HeldTicketRow {
  id: string;
  counter_id: string;
  status: 'called' | 'serving' | 'parked';
  /** Central's TicketView as JSON, with the local actions' changes applied. */
  view: string;
  parked_at: number | null;
  officer: string | null;
  updated_at: number;
}

export function upsertHeld(db: Db, row: HeldTicketRow): void {
  db.prepare(
    `INSERT INTO queue_held_tickets (id, counter_id, status, view, parked_at, officer, updated_at)
     VALUES (@id, @counter_id, @status, @view, @parked_at, @officer, @updated_at)
     ON CONFLICT (id) DO UPDATE SET counter_id = excluded.counter_id, status = excluded.status, view = excluded.view,
       parked_at = excluded.parked_at, officer = excluded.officer, updated_at = excluded.updated_at`,
  ).run(row);
}

export const forgetHeld = (db: Db, id: string): void => {
  db.prepare('DELETE FROM queue_held_tickets WHERE id = ?').run(id);
};

export const heldTicket = (db: Db, id: string): HeldTicketRow | undefined =>
  db.prepare('SELECT * FROM queue_held_tickets WHERE id = ?').get(id) as HeldTicketRow | undefined;

/** Central's ticket called to or served at this counter, as last known. */
export const heldAtCounter = (db: Db, counterId: string): HeldTicketRow | undefined =>
  db
    .prepare(`SELECT * FROM queue_held_tickets WHERE counter_id = ? AND status IN ('called', 'serving') ORDER BY updated_at DESC LIMIT 1`)
    .get(counterId) as HeldTicketRow | undefined;

export const heldParkedAt = (db: Db, counterId: string): HeldTicketRow[] =>
  db
    .prepare(`SELECT * FROM queue_held_tickets WHERE counter_id = ? AND status = 'parked' ORDER BY parked_at, id`)
    .all(counterId) as HeldTicketRow[];

/** Forgets the held tickets of a counter in the given statuses except those listed (central's answer replaces them). */
export function forgetHeldExcept(db: Db, counterId: string, statuses: readonly string[], keep: readonly string[]): void {
  db.prepare(
    `DELETE FROM queue_held_tickets WHERE counter_id = ? AND status IN (SELECT value FROM json_each(?))
       AND id NOT IN (SELECT value FROM json_each(?))`,
  ).run(counterId, JSON.stringify(statuses), JSON.stringify(keep));
}

export interface PendingActionRow {
  seq: number;
  id: string;
  ticket_id: string;
  number: string;
  counter_id: string;
  kind: 'recall' | 'noShow' | 'start' | 'finish' | 'transfer' | 'park' | 'resume';
  outcome: string | null;
  service_code: string | null;
  officer: string | null;
  at: number;
  status: 'pending' | 'applied' | 'refused';
  reason: string | null;
  settled_at: number | null;
}

export function insertPendingAction(db: Db, a: Omit<PendingActionRow, 'seq' | 'status' | 'reason' | 'settled_at'>): void {
  db.prepare(
    `INSERT INTO queue_pending_actions (id, ticket_id, number, counter_id, kind, outcome, service_code, officer, at)
     VALUES (@id, @ticket_id, @number, @counter_id, @kind, @outcome, @service_code, @officer, @at)`,
  ).run(a);
}

export const openPendingActions = (db: Db, limit = 200): PendingActionRow[] =>
  db.prepare(`SELECT * FROM queue_pending_actions WHERE status = 'pending' ORDER BY seq LIMIT ?`).all(limit) as PendingActionRow[];

/** Whether any action on this ticket still waits for central (central's state of it is behind this counter's). */
export const hasPendingFor = (db: Db, ticketId: string): boolean =>
  db.prepare(`SELECT 1 FROM queue_pending_actions WHERE ticket_id = ? AND status = 'pending' LIMIT 1`).get(ticketId) !== undefined;

export function settlePendingAction(db: Db, id: string, status: 'applied' | 'refused', reason: string | null, at: number): void {
  db.prepare(`UPDATE queue_pending_actions SET status = ?, reason = ?, settled_at = ? WHERE id = ? AND status = 'pending'`).run(
    status,
    reason,
    at,
    id,
  );
}

/** For the queue screen: those still waiting, and those central refused in the last day. */
export const pendingActionsToShow = (db: Db, since: number): PendingActionRow[] =>
  db
    .prepare(`SELECT * FROM queue_pending_actions WHERE status = 'pending' OR (status = 'refused' AND settled_at >= ?) ORDER BY seq`)
    .all(since) as PendingActionRow[];
