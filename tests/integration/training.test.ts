import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TRAINING_DB_FILE } from '@main/core/core.js';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { ADMIN_PASSWORD, passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

describe('training mode', () => {
  it('uses its own seeded database and leaves the live one untouched', async () => {
    await t.value('setup.enterTraining', {});
    expect(existsSync(join(t.dataDir, TRAINING_DB_FILE))).toBe(true);
    const status = await t.value('app.status', {});
    expect(status).toMatchObject({ training: true, setupDone: true, office: { code: 'banyumanik' } });
    const officer = await t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD });
    expect(officer.session).toMatchObject({ role: 'officer', fullName: 'Budi Santoso' });
    const liveUsers = t.core.liveDb.prepare('SELECT count(*) FROM users').pluck().get();
    expect(liveUsers).toBe(0);

    await t.value('setup.leaveTraining', {});
    expect(await t.value('app.status', {})).toMatchObject({ training: false, setupDone: false });
    const gone = await t.call('auth.session', {}, officer.sessionToken);
    expect(gone.ok ? null : gone.error.code).toBe('UNAUTHENTICATED');
  });

  it("has today's M-Paspor appointments to practise check-in on, and none of them in the live database", async () => {
    await t.value('setup.enterTraining', {});
    const rows = t.core.db
      .prepare('SELECT code, nik, birth_date, appointment_date, slot, source FROM bookings ORDER BY slot, code')
      .all() as Array<Record<string, string>>;
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.appointment_date))).toEqual(new Set(['2026-11-30']));
    expect(rows.every((r) => r.source === 'demo' && /^\d{16}$/.test(r.nik!))).toBe(true);
    expect(rows[0]!.slot).toBe('08:00');
    const officer = (await t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD })).sessionToken;
    const issued = await t.value('queue.issue', { requestId: 'training-checkin-1', bookingCode: rows[0]!.code }, officer);
    expect(issued).toMatchObject({ mode: 'local', ticket: { bookingCode: rows[0]!.code } });
    expect(t.core.liveDb.prepare('SELECT count(*) FROM bookings').pluck().get()).toBe(0);
  });

  it('is remembered across restarts', async () => {
    await t.value('setup.enterTraining', {});
    t.reopen();
    expect(t.core.training).toBe(true);
    expect((await t.value('app.status', {})).training).toBe(true);
  });

  it('needs an admin once the workstation is set up', async () => {
    await setUp(t);
    const anonymous = await t.call('setup.enterTraining', {});
    expect(anonymous.ok ? null : anonymous.error.code).toBe('FORBIDDEN');
  });

  it('goes back live on a set-up workstation only for a live admin, not for anyone or a training account', async () => {
    const admin = await setUp(t);
    await userSession(t, admin, 'petugas9', 'officer');
    await t.value('setup.enterTraining', {}, admin);
    const code = (r: { ok: boolean; error?: { code: string } }) => (r.ok ? 'ok' : r.error!.code);
    expect(code(await t.call('setup.leaveTraining', {}))).toBe('INVALID_CREDENTIALS');
    // The training admin's password is printed on the login screen: it proves nothing about the live office.
    expect(code(await t.call('setup.leaveTraining', { username: 'admin', password: TRAINING_PASSWORD }))).toBe('INVALID_CREDENTIALS');
    expect(code(await t.call('setup.leaveTraining', { username: 'petugas9', password: passwordOf('petugas9') }))).toBe('FORBIDDEN');
    expect(t.core.training).toBe(true);
    expect(code(await t.call('setup.leaveTraining', { username: 'admin', password: ADMIN_PASSWORD }))).toBe('ok');
    expect(t.core.training).toBe(false);
  });
});
