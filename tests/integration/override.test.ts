import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@common/contract/result.js';
import { authorize } from '@main/core/kernel/gate.js';
import { takeOverride } from '@main/core/access/override.js';
import { passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';

let t: TempCore;
let officer: string;
let admin: string;
beforeEach(async () => {
  t = tempCore();
  admin = await setUp(t);
  officer = await userSession(t, admin, 'petugas1', 'officer');
  await userSession(t, admin, 'spv1', 'supervisor');
});
afterEach(() => t.cleanup());

const grant = (action: 'fee.waive' | 'receipt.reprint', password = passwordOf('spv1'), username = 'spv1') =>
  t.call('auth.override', { username, password, action, reason: 'Pekerja migran pertama kali' }, officer);

describe('supervisor override', () => {
  it('authorises one action at the officer desk without logging the officer out', async () => {
    const r = await grant('fee.waive');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ supervisorName: 'Nama spv1', action: 'fee.waive' });
    expect((await t.value('auth.session', {}, officer)).username).toBe('petugas1');
    const ctx = authorize(t.core, 'auth.session', officer);
    expect(takeOverride(ctx, r.value.overrideToken, 'fee.waive').reason).toBe('Pekerja migran pertama kali');
    // Single use.
    expect(() => takeOverride(ctx, r.value.overrideToken, 'fee.waive')).toThrow(AppError);
  });

  it('is bound to its action and expires', async () => {
    const a = await grant('fee.waive');
    const b = await grant('receipt.reprint');
    if (!a.ok || !b.ok) throw new Error('grant failed');
    const ctx = () => authorize(t.core, 'auth.session', officer);
    expect(() => takeOverride(ctx(), a.value.overrideToken, 'receipt.reprint')).toThrow(/supervisor override/);
    t.advance(3 * 60_000);
    expect(() => takeOverride(ctx(), b.value.overrideToken, 'receipt.reprint')).toThrow(/supervisor override/);
  });

  it('locks the supervisor account tried in a burst: the right password behind the limit grants nothing', async () => {
    const attempts = Array.from({ length: 40 }, (_, i) => `wrong-password-${i}`);
    attempts.splice(20, 0, passwordOf('spv1'));
    const results = await Promise.all(attempts.map((p) => grant('fee.waive', p)));
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(results[20]!.ok ? null : results[20]!.error.code).toBe('ACCOUNT_LOCKED');
    const login = await t.call('auth.login', { username: 'spv1', password: passwordOf('spv1') });
    expect(login.ok ? null : login.error.code).toBe('ACCOUNT_LOCKED');
    t.advance(15 * 60_000);
    expect((await t.call('auth.login', { username: 'spv1', password: passwordOf('spv1') })).ok).toBe(true);
  });

  it('stays valid at its own desk when another desk presents it', async () => {
    const a = await grant('fee.waive');
    if (!a.ok) throw new Error('grant failed');
    const elsewhere = await userSession(t, admin, 'petugas2', 'officer');
    expect(() => takeOverride(authorize(t.core, 'auth.session', elsewhere), a.value.overrideToken, 'fee.waive')).toThrow(
      /supervisor override/,
    );
    expect(takeOverride(authorize(t.core, 'auth.session', officer), a.value.overrideToken, 'fee.waive').supervisorId).toBe(
      a.value.supervisorId,
    );
  });

  it('refuses officers, wrong passwords and audits the grant', async () => {
    const wrong = await grant('fee.waive', 'not-the-password-9');
    expect(wrong.ok ? null : wrong.error.code).toBe('INVALID_CREDENTIALS');
    const self = await grant('fee.waive', passwordOf('petugas1'), 'petugas1');
    expect(self.ok ? null : self.error.code).toBe('FORBIDDEN');
    await grant('fee.waive');
    const row = t.core.db.prepare("SELECT username, summary FROM audit_events WHERE action = 'override.granted'").get() as {
      username: string;
      summary: string;
    };
    expect(row.username).toBe('petugas1');
    expect(JSON.parse(row.summary)).toMatchObject({ supervisor: 'spv1', action: 'fee.waive' });
  });
});
