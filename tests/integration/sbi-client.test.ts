// The SBI client against the simulator running as its own process, speaking the protocol over TCP.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '@common/contract/result.js';
import type { CaptureRequest } from '@main/core/biometrics/port.js';
import { SbiClient, type KnownDevice } from '@main/devices/sbi/client.js';
import { chainHash } from '@main/devices/sbi/hash-chain.js';
import { startSimulatorProcess, type SimulatorProcess } from '@main/devices/sbi-sim/process.js';
import { DEFAULT_SIM_CONFIG } from '@main/devices/sbi-sim/config.js';

let sim: SimulatorProcess;
let client: SbiClient;
let devices: KnownDevice[];
const finger = () => devices.find((d) => d.view.bioType === 'Finger')!;
const irisDev = () => devices.find((d) => d.view.bioType === 'Iris')!;

beforeAll(async () => {
  sim = await startSimulatorProcess({ args: ['--port', '0', '--delay', '20'] });
  client = new SbiClient({ ports: [sim.port, sim.port], captureGraceMs: 300 });
  devices = await client.discover();
});
afterAll(() => sim.stop());
beforeEach(async () => {
  await sim.control({ ...DEFAULT_SIM_CONFIG, delayMs: 20 });
});

let tx = 0;
const slap = (over: Partial<CaptureRequest> = {}): CaptureRequest => ({
  modality: 'leftSlap',
  subTypes: ['Left IndexFinger', 'Left MiddleFinger', 'Left RingFinger', 'Left LittleFinger'],
  exceptions: [],
  requestedScore: 40,
  timeoutMs: 5000,
  previousHash: '',
  transactionId: `test-${++tx}`,
  ...over,
});

async function deviceFault(p: Promise<unknown>): Promise<{ deviceError: string; sbiCode?: number }> {
  try {
    await p;
  } catch (err) {
    if (err instanceof AppError && err.code === 'DEVICE') return err.details as { deviceError: string; sbiCode?: number };
    throw err;
  }
  throw new Error('expected a device fault');
}

describe('discovery and device info', () => {
  it('finds the slap scanner, the iris camera and the face camera with their modalities', () => {
    expect(devices.map((d) => [d.view.bioType, d.view.deviceSubType, d.view.modalities, d.view.status])).toEqual([
      ['Finger', 'Slap', ['leftSlap', 'rightSlap', 'thumbs'], 'Ready'],
      ['Iris', 'Double', ['iris'], 'Ready'],
      ['Face', 'Full face', ['face'], 'Ready'],
    ]);
    expect(devices.every((d) => d.keyId && d.port === sim.port && d.digitalId.serialNo.startsWith('LKSIM'))).toBe(true);
  });

  it('finds nothing, without error, on ports where no device listens', async () => {
    expect(await new SbiClient({ ports: [sim.port + 1, sim.port + 8] }).discover()).toEqual([]);
  });

  it('reports a device as Busy while it captures and as unregistered when unsigned', async () => {
    await sim.control({ delayMs: 400 });
    const running = client.capture(finger(), slap());
    await vi.waitFor(async () => expect((await client.deviceInfo(sim.port)).find((d) => d.deviceId === '1')?.view.status).toBe('Busy'), {
      timeout: 5_000,
    });
    await running;
    await sim.control({ registered: false });
    const unregistered = await client.deviceInfo(sim.port);
    expect(unregistered.every((d) => d.view.status === 'Not Registered' && d.keyId === null)).toBe(true);
    expect((await deviceFault(client.capture(unregistered[0]!, slap()))).deviceError).toBe('notRegistered');
  });

  it('accepts only listed device keys when a trust list is given', async () => {
    const strict = new SbiClient({ ports: [sim.port, sim.port], trustedKeyIds: new Set(['0'.repeat(64)]) });
    expect((await strict.discover()).map((d) => d.view.status)).toEqual(['Not Registered', 'Not Registered', 'Not Registered']);
    const trusting = new SbiClient({ ports: [sim.port, sim.port], trustedKeyIds: new Set([finger().keyId!]) });
    expect((await trusting.discover()).map((d) => d.view.status)).toEqual(['Ready', 'Ready', 'Ready']);
  });
});

describe('RCAPTURE', () => {
  it('returns verified items whose hashes chain from previousHash, across modalities', async () => {
    await sim.control({ qualities: { 'Left RingFinger': 33 } });
    const a = await client.capture(finger(), slap());
    expect(a.items.map((i) => [i.bioSubType, i.quality])).toEqual([
      ['Left IndexFinger', 72],
      ['Left MiddleFinger', 72],
      ['Left RingFinger', 33],
      ['Left LittleFinger', 72],
    ]);
    let prev = '';
    for (const item of a.items) {
      prev = chainHash(prev, item.iso);
      expect(item.hash).toBe(prev);
      expect(Buffer.from(item.iso.subarray(0, 3)).toString()).toBe('FIR');
    }
    expect(a.lastHash).toBe(prev);
    const b = await client.capture(irisDev(), slap({ modality: 'iris', subTypes: ['Left', 'Right'], previousHash: a.lastHash }));
    expect(b.items[0]!.hash).toBe(chainHash(a.lastHash, b.items[0]!.iso));
  });

  it('leaves exceptions out of the request and the answer', async () => {
    const r = await client.capture(
      finger(),
      slap({ subTypes: ['Left IndexFinger', 'Left LittleFinger'], exceptions: ['Left MiddleFinger', 'Left RingFinger'] }),
    );
    expect(r.items.map((i) => i.bioSubType)).toEqual(['Left IndexFinger', 'Left LittleFinger']);
  });

  it.each([
    ['malformedJson', 'malformed'],
    ['brokenHash', 'hashChain'],
    ['badSignature', 'signature'],
    ['disconnect', 'disconnected'],
    ['noBiometric', 'noBiometric'],
    ['timeout', 'timeout'],
  ] as const)('turns the %s fault into a clear %s error, and the retry works', async (fault, kind) => {
    await sim.control({ fault, faultTimes: 1 });
    expect((await deviceFault(client.capture(finger(), slap({ timeoutMs: 1000 })))).deviceError).toBe(kind);
    expect((await client.capture(finger(), slap())).items).toHaveLength(4);
  });

  it('maps busy and not-ready devices to their SBI codes', async () => {
    await sim.control({ status: 'Busy' });
    expect(await deviceFault(client.capture(finger(), slap()))).toMatchObject({ deviceError: 'busy', sbiCode: 111 });
    await sim.control({ status: 'Not Ready' });
    expect(await deviceFault(client.capture(finger(), slap()))).toMatchObject({ deviceError: 'notReady', sbiCode: 110 });
  });

  it('refuses a capture signed by a key other than the one the device announced', async () => {
    const other = await startSimulatorProcess({ args: ['--port', '0', '--delay', '0', '--devices', 'finger'] });
    try {
      const impostor: KnownDevice = { ...finger(), port: other.port };
      expect((await deviceFault(client.capture(impostor, slap()))).deviceError).toBe('signature');
    } finally {
      await other.stop();
    }
  });

  it('reports a device that is gone', async () => {
    const gone: KnownDevice = { ...finger(), port: sim.port + 9 };
    expect((await deviceFault(client.capture(gone, slap()))).deviceError).toBe('deviceNotFound');
  });
});

describe('STREAM', () => {
  it('delivers JPEG frames until stopped', async () => {
    const frames: Uint8Array[] = [];
    const ends: string[] = [];
    const handle = await client.stream(finger(), 'leftSlap', { frame: (f) => frames.push(f), end: (r) => ends.push(r) }, 10_000);
    await vi.waitFor(() => expect(frames.length).toBeGreaterThanOrEqual(4), { timeout: 10_000 });
    handle.stop();
    expect(frames.every((f) => f[0] === 0xff && f[1] === 0xd8 && f[f.length - 1] === 0xd9)).toBe(true);
    expect(ends).toEqual([]);
  });

  it('reports a stream that drops mid-way as disconnected', async () => {
    await sim.control({ fault: 'disconnectStream', faultTimes: 1 });
    const ended = new Promise<string | undefined>((resolve) => {
      void client.stream(
        irisDev(),
        'iris',
        { frame: () => undefined, end: (reason, err) => resolve(`${reason}:${err?.deviceError}`) },
        10_000,
      );
    });
    expect(await ended).toBe('error:disconnected');
  });
});
