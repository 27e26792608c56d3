// Sessions as the renderer sees them: auth.activity keeping the idle lock away, and the session.changed
// 'ended' event whenever an account's sessions are ended for it (reset, disabled, role changed, locked
// out while unlocking). Also: a supervisor may unlock an account but not list the accounts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EventPayload } from '@common/contract/index.js';
import { passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';

let t: TempCore;
let ended: string[];
let locked: string[];
beforeEach(() => {
  t = tempCore();
  ended = [];
  locked = [];
  t.core.events.on('session.changed', (e: EventPayload<'session.changed'>) => (e.state === 'ended' ? ended : locked).push(e.sessionId));
});
afterEach(() => t.cleanup());

const sessionId = async (token: string): Promise<string> => (await t.value('auth.session', {}, token)).sessionId;
const rows = (table: string): number => t.core.db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
const code = (r: { ok: boolean; error?: { code: string } }): string | null => (r.ok ? null : (r.error?.code ?? null));

describe('auth.activity', () => {
  it('counts as activity for the idle lock and writes nothing', async () => {
    const admin = await setUp(t);
    const { idleLockMinutes } = await t.value('app.status', {});
    const minute = 60_000;
    const before = [rows('audit_events'), rows('outbox')];
    t.advance((idleLockMinutes - 1) * minute);
    expect(await t.value('auth.activity', {}, admin)).toEqual({ ok: true });
    expect([rows('audit_events'), rows('outbox')]).toEqual(before);
    t.advance((idleLockMinutes - 1) * minute);
    t.core.sweepIdle();
    expect(locked).toEqual([]);
    expect(code(await t.call('users.list', {}, admin))).toBeNull();

    t.advance(idleLockMinutes * minute);
    t.core.sweepIdle();
    expect(locked).toEqual([await sessionId(admin)]);
    // A locked session's activity unlocks nothing.
    expect(code(await t.call('auth.activity', {}, admin))).toBe('LOCKED');
  });

  it('needs a session', async () => {
    await setUp(t);
    expect(code(await t.call('auth.activity', {}))).toBe('UNAUTHENTICATED');
  });
});

describe("the 'ended' event", () => {
  it('tells every window of an account whose password an admin reset, and no other', async () => {
    const admin = await setUp(t);
    const first = await userSession(t, admin, 'petugas1', 'officer');
    const second = (await t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') })).sessionToken;
    const ids = [await sessionId(first), await sessionId(second)];
    const id = (await t.value('users.list', {}, admin)).find((u) => u.username === 'petugas1')!.id;
    await t.value('users.resetPassword', { id, temporaryPassword: 'Sementara-2026-z' }, admin);
    expect([...ended].sort()).toEqual([...ids].sort());
    expect(code(await t.call('auth.session', {}, first))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('auth.session', {}, admin))).toBeNull();
  });

  it('when an account is disabled or changes role, not when only its name changes', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas2', 'officer');
    const sup = await userSession(t, admin, 'spv2', 'supervisor');
    const users = await t.value('users.list', {}, admin);
    const idOf = (name: string) => users.find((u) => u.username === name)!.id;
    const [officerSession, supSession] = [await sessionId(officer), await sessionId(sup)];
    await t.value('users.update', { id: idOf('petugas2'), fullName: 'Nama Baru' }, admin);
    expect(ended).toEqual([]);
    await t.value('users.update', { id: idOf('petugas2'), disabled: true }, admin);
    expect(ended).toEqual([officerSession]);
    await t.value('users.update', { id: idOf('spv2'), role: 'officer' }, admin);
    expect(ended).toEqual([officerSession, supSession]);
  });

  it('when failed unlocks lock the account out', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas3', 'officer');
    const id = await sessionId(officer);
    await t.value('auth.lock', {}, officer);
    let last = '';
    for (let i = 0; i < 10 && last !== 'ACCOUNT_LOCKED'; i++)
      last = code(await t.call('auth.unlock', { password: 'salah-sandi-2026' }, officer)) ?? '';
    expect(last).toBe('ACCOUNT_LOCKED');
    expect(ended).toEqual([id]);
    expect(code(await t.call('auth.session', {}, officer))).toBe('UNAUTHENTICATED');
    expect(code(await t.call('auth.session', {}, admin))).toBeNull();
  });
});

describe('locked accounts and supervisors', () => {
  it('a supervisor unlocks an account by id but cannot list accounts (the contract makes that admin-only)', async () => {
    const admin = await setUp(t);
    const sup = await userSession(t, admin, 'spv3', 'supervisor');
    await userSession(t, admin, 'petugas4', 'officer');
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'petugas4', password: 'salah-sandi-2026' });
    expect(code(await t.call('auth.login', { username: 'petugas4', password: passwordOf('petugas4') }))).toBe('ACCOUNT_LOCKED');
    expect(code(await t.call('users.list', {}, sup))).toBe('FORBIDDEN');
    const id = (await t.value('users.list', {}, admin)).find((u) => u.username === 'petugas4')!.id;
    expect((await t.value('users.unlock', { id }, sup)).lockedUntil).toBeNull();
    expect(code(await t.call('auth.login', { username: 'petugas4', password: passwordOf('petugas4') }))).toBeNull();
  });

  it("a supervisor cannot lift an admin's lockout; another admin can", async () => {
    const admin = await setUp(t);
    const sup = await userSession(t, admin, 'spv5', 'supervisor');
    await userSession(t, admin, 'admin2', 'admin');
    for (let i = 0; i < 5; i++) await t.call('auth.login', { username: 'admin2', password: 'salah-sandi-2026' });
    const id = (await t.value('users.list', {}, admin)).find((u) => u.username === 'admin2')!.id;
    expect(code(await t.call('users.unlock', { id }, sup))).toBe('FORBIDDEN');
    expect(code(await t.call('auth.login', { username: 'admin2', password: passwordOf('admin2') }))).toBe('ACCOUNT_LOCKED');
    expect((await t.value('users.unlock', { id }, admin)).lockedUntil).toBeNull();
    expect(code(await t.call('auth.login', { username: 'admin2', password: passwordOf('admin2') }))).toBeNull();
  });
});
