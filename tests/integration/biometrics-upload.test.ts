// Biometric images reach central and leave the desk: after central applies a capture's op, the sync
// client uploads its images through the blob channel, central's confirmation marks them uploaded, the
// retention after that purges the desk's copy, and the end-of-day report lists what is not uploaded yet.
import { v7 as uuidv7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { installBiometrics, type InstalledBiometrics } from '@main/devices/biometrics-install.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { userSession } from '../support/core.js';
import { insertApplication } from '../support/application-row.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

const DAY = 86_400_000;
let sim: SimulatorProcess;
let central: TestCentral;
let w: TestWorkstation;
let bio: InstalledBiometrics;
let officer: string;
let supervisor: string;

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '0'] });
  central = await startTestCentral(preferredStore());
  w = await startWorkstation(central);
  bio = installBiometrics(w.t.core, {
    keyWrapper: new KeyFileWrapper(w.t.dataDir),
    sbi: { ports: [sim.port, sim.port], captureGraceMs: 300 },
    purgeEveryMs: 0,
  });
  officer = await userSession(w.t, w.adminToken, 'petugas1', 'officer');
  supervisor = await userSession(w.t, w.adminToken, 'spv1', 'supervisor');
});
afterAll(async () => {
  await bio?.close();
  await w?.cleanup();
  await central?.close();
  await sim?.stop();
});

const db = () => w.t.core.liveDb;
const records = (applicationId: string) =>
  db()
    .prepare('SELECT id, blob_sha256 AS sha, uploaded_at, purged_at FROM biometric_records WHERE application_id = ? ORDER BY id')
    .all(applicationId) as Array<{ id: string; sha: string; uploaded_at: number | null; purged_at: number | null }>;
const atCentral = async (sha: string): Promise<boolean> =>
  (await central.central.deps.store.query('SELECT 1 FROM blobs WHERE office_code = $1 AND sha256 = $2', ['banyumanik', sha])).length > 0;

async function capture(): Promise<string> {
  const app = uuidv7();
  insertApplication(db(), app);
  await w.t.value('biometrics.capture', { applicationId: app, modality: 'face' }, officer);
  return app;
}

describe('biometric upload and purge', () => {
  it('uploads a capture after its op is applied, confirms it, purges it after the retention; the end of day lists one not uploaded', async () => {
    await w.t.value('biometrics.updateSettings', { retentionDays: 3 }, w.adminToken);
    const uploaded = await capture();
    const [before] = records(uploaded);
    expect(before).toMatchObject({ uploaded_at: null, purged_at: null });
    expect(await atCentral(before!.sha)).toBe(false);

    const waiting = await capture();
    const report = await w.t.value('endOfDay.report', {}, supervisor);
    expect(report.sync.capturesNotUploaded.map((c) => c.applicationId).sort()).toEqual([uploaded, waiting].sort());

    await w.client.runCycle();
    expect(await atCentral(before!.sha)).toBe(true);
    const [after] = records(uploaded);
    expect(after!.uploaded_at).toEqual(expect.any(Number));
    expect(after!.purged_at).toBeNull();
    const [op] = await central.central.deps.store.query<{ status: string }>(
      "SELECT status FROM applied_ops WHERE entity = 'biometric_record' AND payload::text LIKE '%biometrics.uploadConfirmed%'",
    );
    expect(op?.status).toBe('applied');

    // A capture made after the last push has no applied op yet: it stays, and the report says so.
    const late = await capture();
    const later = await w.t.value('endOfDay.report', {}, supervisor);
    expect(later.sync.capturesNotUploaded).toEqual([expect.objectContaining({ applicationId: late, modality: 'face', images: 1 })]);

    w.t.advance(3 * DAY + 1);
    await w.client.runCycle();
    expect(records(uploaded)[0]!.purged_at).toEqual(expect.any(Number));
    expect(records(waiting)[0]!.purged_at).toEqual(expect.any(Number));
    // The late one went up in this cycle: its retention starts now.
    expect(records(late)[0]).toMatchObject({ uploaded_at: expect.any(Number), purged_at: null });
    expect(db().prepare('SELECT count(*) FROM biometric_blobs WHERE record_id = ?').pluck().get(after!.id)).toBe(0);
  });
});
