// Two real workstations (SQLite) against a real central: one of them holds poisonous ops in its outbox
// among good ones (written straight into it, as an old or hostile client would). Central rejects those
// alone, with their reason; the good ones arrive and reach the other desk, the outbox empties, and the
// Sync screen lists the rejected ops with a reason it can put in plain words.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userSession } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

const nested = (depth: number): unknown => (depth === 0 ? 'x' : { a: nested(depth - 1) });

describe('a poisonous op among good ones', () => {
  let central: TestCentral;
  let a: TestWorkstation;
  let b: TestWorkstation;
  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
    a = await startWorkstation(central, { name: 'LOKET-01' });
    b = await startWorkstation(central, { name: 'LOKET-02' });
  });
  afterAll(async () => {
    await a?.cleanup();
    await b?.cleanup();
    await central?.close();
  });

  /** Appends an op to A's outbox behind the core's back. */
  function inject(entityId: string, audit: Record<string, unknown>, data: Record<string, unknown>): string {
    const opId = randomUUID();
    a.t.core.liveDb
      .prepare('INSERT INTO outbox (op_id, entity, entity_id, op, payload, base_version, created_at) VALUES (?, ?, ?, ?, ?, NULL, ?)')
      .run(opId, 'audit', entityId, 'auth.login', JSON.stringify({ audit, data }), Date.now());
    return opId;
  }
  const usernames = (w: TestWorkstation): string[] =>
    w.t.core.liveDb.prepare('SELECT username FROM users ORDER BY username').pluck().all() as string[];

  it('is rejected with its reason while the ops before and behind it arrive', async () => {
    await a.client.runCycle();
    await userSession(a.t, a.adminToken, 'sebelum1', 'officer');
    const poisoned = [
      // The failed login whose username held a NUL: the op that used to stop a desk's sync for good.
      inject(randomUUID(), { action: 'auth.login.failed', username: 'petugas1\u0000' }, { username: 'petugas1\u0000' }),
      inject(randomUUID(), { action: 'auth.login.failed' }, { username: 'x\ud800' }),
      inject(`e-\u0000-${randomUUID()}`, { action: 'auth.login.failed' }, {}),
      inject(randomUUID(), { action: 'auth.login.failed' }, { deep: nested(60) }),
    ];
    await userSession(a.t, a.adminToken, 'sesudah1', 'officer');

    await a.client.runCycle();
    expect(await a.t.value('sync.status', {})).toMatchObject({ pendingOps: 0, rejected: 4, online: true, state: 'idle' });
    const { items } = await a.t.value('sync.list', { filter: 'rejected' }, a.adminToken);
    expect(items.map((i) => [i.opId, i.reason]).sort()).toEqual(
      [
        [poisoned[0], 'op.unstorable'],
        [poisoned[1], 'op.unstorable'],
        [poisoned[2], 'op.unstorable'],
        [poisoned[3], 'op.tooDeep'],
      ].sort(),
    );
    // The Sync screen says it in plain words, in both languages.
    for (const lang of ['id', 'en']) {
      const dict = JSON.parse(readFileSync(new URL(`../../renderer/i18n/${lang}.json`, import.meta.url), 'utf8')) as {
        sync: { reasons: { op: Record<string, string> } };
      };
      expect(Object.keys(dict.sync.reasons.op).sort()).toEqual(['tooDeep', 'unstorable']);
    }

    // The good ones reached central and the other desk.
    await b.client.runCycle();
    expect(usernames(b)).toEqual(expect.arrayContaining(['sebelum1', 'sesudah1']));

    // And the desk keeps syncing: new work goes straight through.
    await userSession(a.t, a.adminToken, 'sesudah2', 'officer');
    await a.client.runCycle();
    await b.client.runCycle();
    expect(usernames(b)).toContain('sesudah2');
    expect(await a.t.value('sync.status', {})).toMatchObject({ pendingOps: 0, rejected: 4 });
  });
});
