// What is measured: SBI discovery over 127.0.0.1:4501-4600 with nothing there, the capture overhead
// Loket adds on top of the device's own capture time, and blob encryption throughput.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '../db/connection.js';
import { Core } from '../main/core/core.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { BlobVault } from '@main/core/kernel/crypto/vault.js';
import { dispatch } from '../main/ipc/dispatch.js';
import { installBiometrics } from '../main/devices/biometrics-install.js';
import { SbiClient } from '../main/devices/sbi/client.js';
import { startSimulatorProcess } from '../main/devices/sbi-sim/process.js';
import { median, timeRuns, type BenchResult } from './types.js';
import { insertApplication } from '../tests/support/application-row.js';

async function discovery(): Promise<BenchResult> {
  const client = new SbiClient();
  const full = await timeRuns(5, () => client.discover());
  const refused = await timeRuns(
    20,
    () =>
      new Promise<void>((done) =>
        connect(4600, '127.0.0.1')
          .on('error', () => done())
          .on('connect', function (this: import('node:net').Socket) {
            this.destroy();
            done();
          }),
      ),
  );
  return {
    name: 'SBI discovery over ports 4501-4600, no device present',
    value: median(full),
    unit: 'ms',
    baseline: { name: 'one refused TCP connect', value: median(refused) },
    target: '< 1500 ms',
  };
}

function bareCapture(port: number, previousHash: string): Promise<void> {
  const body = JSON.stringify({
    env: 'Developer',
    purpose: 'Registration',
    specVersion: '0.9.5',
    timeout: 10_000,
    captureTime: new Date().toISOString(),
    transactionId: uuidv7(),
    bio: [
      {
        type: 'Finger',
        count: 4,
        bioSubType: ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'],
        exception: [],
        requestedScore: 40,
        deviceId: '1',
        deviceSubId: 1,
        previousHash,
      },
    ],
    customOpts: null,
  });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'RCAPTURE',
        path: '/capture',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve());
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function captureOverhead(): Promise<BenchResult> {
  const DELAY = 200;
  const sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', String(DELAY), '--devices', 'finger'] });
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-bio-'));
  const core = Core.open({ dataDir });
  const installed = installBiometrics(core, { keyWrapper: new KeyFileWrapper(dataDir), sbi: { ports: [sim.port, sim.port] } });
  try {
    const setup = await dispatch(core, 'setup.initialize', {
      officeCode: 'banyumanik',
      workstationName: 'LOKET-01',
      counterNumber: 1,
      language: 'id',
      admin: { username: 'admin', fullName: 'Admin Bench', password: 'Kantor-Loket-2026' },
    });
    if (!setup.ok) throw new Error(setup.error.message);
    const login = await dispatch(core, 'auth.login', { username: 'admin', password: 'Kantor-Loket-2026' });
    if (!login.ok) throw new Error(login.error.message);
    const token = (login.value as { sessionToken: string }).sessionToken;
    const loket = await timeRuns(
      12,
      async () => {
        const applicationId = uuidv7();
        insertApplication(core.db, applicationId);
        const r = await dispatch(core, 'biometrics.capture', { applicationId, modality: 'leftSlap' }, { sessionToken: token });
        if (!r.ok) throw new Error(r.error.message);
      },
      2,
    );
    const bare = await timeRuns(12, () => bareCapture(sim.port, ''), 2);
    return {
      name: `left-slap capture through core (verify JWS + hash chain, encrypt, store), minus the device's ${DELAY} ms`,
      value: median(loket) - DELAY,
      unit: 'ms',
      baseline: { name: 'bare RCAPTURE round trip to the simulator, minus the same delay', value: median(bare) - DELAY },
      target: '< 50 ms',
    };
  } finally {
    await installed.close();
    core.close();
    rmSync(dataDir, { recursive: true, force: true });
    await sim.stop();
  }
}

function throughput(): BenchResult[] {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-kek-'));
  const vault = new BlobVault(new KeyFileWrapper(dir));
  const { dataKey } = vault.create();
  const fakeDb = {} as Db;
  vault.remember(fakeDb, dataKey);
  const out: BenchResult[] = [];
  for (const size of [64 * 1024, 4 * 1024 * 1024]) {
    const plain = randomBytes(size);
    const recordId = uuidv7();
    const runs = size > 1e6 ? 80 : 400;
    let sealed = vault.seal(dataKey, recordId, plain);
    const [seal, bareSeal] = pairedRuns(
      runs,
      () => (sealed = vault.seal(dataKey, recordId, plain)),
      () => {
        const c = createCipheriv('aes-256-gcm', dataKey.key, randomBytes(12));
        Buffer.concat([c.update(plain), c.final()]);
        c.getAuthTag();
      },
    );
    const nonce = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', dataKey.key, nonce);
    const ct = Buffer.concat([c.update(plain), c.final()]);
    const tag = c.getAuthTag();
    const [open, bareOpen] = pairedRuns(
      runs,
      () => vault.open(fakeDb, recordId, sealed),
      () => {
        const d = createDecipheriv('aes-256-gcm', dataKey.key, nonce);
        d.setAuthTag(tag);
        Buffer.concat([d.update(ct), d.final()]);
      },
    );
    const mbps = (ms: number) => size / 1024 / 1024 / (ms / 1000);
    const label = size > 1e6 ? '4 MB' : '64 KB';
    out.push({
      name: `vault encrypt, ${label} blob`,
      value: mbps(seal),
      unit: 'MB/s',
      baseline: { name: 'bare node:crypto AES-256-GCM, same buffer', value: mbps(bareSeal) },
    });
    out.push({
      name: `vault decrypt, ${label} blob`,
      value: mbps(open),
      unit: 'MB/s',
      baseline: { name: 'bare node:crypto AES-256-GCM, same buffer', value: mbps(bareOpen) },
    });
  }
  rmSync(dir, { recursive: true, force: true });
  return out;
}

/** Alternates the two so garbage collection and CPU contention fall on both alike; returns both medians (ms). */
function pairedRuns(runs: number, a: () => unknown, b: () => unknown): [number, number] {
  for (let i = 0; i < 5; i++) {
    a();
    b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t0 = performance.now();
    a();
    ta.push(performance.now() - t0);
    t0 = performance.now();
    b();
    tb.push(performance.now() - t0);
  }
  return [median(ta), median(tb)];
}

export async function run(): Promise<BenchResult[]> {
  return [await discovery(), await captureOverhead(), ...throughput()];
}
