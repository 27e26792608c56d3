// An officer's unsaved typing kept in core: back after a lock or a restart, for its author only, gone a
// day later, and held to the same text rules as every other input.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lowerPasswordCostForTests } from '@main/core/access/passwords.js';
import { setUp, tempCore, userSession, type TempCore } from '@tests/support/core.js';

lowerPasswordCostForTests();

describe('drafts', () => {
  let t: TempCore;
  let admin: string;
  let officer: string;
  beforeEach(async () => {
    t = tempCore();
    admin = await setUp(t);
    officer = await userSession(t, admin, 'budi', 'officer');
  });
  afterEach(() => t.cleanup());

  const typed = { fullName: 'Siti Aminah', birthDate: '1990-02-01', accelerated: false, mrz: 'P<IDNAMINAH<<SITI\nX1234567' };

  it('comes back after a lock and after a restart, with what was typed', async () => {
    await t.value('drafts.save', { form: 'applications.new', values: typed }, officer);
    await t.value('auth.lock', {}, officer);
    await t.value('auth.unlock', { password: 'Rahasia-idub-26' }, officer);
    expect((await t.value('drafts.load', { form: 'applications.new' }, officer))?.values).toEqual(typed);

    t.reopen();
    const again = (await t.value('auth.login', { username: 'budi', password: 'Rahasia-idub-26' })).sessionToken;
    const back = await t.value('drafts.load', { form: 'applications.new' }, again);
    expect(back).toEqual({ form: 'applications.new', values: typed, updatedAt: t.now() });
    expect(await t.value('drafts.list', {}, again)).toEqual([{ form: 'applications.new', updatedAt: t.now(), label: 'Siti Aminah' }]);
  });

  it("is its author's alone", async () => {
    await t.value('drafts.save', { form: 'applications.new', values: typed }, officer);
    expect(await t.value('drafts.load', { form: 'applications.new' }, admin)).toBeNull();
    expect(await t.value('drafts.list', {}, admin)).toEqual([]);
    expect((await t.call('drafts.load', { form: 'applications.new' })).ok).toBe(false);
  });

  it('is gone once discarded, and a day after its last change', async () => {
    await t.value('drafts.save', { form: 'applications.new', values: typed }, officer);
    await t.value('drafts.discard', { form: 'applications.new' }, officer);
    expect(await t.value('drafts.load', { form: 'applications.new' }, officer)).toBeNull();

    await t.value('drafts.save', { form: 'applications.edit:0190a1b2-0000-7000-8000-000000000001', values: typed }, officer);
    t.advance(25 * 60 * 60 * 1000);
    const later = (await t.value('auth.login', { username: 'budi', password: 'Rahasia-idub-26' })).sessionToken;
    expect(await t.value('drafts.list', {}, later)).toEqual([]);
    // The next save sweeps it from the file, not only from view.
    await t.value('drafts.save', { form: 'applications.new', values: { fullName: 'Baru' } }, later);
    const rows = t.core.db.prepare('SELECT form FROM drafts').all();
    expect(rows).toEqual([{ form: 'applications.new' }]);
  });

  it('records nothing the office did: no audit event, no op', async () => {
    const audits = () => (t.core.db.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
    const ops = () => (t.core.db.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    const [a, o] = [audits(), ops()];
    await t.value('drafts.save', { form: 'applications.new', values: typed }, officer);
    await t.value('drafts.discard', { form: 'applications.new' }, officer);
    expect([audits(), ops()]).toEqual([a, o]);
  });

  it('refuses a form name, a field or a value it cannot hold, and keeps nothing of it', async () => {
    const bad = [
      { form: 'applications.new', values: { fullName: 'Budi\u0000Santoso' } },
      { form: 'applications.new', values: { fullName: 'Budi \u202e Santoso' } },
      { form: 'applications.new', values: { nested: { deep: 1 } } },
      { form: 'applications.new', values: { 'bad key': 'x' } },
      { form: '../etc/passwd', values: {} },
      { form: 'applications.new', values: { notes: 'x'.repeat(4001) } },
    ];
    for (const input of bad) {
      const r = await t.call('drafts.save', input as never, officer);
      expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
    }
    expect(await t.value('drafts.list', {}, officer)).toEqual([]);
  });
});
