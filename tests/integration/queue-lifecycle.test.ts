// A ticket's life cycle is one rule (common/domain/queue/lifecycle.ts) in three places: central's queue
// (PostgreSQL, and PGlite), a workstation's local mode (SQLite) and the pure rule itself. Random
// sequences of what two counters do — call next (a double press too), recall, no-show, start, finish,
// transfer, park, resume, by an officer or none, as time goes on (minutes, or seconds: a no-show too soon
// after the last call) — leave every ticket in the same state
// in all three after every step, and every refusal has the same code, message and details.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3-multiple-ciphers';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TicketView } from '@common/contract/queue/central.js';
import { AT_COUNTER_STATUSES, called, decide, decideCallNext, type Refusal, type TicketAction } from '@common/domain/queue/lifecycle.js';
import { orderQueue, PRIORITY_GROUPS } from '@common/domain/queue/order.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import { ticketView, type TicketRow } from '@common/domain/queue/ticket-row.js';
import { SERVICE_SEED } from '@common/domain/shared/offices.js';
import { AppError } from '@common/contract/result.js';
import { migrate } from '@db/migrate.js';
import { insertLocalTicket } from '@db/queries/queue/queue.js';
import { localAction, localCallNext, type LocalContext } from '@main/core/queue/local.js';
import { callNext, ticketAction } from '@server/queue/calls.js';
import { CentralError } from '@server/http/errors.js';
import type { Store } from '@server/store/store.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';

const SEC = 1_000;
const MIN = 60_000;
const OFFICE = 'banyumanik';
const TZ = 'Asia/Jakarta';
const DAY = '2026-12-01';
const START = Date.parse(`${DAY}T08:00:00+07:00`);
const SERVICES = SERVICE_SEED.map((s) => s.code);
const COUNTERS = ['3', '4'] as const;

type Target = 'atCounter' | 'parked' | number;
interface Step {
  counter: (typeof COUNTERS)[number];
  officer: string | null;
  advanceMs: number;
  /** Call next (`again`: the same key press as the step before, when that was a call next here), or an action. */
  what: { callNext: true; again: boolean } | { callNext: false; target: Target; action: TicketAction };
}

const action: fc.Arbitrary<TicketAction> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'recall' as const }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'noShow' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'start' as const }) },
  { weight: 2, arbitrary: fc.constantFrom('served', 'incomplete').map((outcome) => ({ kind: 'finish' as const, outcome })) },
  { weight: 1, arbitrary: fc.constantFrom(...SERVICES, 'NOPE').map((serviceCode) => ({ kind: 'transfer' as const, serviceCode })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'park' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'resume' as const }) },
);
// Mostly one counter and the ticket at it, an action often twice or three times in a row (recalls before
// a no-show): random steps that reach the whole life cycle, not only its refusals.
const step: fc.Arbitrary<Step[]> = fc
  .record({
    counter: fc.oneof({ weight: 3, arbitrary: fc.constant(COUNTERS[0]) }, { weight: 1, arbitrary: fc.constant(COUNTERS[1]) }),
    officer: fc.constantFrom('ani', 'budi', null),
    advanceMs: fc.oneof(
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }).map((m) => m * MIN) },
      // Around the wait after a call before a no-show (20 s by default): both sides of it.
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 40 }).map((s) => s * SEC) },
    ),
    times: fc.integer({ min: 1, max: 3 }),
    what: fc.oneof(
      { weight: 2, arbitrary: fc.record({ callNext: fc.constant(true as const), again: fc.boolean() }) },
      {
        weight: 5,
        arbitrary: fc.record({
          callNext: fc.constant(false as const),
          target: fc.oneof(
            { weight: 4, arbitrary: fc.constant<Target>('atCounter') },
            { weight: 1, arbitrary: fc.constant<Target>('parked') },
            { weight: 1, arbitrary: fc.nat(20) },
          ),
          action,
        }),
      },
    ),
  })
  .map(({ times, ...st }) => Array.from({ length: st.what.callNext ? 1 : times }, () => st));
const arrivals = fc.array(
  fc.record({
    serviceCode: fc.constantFrom(...SERVICES),
    priorityGroup: fc.option(fc.constantFrom(...PRIORITY_GROUPS), { nil: null }),
  }),
  { minLength: 1, maxLength: 6 },
);

const at = (counter: Step['counter'], what: Step['what'], advanceMs = MIN): Step[] => [{ counter, officer: 'ani', advanceMs, what }];
const act = (counter: Step['counter'], a: TicketAction, target: Target = 'atCounter') =>
  at(counter, { callNext: false, target, action: a });
const press = (counter: Step['counter'], again = false) => at(counter, { callNext: true, again });
/** One day at two counters through every action and refusal, run besides the random ones. */
const EXAMPLE: [typeof arrivals extends fc.Arbitrary<infer A> ? A : never, Step[][]] = [
  [
    { serviceCode: 'PENGAMBILAN', priorityGroup: null },
    { serviceCode: 'PENGAMBILAN', priorityGroup: 'lansia' },
    { serviceCode: 'IZIN_TINGGAL', priorityGroup: null },
  ],
  [
    press('3'),
    press('3', true),
    press('3'),
    act('3', { kind: 'noShow' }),
    act('3', { kind: 'recall' }),
    act('3', { kind: 'recall' }),
    // Seconds after the last recall the applicant may still be walking over: refused, then recorded.
    at('3', { callNext: false, target: 'atCounter', action: { kind: 'noShow' } }, 5 * SEC),
    act('3', { kind: 'noShow' }),
    press('4'),
    act('3', { kind: 'start' }, 1),
    act('4', { kind: 'finish', outcome: 'served' }),
    act('4', { kind: 'start' }),
    act('4', { kind: 'park' }),
    press('4'),
    act('4', { kind: 'resume' }, 'parked'),
    act('3', { kind: 'resume' }, 'parked'),
    act('4', { kind: 'transfer', serviceCode: 'NOPE' }),
    act('4', { kind: 'transfer', serviceCode: 'IZIN_TINGGAL' }),
    act('4', { kind: 'transfer', serviceCode: 'PENGAMBILAN' }),
    act('4', { kind: 'resume' }, 'parked'),
    act('4', { kind: 'recall' }),
    act('4', { kind: 'resume' }, 'parked'),
    press('4'),
    act('4', { kind: 'start' }),
    act('4', { kind: 'finish', outcome: 'served' }),
    act('4', { kind: 'resume' }, 'parked'),
    act('4', { kind: 'finish', outcome: 'incomplete' }),
  ],
];

/** A ticket as it joins the queue: issued, or the visit going on after a transfer. */
const WAITING = {
  status: 'waiting',
  counter_id: null,
  called_at: null,
  call_count: 0,
  started_at: null,
  finished_at: null,
  parked_at: null,
  outcome: null,
  officer: null,
} as const satisfies Partial<TicketRow>;

/** What a step answered, comparable across the three: ticket ids become their place in creation order. */
type Outcome = { ticket: Record<string, unknown> | null } | { refused: Refusal['kind']; message: string; details: unknown };

/** One place the life cycle runs: tickets in creation order (a transfer adds one), and the steps. */
interface Side {
  ids: string[];
  callNext(counter: string, requestId: string, officer: string | null, now: number): Promise<TicketView | null>;
  act(counter: string, ticketId: string, action: TicketAction, officer: string | null, now: number): Promise<TicketView>;
  rows(): Promise<TicketRow[]>;
}

const comparable = (r: TicketRow, ids: readonly string[]) => ({
  ticket: ids.indexOf(r.id),
  service_code: r.service_code,
  number: r.number,
  status: r.status,
  arrived_at: r.arrived_at,
  slot_at: r.slot_at,
  priority_group: r.priority_group,
  counter_id: r.counter_id,
  called_at: r.called_at,
  call_count: r.call_count,
  started_at: r.started_at,
  finished_at: r.finished_at,
  parked_at: r.parked_at,
  outcome: r.outcome,
  officer: r.officer,
});

const viewOf = (v: TicketView, ids: readonly string[]) => {
  const { id, origin: _origin, applicantName: _name, ...rest } = v;
  return { ...rest, ticket: ids.indexOf(id) };
};

function withIds(details: unknown, ids: readonly string[]): unknown {
  const d = details as Record<string, unknown>;
  return typeof d.ticketId === 'string' ? { ...d, ticketId: ids.indexOf(d.ticketId) } : d;
}

const REFUSED_AS: Record<string, Refusal['kind']> = {
  CONFLICT: 'conflict',
  NOT_FOUND: 'notFound',
  INVALID_FIELD: 'invalid',
  VALIDATION: 'invalid',
};

async function outcomeOf(side: Side, run: () => Promise<TicketView | null>, transfer: boolean): Promise<Outcome> {
  try {
    const view = await run();
    if (view && transfer) side.ids.push(view.id);
    return { ticket: view && viewOf(view, side.ids) };
  } catch (err) {
    if (!(err instanceof CentralError) && !(err instanceof AppError)) throw err;
    const kind = REFUSED_AS[err.code];
    if (!kind) throw err;
    return { refused: kind, message: err.message, details: withIds(err.details, side.ids) };
  }
}

/** The pure rule on plain rows: call next picks with the reference order (common/domain/queue/order.ts). */
function pureSide(): Side & { reset(rows: TicketRow[]): void } {
  let tickets: TicketRow[] = [];
  const lastCall = new Map<string, string>();
  const atCounter = (counter: string) =>
    tickets
      .filter((t) => t.counter_id === counter && (AT_COUNTER_STATUSES as readonly string[]).includes(t.status))
      .sort((a, b) => (b.called_at ?? 0) - (a.called_at ?? 0))[0] ?? null;
  const refuse = (r: Refusal): never => {
    throw new AppError(r.kind === 'conflict' ? 'CONFLICT' : r.kind === 'notFound' ? 'NOT_FOUND' : 'VALIDATION', r.message, r.details);
  };
  const view = (r: TicketRow): TicketView => ticketView({ ...r, applicant_name: null, origin: 'pure' });
  const side = {
    ids: [] as string[],
    reset(rows: TicketRow[]) {
      tickets = rows.map((r) => ({ ...r }));
      side.ids = rows.map((r) => r.id);
      lastCall.clear();
    },
    async callNext(counter: string, requestId: string, officer: string | null, now: number) {
      const current = atCounter(counter);
      const may = decideCallNext({ id: counter, open: true, lastRequestId: lastCall.get(counter) ?? null, atCounter: current }, requestId);
      if (!may.ok) refuse(may);
      else if (may.again) return current && view(current);
      lastCall.set(counter, requestId);
      const waiting = tickets.filter((t) => t.status === 'waiting' && t.day === DAY);
      const next = orderQueue(
        waiting.map((t) => ({ id: t.id, arrivedAt: t.arrived_at, slotAt: t.slot_at, priorityGroup: t.priority_group, row: t })),
        now,
        DEFAULT_QUEUE_RULES,
      )[0]?.row;
      if (!next) return null;
      Object.assign(next, called(next, { counterId: counter, now, officer }));
      return view(next);
    },
    async act(counter: string, ticketId: string, a: TicketAction, officer: string | null, now: number) {
      const t = tickets.find((x) => x.id === ticketId);
      const d = decide(t, a, {
        counterId: counter,
        now,
        officer,
        maxRecalls: DEFAULT_QUEUE_RULES.maxRecalls,
        noShowAfterMs: DEFAULT_QUEUE_RULES.noShowAfterMs,
        services: SERVICES.map((code) => ({ code, active: true })),
        atCounter: a.kind === 'resume' ? atCounter(counter) : null,
      });
      if (!d.ok) return refuse(d);
      Object.assign(t!, d.change);
      if (d.transferTo === undefined) return view(t!);
      const next: TicketRow = { ...t!, id: `pure-${tickets.length}`, service_code: d.transferTo, ...WAITING };
      tickets.push(next);
      return view(next);
    },
    async rows() {
      return tickets;
    },
  };
  return side;
}

function localSide(db: Database.Database): Side & { reset(rows: TicketRow[]): void } {
  const ctx = (counter: string, officer: string | null, now: number): LocalContext => ({
    db,
    now,
    tz: TZ,
    counterNumber: Number(counter),
    officer,
    training: false,
    services: SERVICE_SEED.map((s) => ({ code: s.code, prefix: s.prefix, name_id: s.nameId, name_en: s.nameEn })),
  });
  const side = {
    ids: [] as string[],
    reset(rows: TicketRow[]) {
      db.exec("DELETE FROM queue_local_tickets; DELETE FROM settings WHERE key = 'queue_local_last_call'");
      for (const r of rows) {
        insertLocalTicket(db, { ...r, request_id: null });
      }
      side.ids = rows.map((r) => r.id);
    },
    callNext: async (counter: string, requestId: string, officer: string | null, now: number) =>
      localCallNext(ctx(counter, officer, now), requestId),
    async act(counter: string, ticketId: string, a: TicketAction, officer: string | null, now: number) {
      const v = localAction(ctx(counter, officer, now), ticketId, a);
      if (!v) throw new Error(`ticket ${ticketId} is not a local one`);
      return v;
    },
    rows: async () => db.prepare('SELECT * FROM queue_local_tickets').all() as TicketRow[],
  };
  return side;
}

function centralSide(store: Store): Side & { reset(rows: TicketRow[]): Promise<void> } {
  const side = {
    ids: [] as string[],
    async reset(rows: TicketRow[]) {
      await store.exec(
        'DELETE FROM notifications_outbox; DELETE FROM ticket_events; DELETE FROM tickets; UPDATE queue_counters SET last_request_id = NULL',
      );
      for (const r of rows) {
        await store.query(
          `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, origin, created_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'central', $7)`,
          [r.id, OFFICE, r.day, r.service_code, r.number, r.status, r.arrived_at, r.slot_at, r.priority_group],
        );
      }
      side.ids = rows.map((r) => r.id);
    },
    callNext: async (counter: string, requestId: string, officer: string | null, now: number) =>
      (await callNext(store, OFFICE, { counterId: counter, requestId, officer: officer ?? undefined }, now)).ticket,
    act: async (counter: string, ticketId: string, a: TicketAction, officer: string | null, now: number) =>
      (await ticketAction(store, OFFICE, counter, ticketId, a, now, { officer: officer ?? undefined })).ticket!,
    rows: () => store.query<TicketRow>('SELECT * FROM tickets WHERE office_code = $1', [OFFICE]),
  };
  return side;
}

/**
 * The ticket a step acts on, chosen on the pure side (all three agree on it, or the test fails anyway):
 * the counter's own (the one at it, or for a resume the one it parked), any parked one, or any.
 */
async function targetOf(pure: Side, counter: string, target: Target, action: TicketAction): Promise<number> {
  const rows = await pure.rows();
  const index = (pick: (r: TicketRow) => boolean) => {
    const i = rows.findIndex(pick);
    return i >= 0 ? pure.ids.indexOf(rows[i]!.id) : 0;
  };
  if (target === 'atCounter' && action.kind === 'resume') return index((r) => r.counter_id === counter && r.status === 'parked');
  if (target === 'atCounter')
    return index((r) => r.counter_id === counter && (AT_COUNTER_STATUSES as readonly string[]).includes(r.status));
  if (target === 'parked') return index((r) => r.status === 'parked');
  return target % pure.ids.length;
}

describe('one ticket life cycle for central, local mode and the pure rule', () => {
  const db = new Database(':memory:');
  const centrals: Array<{ kind: string; central: TestCentral }> = [];

  beforeAll(async () => {
    migrate(db);
    for (const kind of storeKinds()) centrals.push({ kind, central: await startTestCentral(kind, { now: () => START }) });
  });
  afterAll(async () => {
    db.close();
    for (const c of centrals) await c.central.close();
  });

  it('agrees on every state and every refusal over random action sequences', async () => {
    const pure = pureSide();
    const local = localSide(db);
    const stores = centrals.map((c) => ({ kind: c.kind, side: centralSide(c.central.central.deps.store) }));
    const seen = new Set<string>();
    await fc.assert(
      fc.asyncProperty(arrivals, fc.array(step, { minLength: 1, maxLength: 20 }), async (queue, repeated) => {
        const steps = repeated.flat();
        const rows: TicketRow[] = queue.map((a, i) => ({
          id: randomUUID(),
          day: DAY,
          service_code: a.serviceCode,
          number: `X-${String(i + 1).padStart(3, '0')}`,
          // Distinct arrivals within the hour before the start: some age past the bound as the day goes on.
          arrived_at: START - (queue.length - i) * 9 * MIN,
          slot_at: null,
          priority_group: a.priorityGroup,
          booking_code: null,
          ...WAITING,
        }));
        pure.reset(rows);
        local.reset(rows);
        for (const s of stores) await s.side.reset(rows);
        const sides: Array<{ name: string; side: Side }> = [
          { name: 'local', side: local },
          ...stores.map((s) => ({ name: s.kind, side: s.side })),
        ];
        let now = START;
        let lastPress: { counter: string; requestId: string } | undefined;
        for (const [n, st] of steps.entries()) {
          now += st.advanceMs;
          let run: (side: Side) => Promise<TicketView | null>;
          let transfer = false;
          if (st.what.callNext) {
            const requestId = st.what.again && lastPress?.counter === st.counter ? lastPress.requestId : randomUUID().replace(/-/g, '');
            lastPress = { counter: st.counter, requestId };
            run = (side) => side.callNext(st.counter, requestId, st.officer, now);
          } else {
            lastPress = undefined;
            const a = st.what.action;
            const index = await targetOf(pure, st.counter, st.what.target, a);
            transfer = a.kind === 'transfer';
            run = (side) => side.act(st.counter, side.ids[index]!, a, st.officer, now);
          }
          const expected = await outcomeOf(pure, () => run(pure), transfer);
          seen.add(
            'refused' in expected
              ? ((expected.details as { reason?: string }).reason ?? 'invalid')
              : st.what.callNext
                ? 'callNext'
                : st.what.action.kind,
          );
          const state = (await pure.rows()).map((r) => comparable(r, pure.ids));
          for (const { name, side } of sides) {
            expect(await outcomeOf(side, () => run(side), transfer), `${name}, step ${n}`).toEqual(expected);
            expect(
              (await side.rows()).map((r) => comparable(r, side.ids)).sort((a, b) => a.ticket - b.ticket),
              `${name} after step ${n}`,
            ).toEqual(state);
          }
        }
      }),
      { numRuns: 40, examples: [EXAMPLE], seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
    );
    // The runs (the example among them) reached every action and every refusal, not only the easy paths.
    for (const what of ['callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'park', 'resume']) expect(seen).toContain(what);
    for (const reason of [
      'queue.counterBusy',
      'queue.notYourTicket',
      'queue.wrongStatus',
      'queue.recallFirst',
      'queue.noShowTooSoon',
      'queue.notParked',
      'queue.parkedElsewhere',
      'queue.sameService',
      'invalid',
    ])
      expect(seen).toContain(reason);
  });
});
