// The call order is one rule in three places: the pure reference (common/domain/queue/order.ts), the
// SQL central runs (PostgreSQL, and PGlite) and the SQL a workstation's local mode runs (SQLite). For
// random queues — NULL slots and groups, equal times, ids that differ only in case — all three agree,
// and a ticket that has aged is never overtaken by one that arrived after it (nobody starves).
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderQueue, PRIORITY_GROUPS, type QueuedTicket } from '@common/domain/queue/order.js';
import { queueOrderSql } from '@common/domain/queue/order-sql.js';
import { nextTicketSql } from '@server/queue/calls.js';
import { openStore, type Store } from '@server/store/store.js';
import { createTestDatabase, storeKinds } from '../support/model/central.js';

const MIN = 60_000;
const rules = { agingMs: 45 * MIN };
const NOW = 1_000 * MIN;

const ticket = fc.record({
  id: fc.stringMatching(/^[a-zA-Z0-9-]{1,6}$/),
  arrivedAt: fc.integer({ min: NOW - 90 * MIN, max: NOW }).map((x) => x - (x % (5 * MIN))),
  slotAt: fc.option(
    fc.integer({ min: NOW - 60 * MIN, max: NOW + 60 * MIN }).map((x) => x - (x % (15 * MIN))),
    { nil: null },
  ),
  priorityGroup: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
});
const queue = fc.uniqueArray(ticket, { selector: (t) => t.id, minLength: 1, maxLength: 25 });

function sqliteOrder(db: Database.Database, tickets: readonly QueuedTicket[]): string[] {
  db.exec('DELETE FROM q');
  const ins = db.prepare('INSERT INTO q (id, arrived_at, slot_at, priority_group) VALUES (?, ?, ?, ?)');
  for (const t of tickets) ins.run(t.id, t.arrivedAt, t.slotAt, t.priorityGroup);
  return (db.prepare(`SELECT id FROM q ORDER BY ${queueOrderSql(NOW, rules.agingMs, 'sqlite')}`).all() as Array<{ id: string }>).map(
    (r) => r.id,
  );
}

async function pgOrder(store: Store, tickets: readonly QueuedTicket[]): Promise<string[]> {
  return store.tx(async (sql) => {
    await sql.query('CREATE TEMP TABLE q (id text, arrived_at bigint, slot_at bigint, priority_group text) ON COMMIT DROP');
    await sql.query(
      `INSERT INTO q SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id text, arrived_at bigint, slot_at bigint, priority_group text)`,
      [JSON.stringify(tickets.map((t) => ({ id: t.id, arrived_at: t.arrivedAt, slot_at: t.slotAt, priority_group: t.priorityGroup })))],
    );
    const rows = await sql.query<{ id: string }>(`SELECT id FROM q ORDER BY ${queueOrderSql(NOW, rules.agingMs, 'postgres')}`);
    return rows.map((r) => r.id);
  });
}

/** Central's call-next pick (tier by tier over indexes), drained one ticket at a time. */
async function pgCallOrder(store: Store, tickets: readonly QueuedTicket[]): Promise<string[]> {
  return store.tx(async (sql) => {
    await sql.query(
      `CREATE TEMP TABLE tickets (id text, office_code text, day text, status text, service_code text, arrived_at bigint, slot_at bigint, priority_group text) ON COMMIT DROP`,
    );
    await sql.query(
      `INSERT INTO tickets SELECT x.id, 'o', 'd', 'waiting', 'S', x.arrived_at, x.slot_at, x.priority_group
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, arrived_at bigint, slot_at bigint, priority_group text)`,
      [JSON.stringify(tickets.map((t) => ({ id: t.id, arrived_at: t.arrivedAt, slot_at: t.slotAt, priority_group: t.priorityGroup })))],
    );
    const out: string[] = [];
    for (;;) {
      const rows = await sql.query<{ id: string | null }>(`SELECT ${nextTicketSql(NOW, rules.agingMs)} AS id`, ['o', 'd', '["S"]']);
      const id = rows[0]?.id;
      if (!id) return out;
      out.push(id);
      await sql.query(`UPDATE tickets SET status = 'called' WHERE id = $1`, [id]);
    }
  });
}

describe('one call order on the reference, SQLite and PostgreSQL', () => {
  const sqlite = new Database(':memory:');
  const stores: Array<{ kind: string; store: Store; drop?: () => Promise<void> }> = [];

  beforeAll(async () => {
    sqlite.exec('CREATE TABLE q (id TEXT, arrived_at INTEGER, slot_at INTEGER, priority_group TEXT)');
    for (const kind of storeKinds()) {
      if (kind === 'postgres') {
        const db = await createTestDatabase();
        stores.push({ kind, store: await openStore({ databaseUrl: db.url }), drop: db.drop });
      } else {
        stores.push({ kind, store: await openStore({}) });
      }
    }
  });
  afterAll(async () => {
    sqlite.close();
    for (const s of stores) {
      await s.store.close();
      await s.drop?.();
    }
  });

  it('orders random queues identically, NULLs and ties included', async () => {
    await fc.assert(
      fc.asyncProperty(queue, async (tickets) => {
        const expected = orderQueue(tickets, NOW, rules).map((t) => t.id);
        expect(sqliteOrder(sqlite, tickets)).toEqual(expected);
        for (const s of stores) {
          expect(await pgOrder(s.store, tickets), s.kind).toEqual(expected);
          expect(await pgCallOrder(s.store, tickets), `${s.kind} call-next`).toEqual(expected);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never lets a later arrival overtake a ticket that has aged', () => {
    fc.assert(
      fc.property(queue, (tickets) => {
        const order = sqliteOrder(sqlite, tickets);
        const byId = new Map(tickets.map((t) => [t.id, t]));
        order.forEach((id, i) => {
          const t = byId.get(id)!;
          if (NOW - t.arrivedAt < rules.agingMs) return;
          for (const before of order.slice(0, i)) expect(byId.get(before)!.arrivedAt).toBeLessThanOrEqual(t.arrivedAt);
        });
      }),
      { numRuns: 100 },
    );
  });

  it('is refused with anything but integers, so nothing can be injected', () => {
    expect(() => queueOrderSql(Number.NaN, 1, 'sqlite')).toThrow(/integer/);
    expect(() => queueOrderSql(1, 1.5, 'postgres')).toThrow(/integer/);
  });
});
