import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD, passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

describe('first run and login', () => {
  it('refuses login before setup and setup twice', async () => {
    const before = await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(before.ok ? null : before.error.code).toBe('SETUP_REQUIRED');
    await setUp(t);
    const again = await t.call('setup.initialize', {
      officeCode: 'lombok',
      workstationName: 'X',
      counterNumber: 1,
      language: 'en',
      admin: { username: 'other', fullName: 'Other Admin', password: 'Another-pass-123' },
    });
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it('reports the office and its time zone after setup', async () => {
    await setUp(t);
    const status = await t.value('app.status', {});
    expect(status).toMatchObject({ setupDone: true, training: false, counterNumber: 3, workstationName: 'LOKET-03' });
    expect(status.office).toMatchObject({ code: 'banyumanik', tz: 'Asia/Jakarta' });
  });

  it('rejects a weak first admin password and changes nothing', async () => {
    const r = await t.call('setup.initialize', {
      officeCode: 'banyumanik',
      workstationName: 'L',
      counterNumber: 1,
      language: 'id',
      admin: { username: 'admin', fullName: 'Rina Admin', password: 'short' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: { 'admin.password': expect.arrayContaining(['password.tooShort']) } },
      });
    expect((await t.value('app.status', {})).setupDone).toBe(false);
  });

  it('says the same for a wrong password and an unknown user', async () => {
    await setUp(t);
    const wrong = await t.call('auth.login', { username: 'admin', password: 'not-the-password-1' });
    const nobody = await t.call('auth.login', { username: 'nobody', password: 'not-the-password-1' });
    expect(wrong.ok || nobody.ok).toBe(false);
    if (!wrong.ok && !nobody.ok) {
      expect(wrong.error).toEqual(nobody.error);
      expect(wrong.error.code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('locks an account for 15 minutes after 5 failures, even with the right password', async () => {
    await setUp(t);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.call('auth.login', { username: 'admin', password: `wrong-password-${i}` });
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    const locked = await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(locked.ok ? null : locked.error.code).toBe('ACCOUNT_LOCKED');
    t.advance(15 * 60_000);
    expect((await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(true);
  });

  it('counts a burst of parallel guesses before hashing: the right password behind the limit is refused', async () => {
    await setUp(t);
    const attempts = Array.from({ length: 40 }, (_, i) => ({ username: 'admin', password: `wrong-password-${i}` }));
    attempts.splice(20, 0, { username: 'admin', password: ADMIN_PASSWORD });
    const results = await Promise.all(attempts.map((a) => t.call('auth.login', a)));
    expect(results.filter((r) => r.ok)).toEqual([]);
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'INVALID_CREDENTIALS')).toHaveLength(4);
    expect(codes[20]).toBe('ACCOUNT_LOCKED');
    expect((await t.call('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).ok).toBe(false);
  });

  it('counts wrong current passwords at a password change and ends the session at the limit', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas1', 'officer');
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await t.call('auth.changePassword', { currentPassword: `wrong-password-${i}`, newPassword: 'Pilihan-sendiri-7' }, officer);
      codes.push(r.ok ? 'ok' : r.error.code);
    }
    expect(codes).toEqual(['INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'INVALID_CREDENTIALS', 'ACCOUNT_LOCKED']);
    expect((await t.call('auth.session', {}, officer)).ok).toBe(false);
    const login = await t.call('auth.login', { username: 'petugas1', password: passwordOf('petugas1') });
    expect(login.ok ? null : login.error.code).toBe('ACCOUNT_LOCKED');
  });

  it('lands each role with its own role and audits it all', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas1', 'officer');
    expect((await t.value('auth.session', {}, officer)).role).toBe('officer');
    const actions = (await t.value('audit.list', { limit: 50 }, admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['setup.initialize', 'auth.login', 'users.create', 'auth.changePassword']));
  });
});

describe('sessions', () => {
  it('forces a password change after an admin reset', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas1', 'officer');
    const users = await t.value('users.list', {}, admin);
    const id = users.find((u) => u.username === 'petugas1')!.id;
    await t.value('users.resetPassword', { id, temporaryPassword: 'Baru-sementara-9' }, admin);
    expect((await t.call('auth.session', {}, officer)).ok).toBe(false); // old sessions end
    const s = await t.value('auth.login', { username: 'petugas1', password: 'Baru-sementara-9' });
    expect(s.session.mustChangePassword).toBe(true);
    const blocked = await t.call('reference.services', {}, s.sessionToken);
    expect(blocked.ok ? null : blocked.error.code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.value('auth.changePassword', { currentPassword: 'Baru-sementara-9', newPassword: 'Pilihan-sendiri-7' }, s.sessionToken);
    expect((await t.call('reference.services', {}, s.sessionToken)).ok).toBe(true);
  });

  it('locks on request and after the idle time, and unlocks with the password', async () => {
    const admin = await setUp(t);
    await t.value('auth.lock', {}, admin);
    const whileLocked = await t.call('users.list', {}, admin);
    expect(whileLocked.ok ? null : whileLocked.error.code).toBe('LOCKED');
    const bad = await t.call('auth.unlock', { password: 'wrong-password-1' }, admin);
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_CREDENTIALS');
    expect((await t.value('auth.unlock', { password: ADMIN_PASSWORD }, admin)).locked).toBe(false);

    const events: string[] = [];
    t.core.events.on('session.changed', (e) => events.push(e.state));
    t.advance(5 * 60_000);
    t.core.sweepIdle();
    expect(events).toEqual(['locked']);
    const idle = await t.call('users.list', {}, admin);
    expect(idle.ok ? null : idle.error.code).toBe('LOCKED');
    await t.value('auth.unlock', { password: ADMIN_PASSWORD }, admin);
    expect((await t.value('audit.list', { limit: 5 }, admin)).map((e) => e.action)).toContain('auth.idleLock');
  });

  it('does not count the screen polling by itself as activity: only the officer input keeps a session open', async () => {
    const admin = await setUp(t);
    const spv = await userSession(t, admin, 'spv1', 'supervisor');
    // The floor refetches on every pushed queue change; an unattended screen must still lock.
    for (let minute = 0; minute < 5; minute++) {
      t.advance(60_000);
      await t.call('floor.view', { targetMinutes: 30 }, spv);
      await t.call('auth.session', {}, spv);
    }
    expect((await t.value('auth.session', {}, spv)).locked).toBe(true);
    await t.value('auth.unlock', { password: passwordOf('spv1') }, spv);
    for (let minute = 0; minute < 5; minute++) {
      t.advance(60_000);
      await t.value('auth.activity', {}, spv);
    }
    expect((await t.value('auth.session', {}, spv)).locked).toBe(false);
  });

  it('logs out and refuses the old token', async () => {
    const admin = await setUp(t);
    await t.value('auth.logout', {}, admin);
    const r = await t.call('users.list', {}, admin);
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
  });

  it('remembers the language per officer', async () => {
    const admin = await setUp(t);
    const officer = await userSession(t, admin, 'petugas1', 'officer');
    await t.value('prefs.setLanguage', { language: 'en' }, officer);
    await t.value('auth.logout', {}, officer);
    const again = await t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') });
    expect(again.session.language).toBe('en');
  });
});
