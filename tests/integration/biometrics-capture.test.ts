// Capture use cases through the contract, against the simulated device running as its own process.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CaptureStatus, ImageInput } from '@common/contract/biometrics.js';
import type { EventPayload } from '@common/contract/index.js';
import { deviceErrorMessage, type DeviceErrorKind } from '@common/domain/biometrics/errors.js';
import { biometricRuntime } from '@main/core/biometrics/port.js';
import { hasRequiredCaptures } from '@main/core/biometrics/requirements.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { DEFAULT_SIM_CONFIG, type SimControl } from '@main/devices/sbi-sim/config.js';
import { face } from '@main/devices/sbi-sim/images.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { passwordOf, setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { insertApplication } from '../support/application-row.js';
import { dbDigest } from '../support/snapshot.js';

let sim: SimulatorProcess;
let t: TempCore;
let officer: string;
let admin: string;
let bio: InstalledBiometrics;
let app: string;

const install = () =>
  installBiometrics(t.core, { keyWrapper: new KeyFileWrapper(t.dataDir), sbi: { ports: [sim.port, sim.port], captureGraceMs: 300 } });

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '10'] });
  t = tempCore();
  admin = await setUp(t);
  officer = await userSession(t, admin, 'petugas1', 'officer');
  await userSession(t, admin, 'spv1', 'supervisor');
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
  await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 10 });
});

const sim$ = (c: SimControl) => sim.control(c);
const capture = (modality: 'leftSlap' | 'rightSlap' | 'thumbs' | 'iris' | 'face', extra: { timeoutMs?: number } = {}) =>
  t.call('biometrics.capture', { applicationId: app, modality, ...extra }, officer);
const status = () => t.value('biometrics.status', { applicationId: app }, officer);
const modality = (s: CaptureStatus, m: string) => s.modalities.find((x) => x.modality === m)!;
const grant = async (action: 'biometric.exception' | 'biometric.lowQuality') =>
  (await t.value('auth.override', { username: 'spv1', password: passwordOf('spv1'), action, reason: 'Jari pemohon terluka' }, officer))
    .overrideToken;

/** The simulator's synthetic portrait as canvas pixels, optionally darkened. */
function portrait(gain = 1): ImageInput {
  const g = face(92);
  const rgba = Buffer.alloc(g.width * g.height * 4);
  for (let i = 0; i < g.data.length; i++) {
    const v = Math.min(255, Math.round(g.data[i]! * gain));
    rgba.set([v, Math.round(v * 0.9), Math.round(v * 0.8), 255], i * 4);
  }
  return { format: 'rgba', width: g.width, height: g.height, data: rgba.toString('base64') };
}
const handPhoto: ImageInput = { format: 'rgba', width: 64, height: 48, data: Buffer.alloc(64 * 48 * 4, 120).toString('base64') };

describe('capturing an applicant', () => {
  it('passes the biometrics step once slaps, thumbs and the face are captured', async () => {
    for (const m of ['leftSlap', 'rightSlap', 'thumbs'] as const) {
      const r = await capture(m);
      if (!r.ok) throw new Error(JSON.stringify(r.error));
      expect(r.value.attempt).toMatchObject({ attemptNo: 1, kept: true, passed: true, source: 'sbi', modality: m });
      expect(r.value.attempt.items.every((i) => i.quality === 72 && i.threshold === 40 && i.recordId)).toBe(true);
    }
    expect(hasRequiredCaptures(t.core.db, app)).toBe(false);
    expect((await status()).complete).toBe(false);
    const photo = await t.value('biometrics.submitFacePhoto', { applicationId: app, image: portrait() }, officer);
    expect(photo.quality.problems).toEqual([]);
    expect(photo.attempt).toMatchObject({ source: 'camera', passed: true, kept: true });
    const s = await status();
    expect(s.complete).toBe(true);
    expect(hasRequiredCaptures(t.core.db, app)).toBe(true);
    expect(s.modalities.map((m) => [m.modality, m.state, m.required])).toEqual([
      ['leftSlap', 'passed', true],
      ['rightSlap', 'passed', true],
      ['thumbs', 'passed', true],
      ['iris', 'pending', false],
      ['face', 'passed', true],
    ]);
  });

  it('takes the face from the SBI face device too, and shows its image', async () => {
    const r = await t.value('biometrics.capture', { applicationId: app, modality: 'face' }, officer);
    expect(r.attempt).toMatchObject({ source: 'sbi', passed: true, items: [{ bioSubType: 'Face', quality: 72, threshold: 50 }] });
    const img = await t.value('biometrics.image', { recordId: r.attempt.items[0]!.recordId! }, officer);
    expect(img.mime).toBe('image/png');
    expect(t.core.db.prepare('SELECT format FROM biometric_records WHERE id = ?').pluck().get(img.recordId)).toBe('iso19794-5');
  });

  it('shows images only to who processes, adjudicates or hands over the application, and audits each view', async () => {
    const r = await t.value('biometrics.capture', { applicationId: app, modality: 'face' }, officer);
    const recordId = r.attempt.items[0]!.recordId!;
    const other = await userSession(t, admin, `petugas-${app.slice(-6)}`, 'officer');
    const spv = (await t.value('auth.login', { username: 'spv1', password: passwordOf('spv1') })).sessionToken;
    const views = () => t.core.db.prepare("SELECT count(*) FROM audit_events WHERE action = 'biometrics.read'").pluck().get() as number;
    const before = views();
    for (const token of [other, spv, admin]) {
      const refused = await t.call('biometrics.image', { recordId }, token);
      expect(refused.ok ? 'shown' : refused.error.code).toBe('FORBIDDEN');
    }
    expect(views()).toBe(before);
    // Waiting for a decision, the adjudicating supervisor sees it; ready, the officer handing it over does.
    t.core.db.prepare("UPDATE applications SET status = 'submitted' WHERE id = ?").run(app);
    expect((await t.value('biometrics.image', { recordId }, spv)).recordId).toBe(recordId);
    t.core.db.prepare("UPDATE applications SET status = 'ready' WHERE id = ?").run(app);
    expect((await t.value('biometrics.image', { recordId }, other)).recordId).toBe(recordId);
    expect((await t.value('biometrics.image', { recordId }, officer)).recordId).toBe(recordId);
    expect(views()).toBe(before + 3);
  });

  it('chains the device hashes across modalities of one application', async () => {
    for (const m of ['thumbs', 'iris', 'leftSlap'] as const) expect((await capture(m)).ok).toBe(true);
    const rows = t.core.db
      .prepare('SELECT chain_prev, chain_last FROM biometric_attempts WHERE application_id = ? ORDER BY rowid')
      .all(app) as Array<{ chain_prev: string; chain_last: string }>;
    expect(rows[0]!.chain_prev).toBe('');
    expect(rows[1]!.chain_prev).toBe(rows[0]!.chain_last);
    expect(rows[2]!.chain_prev).toBe(rows[1]!.chain_last);
  });

  it('keeps the best of three attempts, and only its images', async () => {
    await sim$({ quality: 72, qualities: { 'Left Thumb': 35 } });
    const first = await t.value('biometrics.capture', { applicationId: app, modality: 'thumbs' }, officer);
    expect(first.attempt).toMatchObject({ passed: false, kept: true });
    expect(modality(first.status, 'thumbs')).toMatchObject({ state: 'belowThreshold', attemptsLeft: 2, overrideAvailable: false });
    await sim$({ qualities: { 'Left Thumb': 45 } });
    const second = await t.value('biometrics.capture', { applicationId: app, modality: 'thumbs' }, officer);
    expect(second.attempt).toMatchObject({ attemptNo: 2, passed: true, kept: true });
    await sim$({ qualities: { 'Left Thumb': 38 } });
    const third = await t.value('biometrics.capture', { applicationId: app, modality: 'thumbs' }, officer);
    expect(third.attempt).toMatchObject({ attemptNo: 3, passed: false, kept: false });
    expect(third.attempt.items.every((i) => i.recordId === null)).toBe(true);
    const thumbs = modality(third.status, 'thumbs');
    expect(thumbs).toMatchObject({ state: 'passed', attemptsUsed: 3, attemptsLeft: 0 });
    expect(thumbs.best?.attemptId).toBe(second.attempt.attemptId);
    const stored = t.core.db
      .prepare(
        'SELECT r.status, b.record_id IS NOT NULL AS has_blob FROM biometric_records r LEFT JOIN biometric_blobs b ON b.record_id = r.id WHERE r.application_id = ?',
      )
      .all(app) as Array<{ status: string; has_blob: number }>;
    expect(stored.filter((r) => r.status === 'active').every((r) => r.has_blob === 1)).toBe(true);
    expect(stored.filter((r) => r.status === 'superseded').every((r) => r.has_blob === 0)).toBe(true);
    expect(stored.map((r) => r.status).sort()).toEqual(['active', 'active', 'superseded', 'superseded']);
    const fourth = await capture('thumbs');
    expect(fourth.ok ? null : [fourth.error.code, fourth.error.details]).toEqual([
      'CONFLICT',
      { reason: 'capture.attemptsUsed', attemptsExhausted: true },
    ]);
  });

  it('needs a supervisor to accept a capture that stays below threshold', async () => {
    await sim$({ quality: 30 });
    const early = await t.call('biometrics.acceptLowQuality', { applicationId: app, modality: 'rightSlap', overrideToken: 'x' }, officer);
    expect(early.ok ? null : early.error.code).toBe('CONFLICT');
    for (let i = 0; i < 3; i++) expect((await capture('rightSlap')).ok).toBe(true);
    const s = modality(await status(), 'rightSlap');
    expect(s).toMatchObject({ state: 'belowThreshold', overrideAvailable: true, attemptsLeft: 0 });
    const more = await capture('rightSlap');
    expect(more.ok ? null : more.error.details).toEqual({
      reason: 'capture.attemptsUsed',
      attemptsExhausted: true,
      overrideRequired: 'biometric.lowQuality',
    });
    const before = dbDigest(t.core.db);
    const noToken = await t.call(
      'biometrics.acceptLowQuality',
      { applicationId: app, modality: 'rightSlap', overrideToken: 'made-up' },
      officer,
    );
    expect(noToken.ok ? null : [noToken.error.code, noToken.error.details]).toEqual([
      'FORBIDDEN',
      { reason: 'override.required', overrideRequired: 'biometric.lowQuality' },
    ]);
    const wrongAction = await t.call(
      'biometrics.acceptLowQuality',
      { applicationId: app, modality: 'rightSlap', overrideToken: await grant('biometric.exception') },
      officer,
    );
    expect(wrongAction.ok ? null : wrongAction.error.code).toBe('FORBIDDEN');
    expect(dbDigest(t.core.db)).not.toBe(before); // the grants themselves are audited
    const accepted = await t.value(
      'biometrics.acceptLowQuality',
      { applicationId: app, modality: 'rightSlap', overrideToken: await grant('biometric.lowQuality') },
      officer,
    );
    expect(modality(accepted, 'rightSlap')).toMatchObject({
      state: 'accepted',
      acceptedBy: { supervisorName: 'Nama spv1', reason: 'Jari pemohon terluka' },
    });
    const audit = t.core.db.prepare("SELECT summary FROM audit_events WHERE action = 'biometrics.acceptLowQuality'").get() as {
      summary: string;
    };
    expect(JSON.parse(audit.summary)).toMatchObject({ modality: 'rightSlap', overrideReason: 'Jari pemohon terluka' });
    const after = await capture('rightSlap');
    expect(after.ok ? null : after.error.code).toBe('CONFLICT');
  });

  it('records missing or bandaged fingers as exceptions with a photo and a supervisor', async () => {
    const input = {
      applicationId: app,
      bioSubTypes: ['Left RingFinger' as const],
      reason: 'bandaged' as const,
      note: 'perban',
      photo: handPhoto,
    };
    const before = dbDigest(t.core.db);
    const refused = await t.call('biometrics.recordException', { ...input, overrideToken: 'none' }, officer);
    expect(refused.ok ? null : refused.error.code).toBe('FORBIDDEN');
    expect(dbDigest(t.core.db)).toBe(before);
    const s = await t.value('biometrics.recordException', { ...input, overrideToken: await grant('biometric.exception') }, officer);
    const left = modality(s, 'leftSlap');
    expect(left.toCapture).toEqual(['Left IndexFinger', 'Left MiddleFinger', 'Left LittleFinger']);
    expect(left.exceptions).toMatchObject([{ bioSubType: 'Left RingFinger', reason: 'bandaged', note: 'perban', approvedBy: 'Nama spv1' }]);
    const img = await t.value('biometrics.image', { recordId: left.exceptions[0]!.photoRecordId }, officer);
    expect(img.mime).toBe('image/png');
    const r = await t.value('biometrics.capture', { applicationId: app, modality: 'leftSlap' }, officer);
    expect(r.attempt.items.map((i) => i.bioSubType)).toEqual(['Left IndexFinger', 'Left MiddleFinger', 'Left LittleFinger']);
    expect(modality(r.status, 'leftSlap').state).toBe('passed');

    const again = await t.call('biometrics.recordException', { ...input, overrideToken: await grant('biometric.exception') }, officer);
    expect(again.ok ? null : again.error.code).toBe('CONFLICT');
    const mixed = await t.call(
      'biometrics.recordException',
      { ...input, bioSubTypes: ['Left Thumb', 'Right IndexFinger'], overrideToken: 'x' },
      officer,
    );
    expect(mixed.ok ? null : mixed.error.code).toBe('VALIDATION');
    const faceEx = await t.call('biometrics.recordException', { ...input, bioSubTypes: ['Face'], overrideToken: 'x' }, officer);
    expect(faceEx.ok ? null : faceEx.error.code).toBe('VALIDATION');
    const thumbs = await t.value(
      'biometrics.recordException',
      { ...input, bioSubTypes: ['Left Thumb', 'Right Thumb'], reason: 'amputated', overrideToken: await grant('biometric.exception') },
      officer,
    );
    expect(modality(thumbs, 'thumbs')).toMatchObject({ state: 'excepted', toCapture: [] });
    const none = await capture('thumbs');
    expect(none.ok ? null : none.error.code).toBe('CONFLICT');
  });

  it('checks and crops the camera face photo', async () => {
    const dark = await t.value('biometrics.submitFacePhoto', { applicationId: app, image: portrait(0.25) }, officer);
    expect(dark.quality.problems).toContain('tooDark');
    expect(dark.attempt.passed).toBe(false);
    const good = await t.value('biometrics.submitFacePhoto', { applicationId: app, image: portrait() }, officer);
    expect(good.attempt).toMatchObject({ passed: true, kept: true });
    const img = await t.value('biometrics.image', { recordId: good.attempt.items[0]!.recordId! }, officer);
    const png = Buffer.from(img.data, 'base64');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([413, 531]);
    const bad = await t.call(
      'biometrics.submitFacePhoto',
      { applicationId: app, image: { format: 'png', data: Buffer.from('not a png at all').toString('base64') } },
      officer,
    );
    expect(bad.ok ? null : [bad.error.code, bad.error.details]).toEqual(['VALIDATION', { fields: { image: ['image.unreadable'] } }]);
    const short = await t.call(
      'biometrics.submitFacePhoto',
      { applicationId: app, image: { format: 'rgba', width: 200, height: 200, data: Buffer.alloc(100).toString('base64') } },
      officer,
    );
    expect(short.ok ? null : short.error.code).toBe('VALIDATION');
  });
});

describe('device faults', () => {
  it.each([
    [{ fault: 'malformedJson' }, 'malformed'],
    [{ fault: 'brokenHash' }, 'hashChain'],
    [{ fault: 'timeout' }, 'timeout'],
    [{ fault: 'disconnect' }, 'disconnected'],
    [{ fault: 'badSignature' }, 'signature'],
    [{ status: 'Busy' }, 'busy'],
    [{ status: 'Not Ready' }, 'notReady'],
  ] as Array<[SimControl, string]>)('%j: a clear DEVICE error, nothing stored, and the retry works', async (control, kind) => {
    await sim$({ ...control, faultTimes: 1 });
    const before = dbDigest(t.core.db);
    const r = await capture('leftSlap', { timeoutMs: 1000 });
    expect(r.ok ? null : [r.error.code, (r.error.details as { deviceError: string }).deviceError]).toEqual(['DEVICE', kind]);
    expect(r.ok ? '' : (r.error.details as { messageId: string }).messageId).toBe(deviceErrorMessage(kind as DeviceErrorKind).id);
    expect(dbDigest(t.core.db)).toBe(before);
    await sim$({ status: 'Ready' });
    const retry = await t.value('biometrics.capture', { applicationId: app, modality: 'leftSlap' }, officer);
    expect(retry.attempt.attemptNo).toBe(1);
  });

  it('refuses a second capture for the same application while one runs', async () => {
    await sim$({ delayMs: 400 });
    const first = capture('leftSlap');
    await vi.waitFor(() => expect(biometricRuntime(t.core).busy.has(app)).toBe(true));
    const second = await capture('rightSlap');
    expect(second.ok ? null : second.error.code).toBe('CONFLICT');
    expect((await first).ok).toBe(true);
  });

  it('says so when no device layer is installed', async () => {
    await bio.close();
    const r = await capture('thumbs');
    expect(r.ok ? null : (r.error.details as { deviceError: string }).deviceError).toBe('notConfigured');
    bio = install();
  });
});

describe('devices and live preview', () => {
  it('lists the devices and streams preview frames as events until stopped', async () => {
    const scans: Array<EventPayload<'biometrics.devices'>> = [];
    const frames: Array<EventPayload<'biometrics.preview'>> = [];
    const ends: Array<EventPayload<'biometrics.previewEnded'>> = [];
    const offs = [
      t.core.events.on('biometrics.devices', (e) => scans.push(e)),
      t.core.events.on('biometrics.preview', (e) => frames.push(e)),
      t.core.events.on('biometrics.previewEnded', (e) => ends.push(e)),
    ];
    const list = await t.value('biometrics.devices', { refresh: true }, officer);
    expect(list.devices.map((d) => d.modalities).flat()).toEqual(['leftSlap', 'rightSlap', 'thumbs', 'iris', 'face']);
    expect(scans).toHaveLength(1);
    const { streamId } = await t.value('biometrics.previewStart', { modality: 'leftSlap' }, officer);
    await vi.waitFor(() => expect(frames.length).toBeGreaterThanOrEqual(3), { timeout: 10_000 });
    expect(frames.slice(0, 3).map((f) => [f.streamId, f.seq, f.mime])).toEqual([0, 1, 2].map((s) => [streamId, s, 'image/jpeg']));
    expect(Buffer.from(frames[0]!.frame, 'base64').subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
    await t.value('biometrics.previewStop', { streamId }, officer);
    expect(ends).toEqual([{ streamId, modality: 'leftSlap', reason: 'stopped', error: null }]);
    const second = await t.value('biometrics.previewStart', { modality: 'thumbs' }, officer);
    expect((await capture('thumbs')).ok).toBe(true);
    expect(ends[1]).toEqual({ streamId: second.streamId, modality: 'thumbs', reason: 'captured', error: null });
    await sim$({ fault: 'disconnectStream', faultTimes: 1 });
    const third = await t.value('biometrics.previewStart', { modality: 'iris' }, officer);
    await vi.waitFor(() => expect(ends).toHaveLength(3), { timeout: 10_000 });
    expect(ends[2]).toMatchObject({ streamId: third.streamId, reason: 'error', error: { deviceError: 'disconnected' } });
    offs.forEach((off) => off());
  });
});
