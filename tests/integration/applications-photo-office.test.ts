// Captures and the applicant's photo across the desks of one office, through a real central: a face
// captured at one counter makes the biometrics step pass at another desk, which fetches the photo from
// central on demand, checks it against its address and keeps it sealed. Another office gets nothing, and
// bytes that do not match their address are refused by the desk.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImageInput } from '@common/contract/biometrics.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { face } from '@main/devices/sbi-sim/images.js';
import { blobPath } from '@server/blobs/routes.js';
import { purgeExpired } from '@main/core/biometrics/blob-sync.js';
import { passwordOf } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { walkInDraft } from '../support/applications-fixtures.js';
import { openOfficeDesk, type OfficeDesk } from '../support/office-desks.js';

let central: TestCentral;
let a: OfficeDesk;
let b: OfficeDesk;
let batam: OfficeDesk;
const installed: InstalledBiometrics[] = [];

beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  a = await openOfficeDesk(central, { name: 'LOKET-01', counter: 1, officer: 'petugas1', supervisor: 'kasi1' });
  b = await openOfficeDesk(central, { name: 'LOKET-02', counter: 2, officer: 'petugas2', supervisor: 'kasi2' });
  batam = await openOfficeDesk(central, { name: 'BTM-01', counter: 1, officer: 'petugasb', supervisor: 'kasib', office: 'batam' });
  for (const d of [a, b, batam]) {
    installed.push(installBiometrics(d.t.core, { keyWrapper: new KeyFileWrapper(d.t.dataDir), purgeEveryMs: 0 }));
    await d.t.value('biometrics.updateSettings', { required: ['face'] }, d.adminToken);
  }
});
afterAll(async () => {
  for (const i of installed) await i.close();
  for (const d of [a, b, batam]) await d?.cleanup();
  await central?.close();
});

/** The simulator's synthetic portrait as canvas pixels. */
function portrait(): ImageInput {
  const g = face(92);
  const rgba = Buffer.alloc(g.width * g.height * 4);
  for (let i = 0; i < g.data.length; i++) {
    const v = g.data[i]!;
    rgba.set([v, Math.round(v * 0.9), Math.round(v * 0.8), 255], i * 4);
  }
  return { format: 'rgba', width: g.width, height: g.height, data: rgba.toString('base64') };
}

const DAY = 86_400_000;
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const bytesOf = (dataUrl: string) => Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
const audits = (d: OfficeDesk, action: string) =>
  (d.t.core.liveDb.prepare('SELECT count(*) AS n FROM audit_events WHERE action = ?').get(action) as { n: number }).n;

async function verifiedOnA(): Promise<string> {
  const app = await a.t.value('applications.create', { draft: walkInDraft() }, a.officer);
  for (const x of app.documents)
    await a.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, a.officer);
  await a.t.value('applications.transition', { id: app.id, action: 'verify' }, a.officer);
  return app.id;
}

/** Pushes A's ops and uploads its images until central holds the photo. */
async function untilCentralHolds(photoSha: string): Promise<void> {
  await expect
    .poll(async () => {
      await a.client.runCycle();
      return (await central.central.deps.store.query('SELECT 1 FROM blobs WHERE sha256 = $1', [photoSha])).length;
    })
    .toBe(1);
}

describe('captures and the photo on every desk of the office', () => {
  let id: string;
  let photoSha: string;
  let png: Buffer;

  it('a face captured on desk A lets desk B pass the biometrics step and show the same photo', async () => {
    id = await verifiedOnA();
    await a.client.runCycle();
    await b.client.runCycle();
    // Nothing captured yet: B refuses the step on its own.
    const early = await b.t.call('applications.transition', { id, action: 'captureBiometrics' }, b.officer);
    expect(early.ok).toBe(false);
    expect(JSON.stringify(early)).toContain('application.capturesMissing');

    await a.t.value('biometrics.submitFacePhoto', { applicationId: id, image: portrait() }, a.officer);
    const rec = a.t.core.liveDb
      .prepare("SELECT id, blob_sha256 AS sha FROM biometric_records WHERE application_id = ? AND modality = 'face'")
      .get(id) as { id: string; sha: string };
    photoSha = rec.sha;
    png = Buffer.from((await a.t.value('biometrics.image', { recordId: rec.id }, a.officer)).data, 'base64');
    expect(sha(png)).toBe(photoSha);
    await untilCentralHolds(photoSha);

    await b.client.runCycle();
    expect((await b.t.value('biometrics.status', { applicationId: id }, b.officer)).complete).toBe(true);
    const moved = await b.t.value('applications.transition', { id, action: 'captureBiometrics' }, b.officer);
    expect(moved.status).toBe('biometrics_captured');
    await b.client.runCycle();
    expect(
      b.t.core.liveDb.prepare("SELECT status FROM outbox WHERE op = 'applications.transition' ORDER BY device_seq DESC").get(),
    ).toEqual({
      status: 'applied',
    });

    const reads = audits(b, 'biometrics.read');
    const shown = await b.t.value('applications.photo', { id }, b.officer);
    expect(shown.reason).toBeNull();
    expect(shown.photo).toMatch(/^data:image\/png;base64,/);
    expect(sha(bytesOf(shown.photo!))).toBe(photoSha);
    expect(bytesOf(shown.photo!).equals(png)).toBe(true);
    // Fetched once, then read from the sealed copy; every showing is an audited decryption.
    expect(audits(b, 'biometrics.photoCached')).toBe(1);
    expect(audits(b, 'biometrics.read')).toBe(reads + 1);
    const again = await b.t.value('applications.photo', { id }, b.officer);
    expect(again.photo).toBe(shown.photo);
    expect(audits(b, 'biometrics.photoCached')).toBe(1);
    expect(audits(b, 'biometrics.read')).toBe(reads + 2);
    // The desk that captured it shows its own record.
    expect((await a.t.value('applications.photo', { id }, a.officer)).photo).toBe(shown.photo);
  });

  it('keeps the cached copy encrypted: the PNG bytes are nowhere in the cache row or the database files', async () => {
    const row = b.t.core.liveDb.prepare('SELECT ciphertext FROM photo_cache WHERE sha256 = ?').get(photoSha) as { ciphertext: Buffer };
    expect(row.ciphertext.length).toBeGreaterThanOrEqual(png.length);
    const probe = png.subarray(64, 192);
    expect(row.ciphertext.includes(probe)).toBe(false);
    b.t.core.liveDb.pragma('wal_checkpoint(TRUNCATE)');
    const dbFile = b.t.core.liveDb.name;
    for (const f of [dbFile, `${dbFile}-wal`]) if (existsSync(f)) expect(readFileSync(f).includes(probe)).toBe(false);
  });

  it('central gives the photo to no desk of another office, nor an address no record of the office names', async () => {
    const port = batam.t.core.ports.sync!;
    expect(await port.fetchPhoto(photoSha)).toEqual({ ok: false, why: 'notFound' });
    const unknown = await b.t.core.ports.sync!.fetchPhoto(sha(Buffer.from('no such photo')));
    expect(unknown).toEqual({ ok: false, why: 'notFound' });
    expect(await b.t.core.ports.sync!.fetchPhoto(photoSha)).toMatchObject({ ok: true });
  });

  it('refuses bytes from central that do not match their address and caches nothing', async () => {
    b.t.core.liveDb.prepare('DELETE FROM photo_cache').run();
    const file = blobPath(central.dataDir, photoSha);
    const original = readFileSync(file);
    const tampered = Buffer.from(original);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 20) ^ 0xff, tampered.length - 20);
    writeFileSync(file, tampered);
    try {
      const shown = await b.t.value('applications.photo', { id }, b.officer);
      expect(shown).toEqual({ photo: null, reason: 'photo.mismatch' });
      expect(audits(b, 'biometrics.photoRefused')).toBe(1);
      expect(b.t.core.liveDb.prepare('SELECT count(*) AS n FROM photo_cache').get()).toEqual({ n: 0 });
    } finally {
      writeFileSync(file, original);
    }
  });

  it('purges the cached copy by the biometric retention, counted from the fetch, and fetches again when asked', async () => {
    await b.t.value('biometrics.updateSettings', { retentionDays: 2 }, b.adminToken);
    expect((await b.t.value('applications.photo', { id }, b.officer)).reason).toBeNull();
    const count = () => (b.t.core.liveDb.prepare('SELECT count(*) AS n FROM photo_cache').get() as { n: number }).n;
    expect(count()).toBe(1);
    b.t.advance(DAY);
    expect(purgeExpired(b.t.core)).toBe(0);
    b.t.advance(DAY + 1);
    expect(purgeExpired(b.t.core)).toBe(1);
    expect(count()).toBe(0);
    const fetches = audits(b, 'biometrics.photoCached');
    // Two days idle locked the session: the officer signs in again.
    const session = (await b.t.value('auth.login', { username: 'petugas2', password: passwordOf('petugas2') })).sessionToken;
    expect(sha(bytesOf((await b.t.value('applications.photo', { id }, session)).photo!))).toBe(photoSha);
    expect(audits(b, 'biometrics.photoCached')).toBe(fetches + 1);
  });
});
