// The order in which counters call tickets (docs/architecture.md, "The office queue"). The server runs the same rule in
// SQL and a workstation in local mode runs it in SQLite; this is the reference both are tested against.

export const PRIORITY_GROUPS = ['lansia', 'disabilitas', 'ibu_hamil', 'balita', 'sakit'] as const;
export type PriorityGroup = (typeof PRIORITY_GROUPS)[number];

export interface QueuedTicket {
  id: string;
  /** Queue entry time; a transfer keeps the original one. */
  arrivedAt: number;
  /** Appointment slot start for M-Paspor bookings checked in on time; null for walk-ins. */
  slotAt: number | null;
  priorityGroup: PriorityGroup | null;
}

export interface OrderRules {
  /** A ticket waiting at least this long goes ahead of everything not yet aged: nobody starves. */
  agingMs: number;
}

/**
 * Tiers, lowest first: 0 aged (waited past the bound), 1 appointments whose slot has come, 2 priority
 * groups, 3 everyone else, 4 appointments checked in early (served early only when nobody else waits).
 */
export function tierOf(t: QueuedTicket, now: number, rules: OrderRules): number {
  if (now - t.arrivedAt >= rules.agingMs) return 0;
  if (t.slotAt !== null && t.slotAt <= now) return 1;
  if (t.priorityGroup !== null) return 2;
  if (t.slotAt !== null) return 4;
  return 3;
}

/** Within a tier: appointments by slot, everyone else by arrival; ties broken by id for a total order. */
export function orderKey(t: QueuedTicket, now: number, rules: OrderRules): [number, number, string] {
  const tier = tierOf(t, now, rules);
  const time = (tier === 1 || tier === 4) && t.slotAt !== null ? t.slotAt : t.arrivedAt;
  return [tier, time, t.id];
}

export function compareTickets(a: QueuedTicket, b: QueuedTicket, now: number, rules: OrderRules): number {
  const [ta, xa, ia] = orderKey(a, now, rules);
  const [tb, xb, ib] = orderKey(b, now, rules);
  return ta - tb || xa - xb || (ia < ib ? -1 : ia > ib ? 1 : 0);
}

export function orderQueue<T extends QueuedTicket>(tickets: readonly T[], now: number, rules: OrderRules): T[] {
  return [...tickets].sort((a, b) => compareTickets(a, b, now, rules));
}
