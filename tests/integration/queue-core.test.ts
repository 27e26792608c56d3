// The workstation's queue calls over a real SQLite core: against a real central through the signed
// transport, and in local mode when central is out of reach, reconciling on reconnect without
// duplicates. The ticket PDF comes back with every issue.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installCentralQueue } from '../../main/sync/queue-client.js';
import { Transport, type Identity } from '../../main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from '../model/harness/central.js';
import { enrolIdentity } from '../model/harness/signed.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';

const rid = () => randomUUID().replace(/-/g, '');

describe('queue calls in local mode (no central)', () => {
  let t: TempCore;
  let officer: string;
  beforeEach(async () => {
    t = tempCore(Date.parse('2026-12-01T02:00:00Z'));
    const admin = await setUp(t);
    officer = await userSession(t, admin, 'petugas', 'officer');
  });
  afterEach(() => t.cleanup());

  it('issues numbers with the counter prefix, calls in order and prints the ticket', async () => {
    const b1 = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PASPOR_PRIORITAS' }, officer);
    t.advance(60_000);
    const b2 = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PASPOR_PRIORITAS', priorityGroup: 'lansia' }, officer);
    expect(b1).toMatchObject({ mode: 'local', ahead: 0, ticket: { number: 'L3B-001', status: 'waiting' } });
    expect(b2.ticket.number).toBe('L3B-002');
    expect(Buffer.from(b1.ticketPdf, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    // The priority group goes first.
    const first = await t.value('queue.callNext', { requestId: 'press-000001' }, officer);
    expect(first).toMatchObject({ mode: 'local', ticket: { id: b2.ticket.id, status: 'called', counterId: '3' } });
    expect((await t.value('queue.callNext', { requestId: 'press-000001' }, officer)).ticket?.id).toBe(b2.ticket.id);
    const busy = await t.call('queue.callNext', { requestId: rid() }, officer);
    expect(busy.ok ? null : busy.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.counterBusy' } });
    await t.value('queue.start', { ticketId: b2.ticket.id }, officer);
    expect((await t.value('queue.finish', { ticketId: b2.ticket.id, outcome: 'served' }, officer)).ticket?.status).toBe('done');
    const board = await t.value('queue.board', {});
    expect(board).toMatchObject({ mode: 'local', current: { number: 'L3B-002', counterNumber: 3 } });
    expect(board.services.find((s) => s.serviceCode === 'PASPOR_PRIORITAS')?.waiting).toBe(1);
    const unknown = await t.call('queue.issue', { requestId: rid(), serviceCode: 'NOPE' }, officer);
    expect(unknown.ok ? null : unknown.error.code).toBe('VALIDATION');
    const anonymous = await t.call('queue.callNext', { requestId: rid() });
    expect(anonymous.ok).toBe(false);
  });
});

describe(`queue calls through central (${preferredStore()})`, () => {
  let central: TestCentral;
  let identity: Identity;
  let t: TempCore;
  let officer: string;
  let reachable = true;
  let stop: () => void;

  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
    identity = await enrolIdentity(central, 'banyumanik', 'LOKET-03');
    t = tempCore(Date.now());
    const admin = await setUp(t);
    officer = await userSession(t, admin, 'petugas', 'officer');
    const transport = new Transport({
      baseUrl: central.url,
      identity,
      fetch: (url, init) => (reachable ? fetch(url, init) : Promise.reject(new Error('connect ECONNREFUSED'))),
    });
    stop = installCentralQueue(t.core, () => transport, { longPollMs: 2_000, retryMs: 100 });
  });
  afterAll(async () => {
    stop?.();
    t?.cleanup();
    await central?.close();
  });

  it('issues and calls at central, and pushes the change to the screens', async () => {
    const events: string[] = [];
    const off = t.core.events.on('queue.changed', (b) => events.push(b.current?.number ?? '-'));
    const issued = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect(issued).toMatchObject({ mode: 'central', ticket: { number: 'C-001' } });
    const called = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(called).toMatchObject({ mode: 'central', ticket: { id: issued.ticket.id, counterId: '3' } });
    expect(events).toContain('C-001');
    expect((await t.value('queue.current', {}, officer)).ticket?.id).toBe(issued.ticket.id);
    const early = await t.call('queue.noShow', { ticketId: issued.ticket.id }, officer);
    expect(early.ok ? null : early.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.recallFirst' } });
    await t.value('queue.start', { ticketId: issued.ticket.id }, officer);
    await t.value('queue.finish', { ticketId: issued.ticket.id, outcome: 'served' }, officer);
    const unknown = await t.call('queue.issue', { requestId: rid(), bookingCode: 'MP-NOPE' }, officer);
    expect(unknown.ok ? null : unknown.error).toMatchObject({ code: 'NOT_FOUND', details: { reason: 'booking.unknown' } });
    off();
  });

  it('asks for a supervisor when the quota is used up, and lets one more in with the override', async () => {
    await central.admin('POST', '/admin/queue/services', {
      officeCode: 'banyumanik',
      service: { code: 'IZIN_TINGGAL', prefix: 'D', nameId: 'Izin tinggal', nameEn: 'Stay permits', dailyQuota: 1, active: true },
    });
    await t.value('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL' }, officer);
    const full = await t.call('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL' }, officer);
    expect(full.ok ? null : full.error).toMatchObject({ code: 'FORBIDDEN', details: { overrideRequired: 'quota.exceed', reason: 'queue.quotaFull' } });
  });

  it('switches to local mode when central is unreachable and reconciles once on reconnect', async () => {
    reachable = false;
    const a = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    const b = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect(a).toMatchObject({ mode: 'local', ticket: { number: 'L3C-001' } });
    const called = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(called).toMatchObject({ mode: 'local', ticket: { id: a.ticket.id } });
    await t.value('queue.start', { ticketId: a.ticket.id }, officer);
    await t.value('queue.finish', { ticketId: a.ticket.id, outcome: 'served' }, officer);
    reachable = true;
    // The next call reconciles first: b (still waiting) is now central's, and central calls it.
    const next = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(next).toMatchObject({ mode: 'central', ticket: { id: b.ticket.id, number: 'L3C-002' } });
    const rows = await central.central.deps.store.query<{ id: string; status: string }>("SELECT id, status FROM tickets WHERE number LIKE 'L3C-%' ORDER BY number");
    expect(rows).toEqual([
      { id: a.ticket.id, status: 'done' },
      { id: b.ticket.id, status: 'called' },
    ]);
  });
});
