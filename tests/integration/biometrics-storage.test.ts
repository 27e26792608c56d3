// Biometric storage: encrypted at rest, bound to its record, every read audited, purged after upload.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@db/connection.js';
import { loadMigrations, migrate } from '@db/migrate.js';
import { hasRequiredCaptures } from '@main/core/biometrics/requirements.js';
import { blobForUpload, confirmUploaded, purgeExpired } from '@main/core/biometrics/blob-sync.js';
import { KEY_FILE, KeyFileWrapper, KeyWrapError } from '@main/core/kernel/crypto/key-wrapper.js';
import { sha256Hex } from '@main/core/biometrics/store.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { DEFAULT_SIM_CONFIG } from '@main/devices/sbi-sim/config.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { ADMIN_PASSWORD, passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { insertApplication } from '../support/application-row.js';

let sim: SimulatorProcess;
let t: TempCore;
let admin: string;
let officer: string;
let bio: InstalledBiometrics;
let app: string;
const DAY = 86_400_000;

const install = () =>
  installBiometrics(t.core, { keyWrapper: new KeyFileWrapper(t.dataDir), sbi: { ports: [sim.port, sim.port], captureGraceMs: 300 } });

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '0'] });
  t = tempCore();
  admin = await setUp(t);
  officer = await userSession(t, admin, 'petugas1', 'officer');
  bio = install();
});
afterAll(async () => {
  await bio.close();
  t.cleanup();
  await sim.stop();
});
beforeEach(async () => {
  app = uuidv7();
  insertApplication(t.core.db, app);
  await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 0 });
});

async function captureAll(): Promise<string[]> {
  const ids: string[] = [];
  for (const m of ['leftSlap', 'rightSlap', 'thumbs', 'face'] as const) {
    const r = await t.value('biometrics.capture', { applicationId: app, modality: m }, officer);
    ids.push(...r.attempt.items.map((i) => i.recordId!));
  }
  return ids;
}

/** Sessions end with a restart and lock after idle time: log both in again. */
async function relogin(): Promise<void> {
  officer = (await t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') })).sessionToken;
  admin = (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
}

const count = (sql: string, ...args: unknown[]) => (t.core.db.prepare(sql).get(...args) as { n: number }).n;

describe('migration 0004', () => {
  it('creates the biometric tables with their guards, after the applications table', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'loket-mig4-')), 'm.sqlite'));
    migrate(db, loadMigrations().slice(0, 4));
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'biometric%' ORDER BY name").pluck().all();
    expect(tables).toEqual(['biometric_attempts', 'biometric_blobs', 'biometric_exceptions', 'biometric_records']);
    const attempt =
      "INSERT INTO biometric_attempts (id, application_id, modality, attempt_no, source, items, passed, passing, min_quality, mean_quality, captured_by, captured_at) VALUES ('a', ?, ?, 1, 'sbi', '[]', 0, 0, 0, 0, 'u', 0)";
    expect(() => db.prepare(attempt).run('no-such-application', 'leftSlap')).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO biometric_blobs VALUES ('nope', 'k', zeroblob(12), zeroblob(16), x'00')").run()).toThrow(
      /FOREIGN KEY/,
    );
    db.pragma('foreign_keys = OFF');
    expect(() => db.prepare(attempt).run('x', 'nose')).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO biometric_blobs VALUES ('r', 'k', zeroblob(11), zeroblob(16), x'00')").run()).toThrow(/CHECK/);
    db.close();
  });
});

describe('encryption at rest', () => {
  it('never writes an image, or its base64, to the database file, its WAL, the outbox or the audit trail', async () => {
    const ids = await captureAll();
    const probes: Buffer[] = [];
    for (const id of ids) {
      const img = Buffer.from((await t.value('biometrics.image', { recordId: id }, officer)).data, 'base64');
      probes.push(img.subarray(img.length >> 1, (img.length >> 1) + 48));
    }
    const files = readdirSync(t.dataDir).filter((f) => f.startsWith('loket.sqlite'));
    expect(files).toContain('loket.sqlite-wal');
    const disk = Buffer.concat(files.map((f) => readFileSync(join(t.dataDir, f))));
    for (const p of probes) {
      expect(disk.indexOf(p)).toBe(-1);
      expect(disk.indexOf(Buffer.from(p.toString('base64').slice(4, 40)))).toBe(-1);
    }
    const text =
      (t.core.db.prepare("SELECT group_concat(payload, '') AS s FROM outbox").get() as { s: string }).s +
      (t.core.db.prepare("SELECT group_concat(summary, '') AS s FROM audit_events").get() as { s: string }).s;
    expect(text).not.toMatch(/bioValue|[A-Za-z0-9+/_-]{200}/);
  });

  it('binds each ciphertext to its record id and detects any change', async () => {
    const [a, b] = await captureAll();
    const row = t.core.db.prepare('SELECT key_id, nonce, tag, ciphertext FROM biometric_blobs WHERE record_id = ?').get(a) as Record<
      string,
      unknown
    >;
    t.core.db
      .prepare('UPDATE biometric_blobs SET key_id = @key_id, nonce = @nonce, tag = @tag, ciphertext = @ciphertext WHERE record_id = @id')
      .run({ ...row, id: b });
    const moved = await t.call('biometrics.image', { recordId: b! }, officer);
    expect(moved.ok ? null : moved.error.code).toBe('INTERNAL');
    const { ciphertext } = t.core.db.prepare('SELECT ciphertext FROM biometric_blobs WHERE record_id = ?').get(a) as { ciphertext: Buffer };
    ciphertext[10] = ciphertext[10]! ^ 1;
    t.core.db.prepare('UPDATE biometric_blobs SET ciphertext = ? WHERE record_id = ?').run(ciphertext, a);
    const altered = await t.call('biometrics.image', { recordId: a! }, officer);
    expect(altered.ok ? null : altered.error.code).toBe('INTERNAL');
  });

  it('keeps the data key wrapped by a key file only this account can read, across restarts', async () => {
    const [id] = await captureAll();
    expect(statSync(join(t.dataDir, KEY_FILE)).mode & 0o777).toBe(0o600);
    const stored = JSON.parse(t.core.setting('biometric_data_key')!) as { wrapper: string; wrapped: string };
    expect(stored.wrapper).toBe('keyfile');
    expect(Buffer.from(stored.wrapped, 'base64').length).toBe(1 + 12 + 16 + 32);
    const before = (await t.value('biometrics.image', { recordId: id! }, officer)).data;
    await bio.close();
    t.reopen();
    bio = install();
    await relogin();
    insertApplication(t.core.db, (app = uuidv7()));
    expect((await t.value('biometrics.image', { recordId: id! }, officer)).data).toBe(before);
  });

  it('refuses a key file other accounts can read, and a key wrapped by another key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-kek-'));
    const w = new KeyFileWrapper(dir, 'linux');
    const wrapped = w.wrap(Buffer.alloc(32, 7));
    expect(w.unwrap(wrapped)).toEqual(Buffer.alloc(32, 7));
    chmodSync(join(dir, KEY_FILE), 0o644);
    expect(() => new KeyFileWrapper(dir, 'linux').wrap(Buffer.alloc(32))).toThrow(/mode 0600/);
    const other = mkdtempSync(join(tmpdir(), 'loket-kek-'));
    writeFileSync(join(other, KEY_FILE), Buffer.alloc(32, 1), { mode: 0o600 });
    expect(() => new KeyFileWrapper(other, 'linux').unwrap(wrapped)).toThrow(KeyWrapError);
  });
});

describe('audited reads, upload and purge', () => {
  it('audits every read of an image, for display and for upload', async () => {
    const [id] = await captureAll();
    const reads = () =>
      count("SELECT count(*) AS n FROM audit_events WHERE action IN ('biometrics.read', 'biometrics.readForUpload') AND entity_id = ?", id);
    expect(reads()).toBe(0);
    await t.value('biometrics.image', { recordId: id! }, officer);
    await t.value('biometrics.image', { recordId: id! }, officer);
    const up = blobForUpload(t.core, id!, t.core.db)!;
    expect(sha256Hex(up.bytes)).toBe(up.sha256);
    expect(reads()).toBe(3);
    const row = t.core.db
      .prepare("SELECT username, summary FROM audit_events WHERE action = 'biometrics.read' AND entity_id = ? LIMIT 1")
      .get(id) as { username: string; summary: string };
    expect(row.username).toBe('petugas1');
    expect(JSON.parse(row.summary)).toMatchObject({ applicationId: app, modality: 'leftSlap', purpose: 'display' });
    const unknown = await t.call('biometrics.image', { recordId: uuidv7() }, officer);
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('purges images once central confirmed them and the retention passed, keeping the metadata', async () => {
    await t.value('biometrics.updateSettings', { retentionDays: 3 }, admin);
    const ids = await captureAll();
    const shas = ids.map((id) => blobForUpload(t.core, id, t.core.db)!.sha256);
    expect(purgeExpired(t.core, t.core.db)).toBe(0);
    expect(confirmUploaded(t.core, { sha256s: shas.slice(0, 4) }, t.core.db)).toBe(4);
    expect(confirmUploaded(t.core, { recordIds: ids.slice(4) }, t.core.db)).toBe(ids.length - 4);
    t.advance(2 * DAY);
    expect(purgeExpired(t.core, t.core.db)).toBe(0);
    t.advance(1 * DAY + 1);
    expect(purgeExpired(t.core, t.core.db)).toBe(ids.length);
    await relogin();
    expect(
      count('SELECT count(*) AS n FROM biometric_blobs b JOIN biometric_records r ON r.id = b.record_id WHERE r.application_id = ?', app),
    ).toBe(0);
    expect(count('SELECT count(*) AS n FROM biometric_records WHERE application_id = ? AND purged_at IS NOT NULL', app)).toBe(ids.length);
    const gone = await t.call('biometrics.image', { recordId: ids[0]! }, officer);
    expect(gone.ok ? null : gone.error.code).toBe('NOT_FOUND');
    expect(blobForUpload(t.core, ids[0]!, t.core.db)).toBeUndefined();
    expect(hasRequiredCaptures(t.core.db, app)).toBe(true);
    expect(count("SELECT count(*) AS n FROM audit_events WHERE action = 'biometrics.purged'")).toBeGreaterThan(0);
    await t.value('biometrics.updateSettings', { retentionDays: 7 }, admin);
  });
});

describe('settings', () => {
  it('lets an admin change thresholds, retention and what is required', async () => {
    const s = await t.value('biometrics.updateSettings', { thresholds: { finger: 80 }, required: ['face'] }, admin);
    expect(s).toMatchObject({ thresholds: { finger: 80, iris: 60, face: 50 }, required: ['face'] });
    const r = await t.value('biometrics.capture', { applicationId: app, modality: 'thumbs' }, officer);
    expect(r.attempt.items.map((i) => [i.threshold, i.passed])).toEqual([
      [80, false],
      [80, false],
    ]);
    expect(r.status.modalities.filter((m) => m.required).map((m) => m.modality)).toEqual(['face']);
    const officerTry = await t.call('biometrics.updateSettings', { retentionDays: 1 }, officer);
    expect(officerTry.ok ? null : officerTry.error.code).toBe('FORBIDDEN');
    await t.value(
      'biometrics.updateSettings',
      { thresholds: { finger: 40 }, required: ['leftSlap', 'rightSlap', 'thumbs', 'face'] },
      admin,
    );
  });

  it('refuses captures for an application that does not exist', async () => {
    const r = await t.call('biometrics.capture', { applicationId: uuidv7(), modality: 'thumbs' }, officer);
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
  });
});
