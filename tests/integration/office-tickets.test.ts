// The office's queue tickets reach the workstation by pull (entity "ticket") and count in its end of day
// and analytics: fed through applyPulled as the sync client does, on a real SQLite core. The officer
// goes with every call to central, is recorded on local-mode calls and travels in reconcile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TicketData } from '@common/central/ticket-record.js';
import type { CallResult } from '@common/contract/queue/central.js';
import type { LocalTicket } from '@common/contract/queue/sync.js';
import { QueueUnreachable, type QueuePort } from '@main/core/queue/port.js';
import { applyPulled } from '@main/core/replication/apply.js';
import type { PulledRecord } from '@main/core/replication/applier.js';
import { getCursor } from '@db/queries/sync/sync.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';

const DAY = '2026-11-30';
/** Monday 30 November 2026, 08:00 WIB. */
const START = Date.UTC(2026, 10, 30, 1, 0, 0);
const at = (minutes: number) => START + minutes * 60_000;

const data = (over: Partial<TicketData>): TicketData => ({
  day: DAY,
  serviceCode: 'PENGAMBILAN',
  number: 'C-001',
  status: 'waiting',
  arrivedAt: at(5),
  slotAt: null,
  priorityGroup: null,
  bookingCode: null,
  counterId: null,
  officer: null,
  calledAt: null,
  callCount: 0,
  startedAt: null,
  finishedAt: null,
  outcome: null,
  transferredFrom: null,
  ...over,
});
const rec = (id: string, version: number, d: TicketData | Record<string, unknown>): PulledRecord => ({
  entity: 'ticket',
  entityId: id,
  version,
  data: d as Record<string, unknown>,
  deleted: false,
});
const finished = (officer: string | null, called: number) => ({
  counterId: '2',
  officer,
  calledAt: at(called),
  callCount: 1,
  startedAt: at(called + 1),
  finishedAt: at(called + 6),
});

/** What central publishes at issue: every ticket of the day, still waiting. */
const issued = [
  rec('t1', 1, data({ number: 'C-001', arrivedAt: at(1) })),
  rec('t2', 1, data({ number: 'C-002', arrivedAt: at(2) })),
  rec('t3', 1, data({ serviceCode: 'PASPOR_JANJI', number: 'A-001', arrivedAt: at(3) })),
  rec('t5', 1, data({ serviceCode: 'IZIN_TINGGAL', number: 'D-001', arrivedAt: at(4) })),
  rec('t6', 1, data({ serviceCode: 'PASPOR_JANJI', number: 'A-002', arrivedAt: at(6) })),
];
/** And again once each leaves the queue; t4 continues t3 after its transfer. */
const closed = [
  rec('t1', 2, data({ number: 'C-001', arrivedAt: at(1), status: 'done', outcome: 'served', ...finished('petugas1', 20) })),
  rec(
    't2',
    2,
    data({
      number: 'C-002',
      arrivedAt: at(2),
      status: 'no_show',
      counterId: '4',
      officer: 'petugas2',
      calledAt: at(30),
      callCount: 3,
      finishedAt: at(40),
    }),
  ),
  rec(
    't3',
    2,
    data({
      serviceCode: 'PASPOR_JANJI',
      number: 'A-001',
      arrivedAt: at(3),
      status: 'transferred',
      counterId: '2',
      officer: 'petugas1',
      calledAt: at(45),
      callCount: 1,
      finishedAt: at(47),
    }),
  ),
  rec('t4', 1, data({ serviceCode: 'PENGAMBILAN', number: 'A-001', arrivedAt: at(3), transferredFrom: 't3' })),
  rec('t5', 2, data({ serviceCode: 'IZIN_TINGGAL', number: 'D-001', arrivedAt: at(4), status: 'cancelled', finishedAt: at(50) })),
  // The day before: another business day's report, but the analytics' history all the same.
  rec(
    't7',
    2,
    data({
      day: '2026-11-27',
      number: 'C-009',
      arrivedAt: at(-3 * 24 * 60),
      status: 'done',
      outcome: 'served',
      ...finished('petugas2', -3 * 24 * 60 + 10),
    }),
  ),
];

const counts = (issuedN: number, over: Partial<Record<'served' | 'noShow' | 'transferred' | 'cancelled' | 'open', number>> = {}) => ({
  issued: issuedN,
  served: 0,
  noShow: 0,
  transferred: 0,
  cancelled: 0,
  open: 0,
  ...over,
});

let t: TempCore;
let officer: string;
let supervisor: string;

beforeEach(async () => {
  t = tempCore(START);
  const admin = await setUp(t);
  officer = await userSession(t, admin, 'petugas1', 'officer');
  supervisor = await userSession(t, admin, 'supervisor1', 'supervisor');
});
afterEach(() => t.cleanup());

/** Central answered every op this workstation sent (its queue presses too): what a completed push leaves. */
const pushCompleted = () => t.core.db.prepare(`UPDATE outbox SET status = 'applied' WHERE status = 'pending'`).run();
const pull = (records: PulledRecord[], cursor?: number) => applyPulled(t.core, t.core.db, records, cursor);
const report = () => t.value('endOfDay.report', { date: DAY }, supervisor);

/** Two tickets issued at this counter while central was out of reach: the first called by petugas1 and served. */
async function localModeDay(): Promise<{ served: string; waiting: string }> {
  const a = await t.value('queue.issue', { requestId: 'req-local-1', serviceCode: 'PENGAMBILAN' }, officer);
  const b = await t.value('queue.issue', { requestId: 'req-local-2', serviceCode: 'PENGAMBILAN' }, officer);
  expect([a.mode, a.ticket.number]).toEqual(['local', 'L3C-001']);
  expect((await t.value('queue.callNext', { requestId: 'req-call-1' }, officer)).ticket?.id).toBe(a.ticket.id);
  await t.value('queue.start', { ticketId: a.ticket.id }, officer);
  await t.value('queue.finish', { ticketId: a.ticket.id, outcome: 'served' }, officer);
  return { served: a.ticket.id, waiting: b.ticket.id };
}

describe('the office tickets pulled from central', () => {
  it('count in end of day per service and per officer, a local ticket and its published twin once', async () => {
    const empty = await report();
    expect(empty.tickets).toEqual({ byService: [], byOfficer: [], total: counts(0) });

    const local = await localModeDay();
    expect((await report()).tickets).toEqual({
      byService: [{ serviceCode: 'PENGAMBILAN', ...counts(2, { served: 1, open: 1 }) }],
      byOfficer: [
        { officer: 'petugas1', name: 'Nama petugas1', ...counts(1, { served: 1 }) },
        { officer: null, name: null, ...counts(1, { open: 1 }) },
      ],
      total: counts(2, { served: 1, open: 1 }),
    });

    expect(pull(issued, 10)).toEqual({ applied: 5, deferred: 0 });
    // Central took the served local ticket on reconnect and publishes it under the same id.
    pushCompleted();
    const twin = rec(
      local.served,
      1,
      data({ number: 'L3C-001', arrivedAt: START, status: 'done', outcome: 'served', ...finished('petugas1', 1) }),
    );
    expect(pull([...closed, twin], 20)).toEqual({ applied: 7, deferred: 0 });

    const r = await report();
    expect(r.tickets).toEqual({
      byService: [
        { serviceCode: 'IZIN_TINGGAL', ...counts(1, { cancelled: 1 }) },
        { serviceCode: 'PASPOR_JANJI', ...counts(2, { transferred: 1, open: 1 }) },
        { serviceCode: 'PENGAMBILAN', ...counts(5, { served: 2, noShow: 1, open: 2 }) },
      ],
      byOfficer: [
        { officer: 'petugas1', name: 'Nama petugas1', ...counts(3, { served: 2, transferred: 1 }) },
        // An account this desk has not heard of shows as its username.
        { officer: 'petugas2', name: null, ...counts(1, { noShow: 1 }) },
        { officer: null, name: null, ...counts(4, { cancelled: 1, open: 3 }) },
      ],
      total: counts(8, { served: 2, noShow: 1, transferred: 1, cancelled: 1, open: 3 }),
    });
    expect(r.serviceNames).toEqual(
      expect.arrayContaining([
        { code: 'PENGAMBILAN', nameId: 'Pengambilan paspor', nameEn: 'Passport collection' },
        { code: 'PASPOR_JANJI', nameId: 'Paspor (janji temu M-Paspor)', nameEn: 'Passport (M-Paspor appointment)' },
      ]),
    );
    // The other business day has its own ticket only.
    expect((await t.value('endOfDay.report', { date: '2026-11-27' }, supervisor)).tickets.total).toEqual(counts(1, { served: 1 }));

    const csv = (await t.value('endOfDay.csv', { date: DAY, language: 'en' }, supervisor)).csv.split('\r\n');
    expect(csv).toContain('tickets.service,PENGAMBILAN,Passport collection,served,2,,,,,');
    expect(csv).toContain('tickets.officer,petugas2,petugas2,noShow,1,,,,,');
    expect(csv).toContain('tickets.total,total,total,issued,8,,,,,');
  });

  it('keeps the newer version when an older one arrives late, and keeps the same report hash', async () => {
    pull(issued, 10);
    pull(closed, 20);
    const before = await t.value('endOfDay.csv', { date: DAY, language: 'id' }, supervisor);
    const figures = (await report()).tickets;
    // A resend of the issue publications, out of order behind the final ones.
    expect(pull(issued, 21)).toEqual({ applied: 5, deferred: 0 });
    expect((await report()).tickets).toEqual(figures);
    expect((await t.value('endOfDay.csv', { date: DAY, language: 'id' }, supervisor)).contentHash).toBe(before.contentHash);
  });

  it('sets an unreadable record aside without breaking the pull', async () => {
    const errors = console.error;
    console.error = () => undefined;
    try {
      const bad = rec('t-bad', 1, { day: 'yesterday', serviceCode: 'PENGAMBILAN' });
      expect(pull([issued[0]!, bad, issued[1]!], 15)).toEqual({ applied: 3, deferred: 0 });
    } finally {
      console.error = errors;
    }
    expect((await report()).tickets.total).toEqual(counts(2, { open: 2 }));
    // Kept as central sent it, with the cursor past it.
    expect(t.core.db.prepare(`SELECT entity, entity_id, version FROM sync_records WHERE entity = 'ticket'`).all()).toEqual([
      { entity: 'ticket', entity_id: 't-bad', version: 1 },
    ]);
    expect(getCursor(t.core.db)).toBe(15);
  });

  it('join the analytics history once each: published closed tickets, and a local ticket or its twin', async () => {
    const local = await localModeDay();
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 1 });
    pull(issued, 10);
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 0 });
    pushCompleted();
    const twin = rec(
      local.served,
      1,
      data({ number: 'L3C-001', arrivedAt: START, status: 'done', outcome: 'served', ...finished('petugas1', 1) }),
    );
    pull([...closed, twin], 20);
    // t1, t2, t5 and the day before's t7; t3 was transferred (t4 carries the visit), the twin is in already.
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 4 });
    expect(await t.value('analytics.importTickets', {}, supervisor)).toEqual({ imported: 0 });
    const rows = t.core.db
      .prepare(`SELECT ticket_id, day, outcome, counter, service_seconds FROM analytics_history WHERE source = 'queue' ORDER BY arrived_at`)
      .all();
    expect(rows).toEqual([
      { ticket_id: 't7', day: '2026-11-27', outcome: 'served', counter: '2', service_seconds: 360 },
      { ticket_id: local.served, day: DAY, outcome: 'served', counter: '3', service_seconds: 0 },
      { ticket_id: 't1', day: DAY, outcome: 'served', counter: '2', service_seconds: 360 },
      { ticket_id: 't2', day: DAY, outcome: 'no_show', counter: '4', service_seconds: null },
      { ticket_id: 't5', day: DAY, outcome: 'cancelled', counter: null, service_seconds: null },
    ]);
  });
});

describe('the officer at the counter', () => {
  it('goes to central with call-next and the ticket actions, and with local-mode tickets in reconcile', async () => {
    let reachable = false;
    const sent: Array<[string, unknown]> = [];
    const reached = <T>(what: string, body: unknown, answer: T): Promise<T> => {
      if (!reachable) return Promise.reject(new QueueUnreachable('connect ECONNREFUSED'));
      sent.push([what, body]);
      return Promise.resolve(answer);
    };
    const none: CallResult = { ticket: null };
    const port = {
      config: () => Promise.reject(new QueueUnreachable('not in this test')),
      board: () => Promise.reject(new QueueUnreachable('not in this test')),
      issue: () => Promise.reject(new QueueUnreachable('not in this test')),
      callNext: (req) => reached('call-next', req, none),
      action: (path, body) => reached(path, body, none),
      reconcile: (tickets: LocalTicket[]) => reached('reconcile', tickets, { inserted: tickets.length, updated: 0, unchanged: 0 }),
    } as Partial<QueuePort> as QueuePort;
    t.core.ports.queue = port;

    const local = await localModeDay();
    reachable = true;
    await t.value('queue.callNext', { requestId: 'req-call-2' }, officer);
    await t.value('queue.recall', { ticketId: 'central-ticket' }, officer);

    const reconciled = sent.find(([what]) => what === 'reconcile')?.[1] as LocalTicket[];
    expect(reconciled.map((x) => [x.id, x.status, x.officer])).toEqual([
      [local.served, 'done', 'petugas1'],
      [local.waiting, 'waiting', null],
    ]);
    expect(sent.filter(([what]) => what !== 'reconcile')).toEqual([
      ['call-next', { counterId: '3', requestId: 'req-call-2', officer: 'petugas1' }],
      ['recall', { counterId: '3', ticketId: 'central-ticket', officer: 'petugas1' }],
    ]);
  });
});
