// The workstation's queue calls over a real SQLite core: against a real central through the signed
// transport, and in local mode when central is out of reach, reconciling on reconnect without
// duplicates. The ticket PDF comes back with every issue.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { installCentralQueue } from '@main/sync/queue-client.js';
import { DateTime } from 'luxon';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { sendPlain } from '../support/central-client.js';
import { queueAdminRoutes } from '@common/central/routes.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { startQueueDesk, type QueueDesk } from '../support/queue-desk.js';

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
    const pdf = join(mkdtempSync(join(tmpdir(), 'loket-ticket-')), 'ticket.pdf');
    writeFileSync(pdf, Buffer.from(b2.ticketPdf, 'base64'));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('L3B-002');
    expect(text).toContain('Paspor layanan prioritas');
    expect(text).toMatch(/Lansia/);
    // The priority group goes first.
    const first = await t.value('queue.callNext', { requestId: 'press-000001' }, officer);
    expect(first).toMatchObject({ mode: 'local', ticket: { id: b2.ticket.id, status: 'called', counterId: '3' } });
    expect((await t.value('queue.callNext', { requestId: 'press-000001' }, officer)).ticket?.id).toBe(b2.ticket.id);
    const busy = await t.call('queue.callNext', { requestId: rid() }, officer);
    expect(busy.ok ? null : busy.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.counterBusy' } });
    await t.value('queue.start', { ticketId: b2.ticket.id }, officer);
    expect((await t.value('queue.finish', { ticketId: b2.ticket.id, outcome: 'served' }, officer)).ticket?.status).toBe('done');
    // One audit event per change, naming the ticket it changed.
    const audits = t.core.db
      .prepare(`SELECT action, entity_id, summary FROM audit_events WHERE action LIKE 'queue.%' ORDER BY seq`)
      .all() as Array<{ action: string; entity_id: string; summary: string }>;
    expect(audits.map((a) => [a.action, a.entity_id, JSON.parse(a.summary).number])).toEqual([
      ['queue.issue', b1.ticket.id, 'L3B-001'],
      ['queue.issue', b2.ticket.id, 'L3B-002'],
      ['queue.callNext', b2.ticket.id, 'L3B-002'],
      ['queue.callNext', b2.ticket.id, 'L3B-002'],
      ['queue.start', b2.ticket.id, 'L3B-002'],
      ['queue.finish', b2.ticket.id, 'L3B-002'],
    ]);
    const board = await t.value('queue.board', {});
    expect(board).toMatchObject({ mode: 'local', current: { number: 'L3B-002', counterNumber: 3 } });
    expect(board.services.find((s) => s.serviceCode === 'PASPOR_PRIORITAS')?.waiting).toBe(1);
    const unknown = await t.call('queue.issue', { requestId: rid(), serviceCode: 'NOPE' }, officer);
    expect(unknown.ok ? null : unknown.error.code).toBe('VALIDATION');
    const anonymous = await t.call('queue.callNext', { requestId: rid() });
    expect(anonymous.ok).toBe(false);
  });

  it('parks a ticket aside and resumes it at this counter, refusing what is not its to park or resume', async () => {
    const a = (await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer)).ticket;
    t.advance(1_000);
    const b = (await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer)).ticket;
    expect((await t.value('queue.callNext', { requestId: rid() }, officer)).ticket?.id).toBe(a.id);
    // b is still waiting, not at this counter: parking it is refused and it keeps waiting.
    const waitingOne = await t.call('queue.park', { ticketId: b.id }, officer);
    expect(waitingOne.ok ? null : waitingOne.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.notYourTicket' } });
    expect(await t.value('queue.park', { ticketId: a.id }, officer)).toMatchObject({
      mode: 'local',
      ticket: { id: a.id, status: 'parked', counterId: '3' },
    });
    expect((await t.value('queue.current', {}, officer)).ticket).toBeNull();
    expect((await t.value('queue.parked', {}, officer)).tickets.map((x) => x.id)).toEqual([a.id]);
    const board = await t.value('queue.board', {});
    expect(board.services.find((s) => s.serviceCode === 'PENGAMBILAN')?.waiting).toBe(1);
    expect((await t.value('queue.callNext', { requestId: rid() }, officer)).ticket?.id).toBe(b.id);
    const busy = await t.call('queue.resume', { ticketId: a.id }, officer);
    expect(busy.ok ? null : busy.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.counterBusy' } });
    const notParked = await t.call('queue.resume', { ticketId: b.id }, officer);
    expect(notParked.ok ? null : notParked.error).toMatchObject({ code: 'CONFLICT', details: { reason: 'queue.notParked' } });
    await t.value('queue.start', { ticketId: b.id }, officer);
    await t.value('queue.finish', { ticketId: b.id, outcome: 'served' }, officer);
    t.advance(120_000);
    expect(await t.value('queue.resume', { ticketId: a.id }, officer)).toMatchObject({
      mode: 'local',
      ticket: { id: a.id, status: 'called', counterId: '3' },
    });
    expect((await t.value('queue.parked', {}, officer)).tickets).toEqual([]);
    expect((await t.value('queue.current', {}, officer)).ticket?.id).toBe(a.id);
    const audits = t.core.db
      .prepare(`SELECT action, entity_id FROM audit_events WHERE action IN ('queue.park', 'queue.resume') ORDER BY seq`)
      .all();
    expect(audits).toEqual([
      { action: 'queue.park', entity_id: a.id },
      { action: 'queue.resume', entity_id: a.id },
    ]);
  });
});

describe(`queue calls through central (${preferredStore()})`, () => {
  let desk: QueueDesk;
  let central: TestCentral;
  let t: TempCore;
  let officer: string;

  beforeAll(async () => {
    desk = await startQueueDesk();
    ({ central, t, officer } = desk);
  });
  afterAll(() => desk?.close());

  it('issues and calls at central, and pushes the change to the screens', async () => {
    const events: string[] = [];
    const off = t.core.events.on('queue.changed', (b) => events.push(b.current?.number ?? '-'));
    const issued = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect(issued).toMatchObject({ mode: 'central', ticket: { number: 'C-001' } });
    const sent = desk.requests.length;
    const called = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(called).toMatchObject({ mode: 'central', ticket: { id: issued.ticket.id, counterId: '3' } });
    // One round trip for the call; the board's long poll (waiting for a newer version) pushes the change.
    expect(desk.requests.slice(sent).filter((r) => !r.startsWith('/v1/queue/board?version='))).toEqual(['/v1/queue/call-next']);
    await vi.waitFor(() => expect(events).toContain('C-001'), { timeout: 5_000 });
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
    await central.admin(queueAdminRoutes.saveService, {
      body: {
        officeCode: 'banyumanik',
        service: { code: 'IZIN_TINGGAL', prefix: 'D', nameId: 'Izin tinggal', nameEn: 'Stay permits', dailyQuota: 1, active: true },
      },
    });
    await t.value('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL' }, officer);
    const full = await t.call('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL' }, officer);
    expect(full.ok ? null : full.error).toMatchObject({
      code: 'FORBIDDEN',
      details: { overrideRequired: 'quota.exceed', reason: 'queue.quotaFull' },
    });
    const { overrideToken } = await t.value(
      'auth.override',
      { username: 'spv', password: passwordOf('spv'), action: 'quota.exceed', reason: 'Lansia datang dari jauh' },
      officer,
    );
    const extra = await t.value('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL', overrideToken }, officer);
    expect(extra.ticket.number).toBe('D-002');
    const audit = t.core.db.prepare(`SELECT summary FROM audit_events WHERE action = 'queue.issue' ORDER BY seq DESC LIMIT 1`).get() as {
      summary: string;
    };
    expect(JSON.parse(audit.summary)).toMatchObject({ overrideReason: 'Lansia datang dari jauh' });
    // The grant was single-use.
    const again = await t.call('queue.issue', { requestId: rid(), serviceCode: 'IZIN_TINGGAL', overrideToken }, officer);
    expect(again.ok ? null : again.error.code).toBe('FORBIDDEN');
  });

  it('switches to local mode when central is unreachable and reconciles once on reconnect', async () => {
    desk.reachable = false;
    const a = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    const b = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect(a).toMatchObject({ mode: 'local', ticket: { number: 'L3C-001' } });
    const called = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(called).toMatchObject({ mode: 'local', ticket: { id: a.ticket.id } });
    await t.value('queue.start', { ticketId: a.ticket.id }, officer);
    await t.value('queue.finish', { ticketId: a.ticket.id, outcome: 'served' }, officer);
    desk.reachable = true;
    // The next call reconciles first: b (still waiting) is now central's, and central calls it.
    const next = await t.value('queue.callNext', { requestId: rid() }, officer);
    expect(next).toMatchObject({ mode: 'central', ticket: { id: b.ticket.id, number: 'L3C-002' } });
    const rows = await central.central.deps.store.query<{ id: string; status: string }>(
      "SELECT id, status FROM tickets WHERE number LIKE 'L3C-%' ORDER BY number",
    );
    expect(rows).toEqual([
      { id: a.ticket.id, status: 'done' },
      { id: b.ticket.id, status: 'called' },
    ]);
  });

  it('parks in local mode, and after reconnect lists and resumes the ticket at central', async () => {
    const atCounter = (await t.value('queue.current', {}, officer)).ticket;
    if (atCounter) {
      await t.value('queue.start', { ticketId: atCounter.id }, officer);
      await t.value('queue.finish', { ticketId: atCounter.id, outcome: 'served' }, officer);
    }
    desk.reachable = false;
    const c = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, officer);
    expect((await t.value('queue.callNext', { requestId: rid() }, officer)).ticket?.id).toBe(c.ticket.id);
    const started = (await t.value('queue.start', { ticketId: c.ticket.id }, officer)).ticket!.startedAt!;
    // The core's clock stands still here while central's (real) one runs on: the parked time is > 0.
    const parkedAt = t.now();
    expect(await t.value('queue.park', { ticketId: c.ticket.id }, officer)).toMatchObject({ mode: 'local', ticket: { status: 'parked' } });
    desk.reachable = true;
    // Reconciled on the way: listed once, from central, parked since the local park.
    const listed = await t.value('queue.parked', {}, officer);
    expect(listed).toMatchObject({ mode: 'central', tickets: [{ id: c.ticket.id, status: 'parked', counterId: '3' }] });
    expect(listed.tickets).toHaveLength(1);
    const row = await central.central.deps.store.query<{ status: string; parked_at: string }>(
      'SELECT status, parked_at FROM tickets WHERE id = $1',
      [c.ticket.id],
    );
    expect(row.map((r) => [r.status, Number(r.parked_at)])).toEqual([['parked', parkedAt]]);
    const resumed = await t.value('queue.resume', { ticketId: c.ticket.id }, officer);
    expect(resumed).toMatchObject({ mode: 'central', ticket: { id: c.ticket.id, status: 'serving', counterId: '3' } });
    expect(resumed.ticket!.startedAt).toBeGreaterThan(started);
    expect((await t.value('queue.parked', {}, officer)).tickets).toEqual([]);
    await t.value('queue.finish', { ticketId: c.ticket.id, outcome: 'served' }, officer);
  });
});

describe(`M-Paspor bookings flow down by pull and check in (${preferredStore()})`, () => {
  let central: TestCentral;
  let w: TestWorkstation;
  let officer: string;
  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
    w = await startWorkstation(central);
    officer = await userSession(w.t, w.adminToken, 'petugas', 'officer');
  });
  afterAll(async () => {
    await w?.cleanup();
    await central?.close();
  });

  it('imports at central, pulls into the bookings table, checks in at central and, offline, locally', async () => {
    // A slot a few minutes ago, never before today's midnight in the office's zone: always checkable now.
    const slotAt = Math.max(Date.now() - 5 * 60_000, DateTime.now().setZone('Asia/Jakarta').startOf('day').toMillis());
    await central.admin(queueAdminRoutes.importBookings, {
      body: {
        bookings: [
          { code: 'MP-7001', officeCode: 'banyumanik', nik: '3374011505900001', fullName: 'Budi Santoso', slotAt },
          {
            code: 'MP-7002',
            officeCode: 'banyumanik',
            nik: '3374015505900002',
            fullName: 'Siti Rahayu',
            slotAt,
            applicationService: 'PASPOR_BIASA_10',
          },
          { code: 'MP-7003', officeCode: 'batam', nik: '3374011505900003', fullName: 'Agus', slotAt },
        ],
      },
    });
    const bad = await sendPlain(central, queueAdminRoutes.importBookings, {
      body: { bookings: [{ code: 'MP-7009', officeCode: 'banyumanik', nik: '3374019905900001', fullName: 'X', slotAt }] },
    });
    expect(bad.status).toBe(400);
    await w.client.runCycle();
    const rows = w.t.core.liveDb
      .prepare('SELECT code, full_name, birth_date, sex, service_code, appointment_date, slot, source FROM bookings ORDER BY code')
      .all();
    const slot = DateTime.fromMillis(slotAt, { zone: 'Asia/Jakarta' });
    expect(rows).toEqual([
      {
        code: 'MP-7001',
        full_name: 'Budi Santoso',
        birth_date: '1990-05-15',
        sex: 'M',
        service_code: 'PASPOR_ELEKTRONIK_10',
        appointment_date: slot.toISODate(),
        slot: slot.toFormat('HH:mm'),
        source: 'central',
      },
      {
        code: 'MP-7002',
        full_name: 'Siti Rahayu',
        birth_date: '1990-05-15',
        sex: 'F',
        service_code: 'PASPOR_BIASA_10',
        appointment_date: slot.toISODate(),
        slot: slot.toFormat('HH:mm'),
        source: 'central',
      },
    ]);
    const stop = installCentralQueue(w.t.core, () => w.client.transport, { longPollMs: 2_000, retryMs: 100 });
    const atCentral = await w.t.value('queue.issue', { requestId: rid(), bookingCode: 'MP-7001' }, officer);
    expect(atCentral).toMatchObject({
      mode: 'central',
      ticket: { number: 'A-001', bookingCode: 'MP-7001', applicantName: 'Budi Santoso', slotAt },
    });
    stop();
    // Without central the counter checks the pulled booking in itself.
    const local = await w.t.value('queue.issue', { requestId: rid(), nik: '3374015505900002' }, officer);
    expect(local).toMatchObject({ mode: 'local', ticket: { number: 'L3A-001', bookingCode: 'MP-7002' } });
    expect(local.ticket.slotAt).toBe(Math.floor(slotAt / 60_000) * 60_000);
  });
});
