// The workstation's sync client against a real central: enrolment, accounts flowing both ways, offline
// login, conflicts resolved through the contract, rejections, training isolation, stale cursors,
// revocation, background sync with long-poll, and backoff.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYNC_HEADERS } from '@common/central/protocol.js';
import { Backoff } from '@main/sync/backoff.js';
import { EncryptedFileKeyStore, FileKeyStore, KEY_FILE, startSync, TrainingRefused } from '@main/sync/index.js';
import { newKeyPair, Transport } from '@main/sync/transport.js';
import type { FetchLike } from '@main/sync/transport.js';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { ADMIN_PASSWORD, passwordOf, setUp, tempCore, userSession } from '../support/core.js';
import { startEmbeddedCentral } from '@server/embedded.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolmentCode, startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { adminRoutes, syncRoutes } from '@common/central/routes.js';

let central: TestCentral;
const open: TestWorkstation[] = [];
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
});
afterAll(async () => {
  for (const w of open) await w.cleanup();
  await central?.close();
});

async function station(
  office = 'banyumanik',
  name = 'LOKET-01',
  opts: Parameters<typeof startWorkstation>[1] = {},
): Promise<TestWorkstation> {
  const w = await startWorkstation(central, { office, name, ...opts });
  open.push(w);
  return w;
}
const usernames = (w: TestWorkstation): string[] =>
  w.t.core.liveDb.prepare('SELECT username FROM users ORDER BY username').pluck().all() as string[];
const userId = (w: TestWorkstation, username: string): string =>
  w.t.core.liveDb.prepare('SELECT id FROM users WHERE username = ?').pluck().get(username) as string;
const centralUser = (office: string, username: string) =>
  central.admin(adminRoutes.createUser, {
    body: { officeCode: office, username, fullName: `Nama ${username}`, role: 'officer', password: 'Sementara-2026-x' },
  });

describe('enrolment', () => {
  it('enrols through sync.enrol with an admin-issued code; the key file is 0600', async () => {
    const t = tempCore(Date.now());
    const admin = await setUp(t);
    const client = await startSync(t.core, { background: false });
    try {
      expect(await t.value('sync.status', {})).toMatchObject({ state: 'notEnrolled', enrolled: false, pendingOps: 2 });
      const code = await enrolmentCode(central, 'banyumanik');
      const status = await t.value('sync.enrol', { centralUrl: central.url, code }, admin);
      expect(status).toMatchObject({ enrolled: true, officeCode: 'banyumanik', centralUrl: central.url, state: 'idle' });
      expect(statSync(join(t.dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
      const again = await t.call('sync.enrol', { centralUrl: central.url, code }, admin);
      expect(again.ok ? null : again.error.code).toBe('CONFLICT');
      await client.runCycle();
      expect(await t.value('sync.status', {})).toMatchObject({ pendingOps: 0, online: true, lastSyncAt: expect.any(Number) });
      const listed = await central.admin(adminRoutes.workstations, { query: { office: 'banyumanik' } });
      expect(listed.some((w) => w.name === 'LOKET-03')).toBe(true);
    } finally {
      await client.stop();
      t.cleanup();
    }
  });

  it('answers sync.now with OFFLINE when no sync client runs, and enrolment failures with contract codes', async () => {
    const t = tempCore();
    const admin = await setUp(t);
    const r = await t.call('sync.now', {}, admin);
    expect(r.ok ? null : r.error.code).toBe('OFFLINE');
    const client = await startSync(t.core, { background: false });
    const bad = await t.call('sync.enrol', { centralUrl: central.url, code: 'AAAA-BBBB-CCCC' }, admin);
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'VALIDATION', details: { fields: { code: ['enrolment.invalid'] } } });
    const unreachable = await t.call('sync.enrol', { centralUrl: 'http://127.0.0.1:9', code: 'AAAA-BBBB-CCCC' }, admin);
    expect(unreachable.ok ? null : unreachable.error.code).toBe('OFFLINE');
    await client.stop();
    expect(await t.value('sync.status', {})).toMatchObject({ state: 'disabled', online: false });
    t.cleanup();
  });
});

describe('embedded central (npm start without a central URL)', () => {
  it('enrols itself once setup is done and syncs with the central beside it', async () => {
    const t = tempCore(Date.now());
    const embedded = await startEmbeddedCentral({ dataDir: t.dataDir });
    const client = await startSync(t.core, { embedded: { url: embedded.url, enrolmentCode: embedded.enrolmentCode }, longPollMs: 2000 });
    try {
      expect((await t.value('sync.status', {})).state).toBe('notEnrolled');
      await setUp(t);
      await expect.poll(async () => (await t.value('sync.status', {})).enrolled, { timeout: 20_000 }).toBe(true);
      await expect.poll(async () => (await t.value('sync.status', {})).pendingOps, { timeout: 20_000 }).toBe(0);
      expect(await t.value('sync.status', {})).toMatchObject({
        embedded: true,
        online: true,
        centralUrl: embedded.url,
        officeCode: 'banyumanik',
      });
    } finally {
      await client.stop();
      await embedded.close();
      t.cleanup();
    }
  });
});

describe('officer accounts', () => {
  let a: TestWorkstation;
  let b: TestWorkstation;
  let c: TestWorkstation;
  beforeAll(async () => {
    a = await station('banyumanik', 'LOKET-01');
    b = await station('banyumanik', 'LOKET-02');
    c = await station('batam', 'LOKET-09');
  });

  it('flow from central to the office, and officers log in offline with the synced hash', async () => {
    let reachable = true;
    const cable: FetchLike = async (url, init) => {
      if (!reachable) throw new TypeError('fetch failed (WAN down)');
      return fetch(url, init);
    };
    const d = await station('banyumanik', 'LOKET-04', { fetch: cable });
    await centralUser('banyumanik', 'pusat1');
    await d.client.runCycle();
    reachable = false;
    await d.client.syncNow();
    expect(await d.t.value('sync.status', {})).toMatchObject({ state: 'offline', online: false });
    // Central is out of reach: the login is checked against the synced hash alone.
    const login = await d.t.value('auth.login', { username: 'pusat1', password: 'Sementara-2026-x' });
    expect(login.session).toMatchObject({ username: 'pusat1', mustChangePassword: true });
    // The new password the officer chooses reaches the other counters once the WAN is back.
    await d.t.value('auth.changePassword', { currentPassword: 'Sementara-2026-x', newPassword: passwordOf('pusat1') }, login.sessionToken);
    reachable = true;
    await d.client.runCycle();
    await b.client.runCycle();
    expect((await b.t.value('auth.login', { username: 'pusat1', password: passwordOf('pusat1') })).session.mustChangePassword).toBe(false);
  });

  it('created at one workstation reach the others of the same office only', async () => {
    await a.client.runCycle();
    const own = await userSession(a.t, a.adminToken, 'petugas5', 'officer');
    await a.client.runCycle();
    // Central's versions come back by pull: the temporary password's and the officer's own; only the
    // newest is applied, so the officer who just chose a password stays signed in.
    const still = await a.t.call('auth.session', {}, own);
    expect(still.ok ? 'signed in' : still.error.code).toBe('signed in');
    await b.client.runCycle();
    await c.client.runCycle();
    expect(usernames(b)).toContain('petugas5');
    expect(usernames(c)).not.toContain('petugas5');
    expect(usernames(c)).not.toContain('pusat1');
  });

  it('ends the sessions of an account disabled centrally', async () => {
    const id = userId(b, 'petugas5');
    const session = await b.t.value('auth.login', { username: 'petugas5', password: passwordOf('petugas5') });
    await central.admin(adminRoutes.updateUser, { params: { id }, body: { officeCode: 'banyumanik', disabled: true } });
    await b.client.runCycle();
    const r = await b.t.call('auth.session', {}, session.sessionToken);
    expect(r.ok ? null : r.error.code).toBe('UNAUTHENTICATED');
    await central.admin(adminRoutes.updateUser, { params: { id }, body: { officeCode: 'banyumanik', disabled: false } });
  });

  it('lists a conflict with both sides and lets the officer keep their own', async () => {
    await centralUser('banyumanik', 'rebut1');
    await a.client.runCycle();
    await b.client.runCycle();
    const id = userId(a, 'rebut1');
    await a.t.value('users.update', { id, fullName: 'Nama Dari A' }, a.adminToken);
    await b.t.value('users.update', { id, fullName: 'Nama Dari B', disabled: true }, b.adminToken);
    await a.client.runCycle();
    await b.client.runCycle();
    expect(await b.t.value('sync.status', {})).toMatchObject({ conflicts: 1 });
    // Until it is resolved, B shows central's record.
    expect(b.t.core.liveDb.prepare('SELECT full_name, disabled FROM users WHERE id = ?').get(id)).toEqual({
      full_name: 'Nama Dari A',
      disabled: 0,
    });
    const { items } = await b.t.value('sync.list', { filter: 'problems' }, b.adminToken);
    const item = items.find((i) => i.status === 'conflict');
    expect(item).toMatchObject({
      entity: 'user',
      entityId: id,
      op: 'users.update',
      reason: 'fields.changed',
      actor: 'admin',
      resolvedAt: null,
    });
    expect(item?.conflict).toEqual({ serverVersion: 2, fields: [{ field: 'fullName', mine: 'Nama Dari B', theirs: 'Nama Dari A' }] });
    const resolved = await b.t.value('sync.resolveConflict', { opId: item?.opId as string, choice: 'mine' }, b.adminToken);
    expect(resolved).toMatchObject({ resolution: 'mine', resolvedAt: expect.any(Number) });
    await b.client.runCycle();
    await a.client.runCycle();
    for (const w of [a, b])
      expect(w.t.core.liveDb.prepare('SELECT full_name, disabled FROM users WHERE id = ?').get(id)).toEqual({
        full_name: 'Nama Dari B',
        disabled: 1,
      });
    expect(await b.t.value('sync.status', {})).toMatchObject({ conflicts: 0, pendingOps: 0 });
    const again = await b.t.call('sync.resolveConflict', { opId: item?.opId as string, choice: 'theirs' }, b.adminToken);
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
  });

  it("resolves in central's favour, and hides password hashes on the Sync screen", async () => {
    await centralUser('banyumanik', 'rebut2');
    await a.client.runCycle();
    await b.client.runCycle();
    const id = userId(a, 'rebut2');
    await a.t.value('users.resetPassword', { id, temporaryPassword: 'Sementara-2026-a' }, a.adminToken);
    await b.t.value('users.resetPassword', { id, temporaryPassword: 'Sementara-2026-b' }, b.adminToken);
    await a.client.runCycle();
    await b.client.runCycle();
    const { items } = await b.t.value('sync.list', { filter: 'conflict' }, b.adminToken);
    const item = items.find((i) => i.entityId === id);
    expect(item?.conflict?.fields).toEqual([{ field: 'passwordHash', mine: '(hidden)', theirs: '(hidden)' }]);
    await b.t.value('sync.resolveConflict', { opId: item?.opId as string, choice: 'theirs' }, b.adminToken);
    await b.client.runCycle();
    expect((await b.t.value('auth.login', { username: 'rebut2', password: 'Sementara-2026-a' })).session.username).toBe('rebut2');
  });

  it('keeps a rejected op listed with its reason, and the ops behind it still go', async () => {
    // A is a later desk of its office: its own setup admin's first ops were refused (central never knew it).
    const earlier = (await a.t.value('sync.list', { filter: 'rejected' }, a.adminToken)).items.map((i) => i.opId);
    await centralUser('banyumanik', 'kembar');
    // A has not pulled yet: it creates the same username offline, then more work.
    await a.t.value(
      'users.create',
      { username: 'kembar', fullName: 'Kembar Lokal', role: 'officer', password: 'Sementara-2026-x' },
      a.adminToken,
    );
    await userSession(a.t, a.adminToken, 'petugas6', 'officer');
    await a.client.runCycle();
    const { items } = await a.t.value('sync.list', { filter: 'rejected' }, a.adminToken);
    expect(items.filter((i) => !earlier.includes(i.opId))).toEqual([
      expect.objectContaining({ op: 'users.create', status: 'rejected', reason: 'username.taken' }),
    ]);
    expect(await a.t.value('sync.status', {})).toMatchObject({ rejected: earlier.length + 1, pendingOps: 0 });
    await b.client.runCycle();
    expect(usernames(b)).toContain('petugas6');
    // Central's account took the name; the local one stepped aside, disabled.
    const local = a.t.core.liveDb.prepare("SELECT username, disabled FROM users WHERE username LIKE 'kembar%' ORDER BY username").all();
    expect(local).toEqual([
      { username: 'kembar', disabled: 0 },
      { username: expect.stringMatching(/^kembar~/), disabled: 1 },
    ]);
  });

  it('loads a snapshot when its cursor is older than the compaction horizon, and catches up', async () => {
    await centralUser('banyumanik', 'lama1');
    await central.admin(adminRoutes.compact, { body: { officeCode: 'banyumanik' } });
    await centralUser('banyumanik', 'lama2');
    const before = b.t.core.liveDb.prepare('SELECT seq FROM sync_cursor').pluck().get() as number;
    await b.client.runCycle();
    const last = (
      await central.central.deps.store.query<{ last_seq: number }>("SELECT last_seq FROM office_seq WHERE office_code = 'banyumanik'")
    )[0]?.last_seq;
    const status = await b.t.value('sync.status', {});
    expect(status.cursor).toBe(last);
    expect(status.cursor).toBeGreaterThan(before);
    expect(usernames(b)).toEqual(expect.arrayContaining(['lama1', 'lama2']));
  });
});

describe('training mode', () => {
  it('never syncs: a training database is refused, sync.now refuses, training ops never reach central', async () => {
    const w = await station('banyumanik', 'LOKET-07');
    await w.client.runCycle();
    await w.t.value('setup.enterTraining', {}, w.adminToken);
    await expect(startSync(w.t.core, { background: false, db: w.t.core.db })).rejects.toBeInstanceOf(TrainingRefused);
    const trainee = await w.t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD });
    const now = await w.t.call('sync.now', {}, trainee.sessionToken);
    expect(now.ok ? null : now.error.code).toBe('FORBIDDEN');
    expect((await w.t.value('sync.status', {})).state).toBe('training');
    const trainingOps = w.t.core.db.prepare('SELECT op_id FROM outbox').pluck().all() as string[];
    expect(trainingOps.length).toBeGreaterThan(0);
    await w.t.value('setup.leaveTraining', { username: 'admin', password: ADMIN_PASSWORD });
    await w.client.runCycle();
    const atCentral = await central.central.deps.store.query<{ op_id: string }>(
      'SELECT op_id FROM applied_ops WHERE op_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
      [JSON.stringify(trainingOps)],
    );
    expect(atCentral).toEqual([]);
  });
});

describe('central refusing the workstation', () => {
  it('shows revocation and "update required" in the status', async () => {
    let oldSchema = false;
    const rewriting: FetchLike = async (url, init) =>
      fetch(url, oldSchema ? { ...init, headers: { ...(init.headers as Record<string, string>), [SYNC_HEADERS.schema]: '0' } } : init);
    const w = await station('banyumanik', 'LOKET-08', { fetch: rewriting });
    oldSchema = true;
    await w.client.syncNow();
    expect(await w.t.value('sync.status', {})).toMatchObject({ state: 'updateRequired', lastError: { code: 'UPDATE_REQUIRED' } });
    oldSchema = false;
    await central.admin(adminRoutes.revoke, { params: { id: w.client.transport!.identity.workstationId } });
    await w.client.syncNow();
    expect(await w.t.value('sync.status', {})).toMatchObject({
      state: 'revoked',
      lastError: { code: 'REVOKED' },
      nextAttemptAt: expect.any(Number),
    });
  });
});

describe('enrolling a revoked workstation again', () => {
  it('refuses the revoked key with REVOKED, and lets an admin enrol the desk again with a new code and a new key', async () => {
    const t = tempCore(Date.now());
    const admin = await setUp(t);
    const client = await startSync(t.core, { background: false });
    try {
      const code = await enrolmentCode(central, 'banyumanik');
      await t.value('sync.enrol', { centralUrl: central.url, code }, admin);
      const old = client.transport!.identity;
      const notRevoked = await t.call('sync.reenrol', { code: await enrolmentCode(central, 'banyumanik') }, admin);
      expect(notRevoked.ok ? null : notRevoked.error.code).toBe('CONFLICT');

      await central.admin(adminRoutes.revoke, { params: { id: old.workstationId } });
      // The enrolment that once succeeded, sent again with the same code and key: no longer a 200.
      const again = new Transport({ baseUrl: central.url, identity: old }).call(syncRoutes.enrol, {
        body: { code, workstationId: old.workstationId, name: 'LOKET-03', officeCode: 'banyumanik', publicKey: old.publicKey },
      });
      await expect(again).rejects.toMatchObject({ status: 403, code: 'REVOKED' });
      await client.syncNow();
      expect(await t.value('sync.status', {})).toMatchObject({ state: 'revoked' });

      const wrong = await t.call('sync.reenrol', { code: 'NOT-A-REAL-CODE-1' }, admin);
      expect(wrong.ok ? null : wrong.error.code).toBe('VALIDATION');
      expect(await t.value('sync.status', {})).toMatchObject({ state: 'revoked' });
      const status = await t.value('sync.reenrol', { code: await enrolmentCode(central, 'banyumanik') }, admin);
      expect(status).toMatchObject({ enrolled: true, state: 'idle' });
      const fresh = client.transport!.identity;
      expect(fresh.workstationId).toBe(old.workstationId);
      expect(fresh.publicKey).not.toBe(old.publicKey);

      await userSession(t, admin, 'sesudah', 'officer');
      await client.syncNow();
      expect(await t.value('sync.status', {})).toMatchObject({ state: 'idle', pendingOps: 0 });
      // The old key stays revoked; the desk is one workstation at central, with both keys on record.
      const oldPull = new Transport({ baseUrl: central.url, identity: old }).call(syncRoutes.pull, { query: { cursor: 0 } });
      await expect(oldPull).rejects.toMatchObject({ status: 403, code: 'REVOKED' });
      const keys = await central.central.deps.store.query<{ revoked: boolean }>(
        'SELECT revoked_at IS NOT NULL AS revoked FROM workstation_keys WHERE workstation_id = $1 ORDER BY enrolled_at',
        [old.workstationId],
      );
      expect(keys).toEqual([{ revoked: true }, { revoked: false }]);
      // A key once revoked never comes back, even with a fresh code.
      const comeback = new Transport({ baseUrl: central.url, identity: old }).call(syncRoutes.enrol, {
        body: {
          code: await enrolmentCode(central, 'banyumanik'),
          workstationId: old.workstationId,
          name: 'LOKET-03',
          officeCode: 'banyumanik',
          publicKey: old.publicKey,
        },
      });
      await expect(comeback).rejects.toMatchObject({ code: 'REVOKED' });
    } finally {
      await client.stop();
      t.cleanup();
    }
  });
});

describe('background sync', () => {
  it('shows a change made on A on B without anyone pressing Sync, and recovers from an outage', async () => {
    let down = false;
    const flaky: FetchLike = async (url, init) => {
      if (down) throw new TypeError('fetch failed (network down)');
      return fetch(url, init);
    };
    const opts = { background: true, longPollMs: 5000, outboxPollMs: 20, backoffBaseMs: 50, backoffMaxMs: 200 } as const;
    const a = await station('banyumanik', 'LOKET-11', { ...opts, fetch: flaky });
    const b = await station('banyumanik', 'LOKET-12', opts);
    await userSession(a.t, a.adminToken, 'langsung', 'officer');
    await expect.poll(() => usernames(b), { timeout: 20_000, interval: 50 }).toContain('langsung');

    down = true;
    await userSession(a.t, a.adminToken, 'tertunda', 'officer');
    await expect.poll(async () => (await a.t.value('sync.status', {})).state, { timeout: 20_000 }).toBe('offline');
    expect(await a.t.value('sync.status', {})).toMatchObject({
      online: false,
      pendingOps: expect.any(Number),
      nextAttemptAt: expect.any(Number),
    });
    expect((await a.t.value('sync.status', {})).pendingOps).toBeGreaterThan(0);
    down = false;
    await expect.poll(() => usernames(b), { timeout: 20_000, interval: 50 }).toContain('tertunda');
    await expect.poll(async () => (await a.t.value('sync.status', {})).pendingOps, { timeout: 20_000 }).toBe(0);
    expect((await a.t.value('sync.status', {})).online).toBe(true);
  });

  it('emits sync.status events for the status bar', async () => {
    const w = await station('banyumanik', 'LOKET-13');
    const seen: Array<{ pendingOps: number }> = [];
    const off = w.t.core.events.on('sync.status', (s) => seen.push(s));
    await w.t.value(
      'users.create',
      { username: 'acara1', fullName: 'Acara Satu', role: 'officer', password: 'Sementara-2026-x' },
      w.adminToken,
    );
    await w.client.syncNow();
    await expect.poll(() => seen.at(-1)?.pendingOps, { timeout: 5000 }).toBe(0);
    off();
  });
});

describe('key stores', () => {
  it('keep the private key in a 0600 file, or sealed by the host (Electron safeStorage)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-keys-'));
    try {
      const pem = newKeyPair().privatePem;
      const plain = new FileKeyStore(join(dir, 'plain.pem'));
      expect(await plain.load()).toBeUndefined();
      await plain.save(pem);
      expect(await plain.load()).toBe(pem);
      expect(statSync(plain.file).mode & 0o777).toBe(0o600);
      const sealed = new EncryptedFileKeyStore(join(dir, 'sealed.bin'), {
        encrypt: (s) => Buffer.from(s, 'utf8').reverse(),
        decrypt: (b) => Buffer.from(b).reverse().toString('utf8'),
      });
      await sealed.save(pem);
      expect(readFileSync(sealed.file, 'utf8')).not.toContain('PRIVATE KEY');
      expect(await sealed.load()).toBe(pem);
      expect(statSync(sealed.file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter between half and all of the step, up to the cap', () => {
    const low = new Backoff(1000, 60_000, () => 0);
    const high = new Backoff(1000, 60_000, () => 0.999999);
    const lows = Array.from({ length: 9 }, () => low.next());
    const highs = Array.from({ length: 9 }, () => high.next());
    expect(lows).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(highs).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    low.reset();
    expect(low.next()).toBe(500);
  });
});
