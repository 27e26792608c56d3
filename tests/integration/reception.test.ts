// The desk at the door: a reception account checks applicants in (walk-in tickets, booking check-ins, the
// ticket's PDF) and sees the board, and nothing else. The contract's access lists are read whole, so a call
// added later that admits reception by accident fails here; and every call it may not make is refused by
// core's gate with the role refusal, as a reception session really calls it.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queueAdminRoutes } from '@common/central/routes.js';
import { contract, type CallInput, type CallName } from '@common/contract/index.js';
import { ROLES, roleAllowed } from '@common/domain/shared/roles.js';
import { ADMIN_PASSWORD, setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { sendPlain } from '../support/central-client.js';
import { startQueueDesk, type QueueDesk } from '../support/queue-desk.js';

const rid = () => randomUUID().replace(/-/g, '');
const CALLS = Object.keys(contract) as CallName[];

/** What reception may call besides the public calls: its session, the check-in and its ticket's printing. */
const RECEPTION_CALLS: readonly CallName[] = [
  'auth.session',
  'auth.activity',
  'auth.lock',
  'auth.unlock',
  'auth.logout',
  'auth.changePassword',
  'prefs.setLanguage',
  // A used-up daily quota needs a supervisor's approval, typed at the reception desk.
  'auth.override',
  'reference.services',
  'queue.config',
  'queue.issue',
  'printer.print',
  'printer.getSettings',
];

const refusal = (r: { ok: boolean; error?: { code: string; details?: unknown } }) => (r.ok ? 'ok' : r.error!.code);

describe("reception's share of the contract", () => {
  it('admits reception to the whitelisted calls only, each of which every other role may make too', () => {
    const admitted = CALLS.filter((name) => contract[name].access !== 'public' && roleAllowed(contract[name].access, 'reception'));
    expect([...admitted].sort()).toEqual([...RECEPTION_CALLS].sort());
    for (const name of RECEPTION_CALLS)
      for (const role of ROLES) expect(roleAllowed(contract[name].access, role), `${name} for ${role}`).toBe(true);
  });

  it('keeps every call it closed to reception open to the roles that had it', () => {
    // The calls that said 'session' before reception existed and now name the roles behind the door.
    for (const name of ['applications.get', 'biometrics.capture', 'drafts.save', 'sync.now', 'sync.list', 'settings.get'] as const)
      for (const role of ['officer', 'supervisor', 'admin'] as const) expect(roleAllowed(contract[name].access, role), name).toBe(true);
  });
});

describe('a reception session on a desk without central', () => {
  let t: TempCore;
  let reception: string;
  let officer: string;
  beforeAll(async () => {
    t = tempCore(Date.parse('2026-12-01T02:00:00Z'));
    const admin = await setUp(t);
    reception = await userSession(t, admin, 'resepsi', 'reception');
    officer = await userSession(t, admin, 'petugas', 'officer');
  });
  afterAll(() => t.cleanup());

  it('is refused with the role refusal for every call outside its share, before its input is read', async () => {
    const closed = CALLS.filter((name) => contract[name].access !== 'public' && !RECEPTION_CALLS.includes(name));
    expect(closed.length).toBeGreaterThan(60);
    for (const name of closed) {
      const r = await t.call(name, {} as CallInput<typeof name>, reception);
      expect([name, refusal(r)]).toEqual([name, 'FORBIDDEN']);
    }
    // Still logged in and unlocked: none of that ended or locked the session.
    expect((await t.value('auth.session', {}, reception)).locked).toBe(false);
  });

  it('issues a walk-in ticket with its PDF and checks a booking in, and may not call the next ticket', async () => {
    const config = await t.value('queue.config', {}, reception);
    expect(config.services.length).toBeGreaterThan(0);
    const walkIn = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN', priorityGroup: 'lansia' }, reception);
    expect(walkIn).toMatchObject({ mode: 'local', ticket: { number: 'L3C-001', status: 'waiting', priorityGroup: 'lansia' } });
    const pdf = join(mkdtempSync(join(tmpdir(), 'loket-reception-')), 'ticket.pdf');
    writeFileSync(pdf, Buffer.from(walkIn.ticketPdf, 'base64'));
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('L3C-001');

    t.core.db
      .prepare(
        `INSERT INTO bookings (code, office_code, nik, full_name, birth_date, service_code, appointment_date, slot, booked_at, source)
         VALUES ('MP-8001', 'banyumanik', '3374015505900002', 'Siti Rahayu', '1990-05-15', 'PASPOR_BIASA_10', '2026-12-01', '09:30', 0, 'central')`,
      )
      .run();
    const checkedIn = await t.value('queue.issue', { requestId: rid(), bookingCode: 'MP-8001' }, reception);
    expect(checkedIn.ticket).toMatchObject({ bookingCode: 'MP-8001', status: 'waiting' });

    const next = await t.call('queue.callNext', { requestId: rid() }, reception);
    expect(refusal(next)).toBe('FORBIDDEN');
    // Nothing was called: the officer's press gets the first ticket.
    expect((await t.value('queue.callNext', { requestId: rid() }, officer)).ticket?.status).toBe('called');
    const audits = t.core.db
      .prepare("SELECT action, username, role FROM audit_events WHERE action LIKE 'queue.%' ORDER BY seq")
      .all() as Array<{ action: string; username: string; role: string }>;
    expect(audits.map((a) => `${a.action} ${a.username} ${a.role}`)).toEqual([
      'queue.issue resepsi reception',
      'queue.issue resepsi reception',
      'queue.callNext petugas officer',
    ]);
  });
});

describe('a reception session on a desk with central', () => {
  let desk: QueueDesk;
  let reception: string;
  beforeAll(async () => {
    desk = await startQueueDesk();
    const admin = (await desk.t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
    reception = await userSession(desk.t, admin, 'resepsi', 'reception');
  });
  afterAll(() => desk?.close());

  it("issues at central's queue and checks bookings in there; calling next never leaves the desk", async () => {
    const walkIn = await desk.t.value('queue.issue', { requestId: rid(), serviceCode: 'PENGAMBILAN' }, reception);
    expect(walkIn).toMatchObject({ mode: 'central', ticket: { number: 'C-001' } });
    const slotAt = Date.now() + 10 * 60_000;
    const imported = await sendPlain(desk.central, queueAdminRoutes.importBookings, {
      body: { bookings: [{ code: 'MP-9001', officeCode: 'banyumanik', nik: '3374015505900009', fullName: 'Agus Salim', slotAt }] },
    });
    expect(imported.status).toBe(200);
    const checkedIn = await desk.t.value('queue.issue', { requestId: rid(), bookingCode: 'MP-9001' }, reception);
    expect(checkedIn).toMatchObject({ mode: 'central', ticket: { bookingCode: 'MP-9001', applicantName: 'Agus Salim' } });

    const sent = desk.requests.length;
    const next = await desk.t.call('queue.callNext', { requestId: rid() }, reception);
    expect(refusal(next)).toBe('FORBIDDEN');
    expect(desk.requests.slice(sent).filter((r) => !r.startsWith('/v1/queue/board'))).toEqual([]);
    const board = await desk.t.value('queue.board', {});
    expect(board.services.find((s) => s.serviceCode === 'PENGAMBILAN')?.waiting).toBe(1);
  });
});
