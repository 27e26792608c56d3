// The call order of order.ts as one SQL ORDER BY, written once for PostgreSQL (central) and
// SQLite (a workstation's local mode) so both engines order exactly as the reference does. Tickets need
// columns arrived_at, slot_at, priority_group and id; NULL slot or group are handled by the CASEs, not
// by the engines' differing NULL ordering. Ids compare bytewise (COLLATE "C" / BINARY) as in JS.

const int = (n: number, what: string): string => {
  if (!Number.isSafeInteger(n)) throw new Error(`${what} must be an integer`);
  return String(n);
};

export function queueOrderSql(now: number, agingMs: number, engine: 'postgres' | 'sqlite', alias = ''): string {
  const p = alias ? `${alias}.` : '';
  const n = int(now, 'now');
  const aging = int(agingMs, 'agingMs');
  const aged = `(${n} - ${p}arrived_at >= ${aging})`;
  const tier =
    `CASE WHEN ${aged} THEN 0 WHEN ${p}slot_at IS NOT NULL AND ${p}slot_at <= ${n} THEN 1 ` +
    `WHEN ${p}priority_group IS NOT NULL THEN 2 WHEN ${p}slot_at IS NOT NULL THEN 4 ELSE 3 END`;
  // Slot time only in tiers 1 (slot due) and 4 (early, no group); a priority group with a future slot waits by arrival.
  const time = `CASE WHEN NOT ${aged} AND ${p}slot_at IS NOT NULL AND (${p}slot_at <= ${n} OR ${p}priority_group IS NULL) THEN ${p}slot_at ELSE ${p}arrived_at END`;
  const collate = engine === 'postgres' ? ' COLLATE "C"' : '';
  return `${tier}, ${time}, ${p}id${collate}`;
}
