// End of day's queue figures: the day's tickets counted per service and per officer from central's
// published tickets and this workstation's not yet published local ones. Pure: rows in, figures out,
// in a stable order so the signed report's hash does not depend on how the rows arrived.
import { isFinalStatus } from '@common/domain/queue/lifecycle.js';

export interface TicketCounts {
  issued: number;
  served: number;
  noShow: number;
  transferred: number;
  cancelled: number;
  /** Not in a final status yet: waiting, called, serving or parked. */
  open: number;
}

export interface TicketFigures {
  byService: Array<TicketCounts & { serviceCode: string }>;
  /** officer null: tickets nobody called (still waiting, or cancelled before a call). */
  byOfficer: Array<TicketCounts & { officer: string | null; name?: string | null }>;
  total: TicketCounts;
}

export interface TicketCountRow {
  service_code: string;
  officer: string | null;
  status: string;
  n: number;
}

const FIELD: Record<string, keyof TicketCounts> = { done: 'served', no_show: 'noShow', transferred: 'transferred', cancelled: 'cancelled' };

export const emptyTicketCounts = (): TicketCounts => ({ issued: 0, served: 0, noShow: 0, transferred: 0, cancelled: 0, open: 0 });

function add(into: TicketCounts, status: string, n: number): void {
  into.issued += n;
  into[isFinalStatus(status) ? (FIELD[status] ?? 'open') : 'open'] += n;
}

function counted<K>(map: Map<K, TicketCounts>, key: K, status: string, n: number): void {
  let c = map.get(key);
  if (!c) map.set(key, (c = emptyTicketCounts()));
  add(c, status, n);
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export function tallyTickets(rows: readonly TicketCountRow[]): TicketFigures {
  const services = new Map<string, TicketCounts>();
  const officers = new Map<string | null, TicketCounts>();
  const total = emptyTicketCounts();
  for (const r of rows) {
    counted(services, r.service_code, r.status, r.n);
    counted(officers, r.officer, r.status, r.n);
    add(total, r.status, r.n);
  }
  return {
    byService: [...services].sort(([a], [b]) => byText(a, b)).map(([serviceCode, c]) => ({ serviceCode, ...c })),
    // Code-point order, not locale order: the same on every machine that signs or checks the report.
    byOfficer: [...officers]
      .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : byText(a, b)))
      .map(([officer, c]) => ({ officer, ...c })),
    total,
  };
}

/**
 * Reports signed before the office's tickets were published held only this workstation's local
 * tickets (null when none, else per service by status): read them in today's shape, per service only.
 */
export function ticketFiguresOfLegacy(value: unknown): unknown {
  if (value === null || value === undefined) return tallyTickets([]);
  if (!Array.isArray(value)) return value;
  const rows: TicketCountRow[] = [];
  for (const g of value as Array<{ serviceCode?: unknown; byStatus?: unknown }>) {
    for (const [status, n] of Object.entries((g.byStatus ?? {}) as Record<string, unknown>)) {
      if (typeof g.serviceCode === 'string' && typeof n === 'number') rows.push({ service_code: g.serviceCode, officer: null, status, n });
    }
  }
  const figures = tallyTickets(rows);
  return { ...figures, byOfficer: [] };
}
