import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LIVE_DB_FILE } from '@main/core/core.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { openEncryptedDatabase } from '@main/core/kernel/crypto/db-key.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';

let t: TempCore;
beforeEach(() => {
  t = tempCore();
});
afterEach(() => t.cleanup());

const count = (t: TempCore, table: string): number => (t.core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('audit trail and outbox', () => {
  it('appends one audit event and one outbox op per mutating call, in step', async () => {
    const admin = await setUp(t);
    const before = { audit: count(t, 'audit_events'), outbox: count(t, 'outbox') };
    await t.value('settings.update', { idleLockMinutes: 10 }, admin);
    expect(count(t, 'audit_events')).toBe(before.audit + 1);
    expect(count(t, 'outbox')).toBe(before.outbox + 1);
    const op = t.core.db.prepare('SELECT op, payload FROM outbox ORDER BY device_seq DESC LIMIT 1').get() as {
      op: string;
      payload: string;
    };
    expect(op.op).toBe('settings.update');
    expect(JSON.parse(op.payload).audit).toMatchObject({ action: 'settings.update', username: 'admin', workstation: 'LOKET-03' });
  });

  it('never puts passwords into the audit trail', async () => {
    const admin = await setUp(t);
    await userSession(t, admin, 'petugas1', 'officer');
    const summaries = t.core.db.prepare('SELECT summary FROM audit_events').pluck().all() as string[];
    expect(summaries.join('\n')).not.toMatch(/Sementara-2026-x|Rahasia|Kantor-Loket|scrypt\$/);
  });

  it('records who, role, workstation and time', async () => {
    const admin = await setUp(t);
    const [latest] = await t.value('audit.list', { limit: 1 }, admin);
    expect(latest).toMatchObject({ action: 'auth.login', username: 'admin', role: 'admin', workstation: 'LOKET-03', at: t.now() });
  });

  it('refuses to update or delete an audit event', async () => {
    await setUp(t);
    expect(() => t.core.db.prepare("UPDATE audit_events SET action = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => t.core.db.prepare('DELETE FROM audit_events WHERE seq = 1').run()).toThrow(/append-only/);
  });

  it('detects an edited event and names it, through the API and the CLI', async () => {
    const admin = await setUp(t);
    await t.value('settings.update', { counterNumber: 4 }, admin);
    expect(await t.value('audit.verify', {}, admin)).toMatchObject({ ok: true, brokenAt: null });
    const cli = (file: string) => {
      try {
        return { code: 0, out: execFileSync('npx', ['tsx', 'main/cli/audit-verify.ts', file], { encoding: 'utf8' }) };
      } catch (e) {
        const err = e as { status: number; stdout: string };
        return { code: err.status, out: err.stdout };
      }
    };
    const file = join(t.dataDir, LIVE_DB_FILE);
    expect(cli(file)).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: \d+ audit events/) });

    // Someone with the file and a SQLite shell drops the guard and rewrites history.
    const { db: raw } = openEncryptedDatabase(file, new KeyFileWrapper(t.dataDir));
    raw.exec('DROP TRIGGER audit_events_no_update');
    raw.prepare(`UPDATE audit_events SET summary = '{"counter":1}' WHERE seq = 2`).run();
    raw.close();
    expect(await t.value('audit.verify', {}, admin)).toMatchObject({ ok: false, brokenAt: 2 });
    expect(cli(file)).toMatchObject({ code: 1, out: expect.stringMatching(/^BROKEN at event 2: its content was changed/) });
  });
});
