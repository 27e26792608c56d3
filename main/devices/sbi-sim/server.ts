// The simulated SBI 0.9.5 device service: a fingerprint slap scanner, a double-iris camera and a face
// camera behind one port, speaking MOSIPDISC, MOSIPDINFO, RCAPTURE and STREAM over a raw TCP socket,
// signing like a registered device, with knobs for quality, delay, state and faults (POST /control).
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo, Server, Socket } from 'node:net';
import { MODALITY_SPECS, MODALITIES, type BioSubType, type Modality } from '@common/domain/biometrics/modalities.js';
import { chainHash } from '../sbi/hash-chain.js';
import { isoFor, previewFrames } from './assets.js';
import { DEFAULT_SIM_CONFIG, SimControlSchema, type SimConfig } from './config.js';
import { createRawHttpServer, type RawRequest, type RawResponse } from './raw-http.js';

type Kind = 'finger' | 'iris' | 'face';

interface SimDevice {
  kind: Kind;
  deviceId: string;
  type: 'Finger' | 'Iris' | 'Face';
  deviceSubType: string;
  deviceSubId: number[];
  serialNo: string;
  model: string;
  busy: boolean;
}

export interface SimulatorOptions {
  port?: number;
  /** Try each port of this range until one is free (discovery only looks in 4501-4600). */
  portRange?: readonly [number, number];
  devices?: readonly Kind[];
  config?: Partial<SimConfig>;
}

export interface RunningSimulatorServer {
  port: number;
  config: SimConfig;
  close(): Promise<void>;
}

const b64u = (b: Uint8Array | string) => Buffer.from(b).toString('base64url');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TRANSACTION_ID = /^[A-Za-z0-9-]{4,50}$/;

export async function startSimulatorServer(opts: SimulatorOptions = {}): Promise<RunningSimulatorServer> {
  const config: SimConfig = { ...DEFAULT_SIM_CONFIG, ...opts.config };
  const kinds = opts.devices ?? (['finger', 'iris', 'face'] as const);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  let port = 0;
  const sockets = new Set<Socket>();

  const devices: SimDevice[] = kinds.map((kind, i) => ({
    kind,
    deviceId: String(i + 1),
    type: kind === 'finger' ? 'Finger' : kind === 'iris' ? 'Iris' : 'Face',
    deviceSubType: kind === 'finger' ? 'Slap' : kind === 'iris' ? 'Double' : 'Full face',
    deviceSubId: kind === 'finger' ? [1, 2, 3] : kind === 'iris' ? [3] : [0],
    serialNo: `LKSIM-${kind.toUpperCase()}-0001`,
    model: kind === 'finger' ? 'SimSlap 4-4-2' : kind === 'iris' ? 'SimIris Duo' : 'SimFace ICAO',
    busy: false,
  }));

  const jws = (payload: unknown, key: KeyObject = privateKey): string => {
    const head = b64u(JSON.stringify({ alg: 'RS256', typ: 'JWT', jwk }));
    const body = b64u(JSON.stringify(payload));
    return `${head}.${body}.${b64u(sign('sha256', Buffer.from(`${head}.${body}`), key))}`;
  };
  const digitalIdOf = (d: SimDevice) => ({
    serialNo: d.serialNo,
    make: 'Loket Simulator',
    model: d.model,
    type: d.type,
    deviceSubType: d.deviceSubType,
    deviceProvider: 'Loket',
    deviceProviderId: 'LOKET-SIM',
    dateTime: new Date().toISOString(),
  });
  const statusOf = (d: SimDevice): string => (!config.registered ? 'Not Registered' : d.busy ? 'Busy' : config.status);
  const infoOf = (d: SimDevice) => ({
    specVersion: ['0.9.5'],
    env: 'Developer',
    digitalId: config.registered ? jws(digitalIdOf(d)) : b64u(JSON.stringify(digitalIdOf(d))),
    deviceId: d.deviceId,
    deviceCode: `SIM-${d.deviceId}`,
    purpose: 'Registration',
    serviceVersion: '0.9.5-sim',
    deviceStatus: statusOf(d),
    firmware: 'sim-1.0',
    certification: 'L0',
    deviceSubId: d.deviceSubId.map(String),
    callbackId: `http://127.0.0.1:${port}/`,
  });

  /** The current fault, used up once per request when it is one-shot. */
  const takeFault = (...applies: Array<SimConfig['fault']>): SimConfig['fault'] => {
    const f = config.fault;
    if (!f || !applies.includes(f)) return null;
    if (config.faultTimes > 0 && --config.faultTimes === 0) config.fault = null;
    return f;
  };
  const sbiError = (res: RawResponse, code: number, info: string) =>
    res.json(200, { biometrics: [{ specVersion: '0.9.5', data: '', hash: '', error: { errorCode: String(code), errorInfo: info } }] });

  async function capture(req: RawRequest, res: RawResponse): Promise<void> {
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown>;
    } catch {
      return sbiError(res, 501, 'request is not JSON');
    }
    const bio = (Array.isArray(body.bio) ? body.bio[0] : undefined) as Record<string, unknown> | undefined;
    const transactionId = String(body.transactionId ?? '');
    if (!TRANSACTION_ID.test(transactionId)) return sbiError(res, 112, 'invalid transactionId');
    const dev = devices.find((d) => d.deviceId === String(bio?.deviceId));
    if (!bio || !dev) return sbiError(res, 106, 'device not found');
    if (!config.registered) return sbiError(res, 100, 'device not registered');
    if (dev.busy || config.status === 'Busy') return sbiError(res, 111, 'device busy');
    if (config.status === 'Not Ready') return sbiError(res, 110, 'device not ready');
    const subId = Number(bio.deviceSubId);
    const modality = MODALITIES.find((m) => MODALITY_SPECS[m].bioType === dev.type && MODALITY_SPECS[m].deviceSubId === subId);
    if (!modality || !dev.deviceSubId.includes(subId)) return sbiError(res, 109, 'deviceSubId not supported');
    const spec = MODALITY_SPECS[modality];
    const exceptions = new Set((Array.isArray(bio.exception) ? bio.exception : []).map(String));
    const asked =
      spec.bioType === 'Face'
        ? ['Face']
        : Array.isArray(bio.bioSubType) && bio.bioSubType.length
          ? bio.bioSubType.map(String)
          : [...spec.subTypes];
    const subTypes = asked.filter((s) => !exceptions.has(s)) as BioSubType[];
    if (
      subTypes.some((s) => !spec.subTypes.includes(s)) ||
      subTypes.length === 0 ||
      Number(bio.count ?? subTypes.length) !== subTypes.length
    ) {
      return sbiError(res, 109, 'count or bioSubType not supported');
    }
    const fault = takeFault('malformedJson', 'brokenHash', 'timeout', 'disconnect', 'badSignature', 'noBiometric');
    dev.busy = true;
    try {
      const timeout = Number(body.timeout ?? 40_000);
      await sleep(Math.min(config.delayMs, Number.isFinite(timeout) ? timeout : 40_000));
      if (fault === 'timeout') {
        // Hold the connection without answering until the client gives up.
        await new Promise<void>((done) => res.socket.once('close', () => done()));
        return;
      }
      if (res.closed) return;
      if (fault === 'noBiometric') return sbiError(res, 101, 'no biometric detected');
      let prev = typeof bio.previousHash === 'string' ? bio.previousHash : '';
      const now = Date.now();
      const digitalId = jws(digitalIdOf(dev));
      const elements = subTypes.map((sub, i) => {
        const quality = config.qualities[sub] ?? config.quality;
        const iso = isoFor(spec.bioType, sub, quality, now);
        let hash = chainHash(prev, iso);
        prev = hash;
        if (fault === 'brokenHash' && i === Math.min(1, subTypes.length - 1)) hash = chainHash('', iso.subarray(1));
        const payload = {
          digitalId,
          deviceCode: `SIM-${dev.deviceId}`,
          deviceServiceVersion: '0.9.5-sim',
          bioType: spec.bioType,
          bioSubType: spec.bioType === 'Face' ? '' : sub,
          purpose: 'Registration',
          env: 'Developer',
          bioValue: b64u(iso),
          transactionId,
          timestamp: new Date(now).toISOString(),
          requestedScore: String(bio.requestedScore ?? ''),
          qualityScore: String(Math.round(quality)),
        };
        let data = jws(payload);
        if (fault === 'badSignature') {
          const [h, , s] = data.split('.');
          data = `${h}.${b64u(JSON.stringify({ ...payload, qualityScore: '99' }))}.${s}`;
        }
        return { specVersion: '0.9.5', data, hash, error: { errorCode: '0', errorInfo: 'Success' } };
      });
      const text = JSON.stringify({ biometrics: elements });
      if (fault === 'malformedJson') return res.send(200, 'application/json', text.slice(0, Math.floor(text.length / 2)));
      if (fault === 'disconnect') {
        res.head(200, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 3)));
        setTimeout(() => res.socket.destroy(), 20);
        return;
      }
      res.send(200, 'application/json', text);
    } finally {
      dev.busy = false;
    }
  }

  async function stream(req: RawRequest, res: RawResponse): Promise<void> {
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(req.body.toString('utf8') || '{}') as Record<string, unknown>;
    } catch {
      return res.json(200, { error: { errorCode: '501', errorInfo: 'request is not JSON' } });
    }
    const dev = devices.find((d) => d.deviceId === String(body.deviceId));
    if (!dev) return res.json(200, { error: { errorCode: '106', errorInfo: 'device not found' } });
    if (config.status === 'Not Ready') return res.json(200, { error: { errorCode: '110', errorInfo: 'device not ready' } });
    const subId = Number(body.deviceSubId ?? dev.deviceSubId[0]);
    const modality: Modality =
      MODALITIES.find((m) => MODALITY_SPECS[m].bioType === dev.type && MODALITY_SPECS[m].deviceSubId === subId) ?? 'face';
    const fault = takeFault('disconnectStream');
    const frames = previewFrames(modality, config.quality);
    const until = Date.now() + Math.min(Number(body.timeout ?? 60_000) || 60_000, 600_000);
    res.head(200, { 'Content-Type': 'multipart/x-mixed-replace; boundary=mosipframe', 'Cache-Control': 'no-cache' });
    for (let n = 0; !res.closed && Date.now() < until; n++) {
      const f = frames[n % frames.length]!;
      res.write(`--mosipframe\r\nContent-Type: image/jpeg\r\nContent-Length: ${f.length}\r\n\r\n`);
      res.write(f);
      res.write('\r\n');
      if (fault === 'disconnectStream' && n === 2) {
        res.socket.destroy();
        return;
      }
      await sleep(1000 / config.fps);
    }
    if (!res.closed) res.socket.end('--mosipframe--\r\n');
  }

  async function handle(req: RawRequest, res: RawResponse): Promise<void> {
    const path = req.path.split('?')[0];
    if (req.method === 'MOSIPDISC' && path === '/device') {
      let type = 'Biometric Device';
      try {
        type = String((JSON.parse(req.body.toString('utf8') || '{}') as { type?: string }).type ?? type);
      } catch {
        /* a bad discovery body is treated as "any device", as devices in the field do */
      }
      const items = devices
        .filter((d) => type === 'Biometric Device' || type === d.type)
        .map((d) => {
          const { digitalId: _signed, ...rest } = infoOf(d);
          return { ...rest, digitalId: b64u(JSON.stringify(digitalIdOf(d))), error: { errorCode: '0', errorInfo: 'Success' } };
        });
      return res.json(200, items);
    }
    if (req.method === 'MOSIPDINFO' && path === '/info') {
      return res.json(
        200,
        devices.map((d) => ({
          deviceInfo: config.registered ? jws(infoOf(d)) : b64u(JSON.stringify(infoOf(d))),
          error: { errorCode: '0', errorInfo: 'Success' },
        })),
      );
    }
    if (req.method === 'RCAPTURE' && path === '/capture') return capture(req, res);
    if (req.method === 'STREAM' && path === '/stream') return stream(req, res);
    if (path === '/control' && req.method === 'GET') return res.json(200, config);
    if (path === '/control' && req.method === 'POST') {
      let update: unknown;
      try {
        update = JSON.parse(req.body.toString('utf8'));
      } catch {
        return res.json(400, { error: 'not JSON' });
      }
      const parsed = SimControlSchema.safeParse(update);
      if (!parsed.success) return res.json(400, { error: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
      Object.assign(config, parsed.data);
      return res.json(200, config);
    }
    return res.json(404, { error: { errorCode: '500', errorInfo: `no ${req.method} ${path}` } });
  }

  const server = createRawHttpServer(handle);
  port = await listen(server, opts);
  return {
    port,
    config,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        // Streams and held (timeout-fault) connections would keep close() waiting.
        for (const s of sockets) s.destroy();
      }),
  };

  function listen(srv: Server, o: SimulatorOptions): Promise<number> {
    srv.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    const candidates = o.portRange
      ? Array.from({ length: o.portRange[1] - o.portRange[0] + 1 }, (_, i) => o.portRange![1] - i)
      : [o.port ?? 0];
    return (async () => {
      for (const p of candidates) {
        const ok = await new Promise<boolean>((resolve) => {
          const onError = () => resolve(false);
          srv.once('error', onError);
          srv.listen(p, '127.0.0.1', () => {
            srv.off('error', onError);
            resolve(true);
          });
        });
        if (ok) return (srv.address() as AddressInfo).port;
      }
      throw new Error('No free port for the SBI simulator');
    })();
  }
}
