// The SBI 0.9.5 client: discovery across 127.0.0.1:4501-4600, MOSIPDINFO, RCAPTURE with signature,
// transaction and hash-chain checks, and STREAM.
//
// Trust model (simplified): the key that signs a device's MOSIPDINFO is pinned
// for that port and deviceId, and every capture must be signed by that same key. Real deployments
// should also check the x5c chain up to the MOSIP device CA (pass `trustedKeyIds` to accept only known
// device keys); this client does not walk certificate chains.
import type { DeviceView } from '@common/contract/biometrics.js';
import { MODALITY_SPECS, SBI_PORT_FIRST, SBI_PORT_LAST, type BioSubType, type Modality } from '@common/domain/biometrics/modalities.js';
import { deviceErrorDetails, kindForSbiCode } from '@common/domain/biometrics/errors.js';
import {
  deviceError,
  type CaptureRequest,
  type CaptureResult,
  type CapturedItem,
  type PreviewHandle,
  type PreviewSink,
} from '@main/core/biometrics/port.js';
import { chainHash, isHashHex } from './hash-chain.js';
import { parseJson, sbiCall, sbiOpen } from './http.js';
import { b64url, jsonPayload, verifyJws } from './jws.js';
import { boundaryOf, MjpegParser } from './mjpeg.js';
import { CapturePayload, CaptureResponse, DeviceInfo, DeviceInfoResponse, DigitalId, DiscoveryItem, SbiError } from './schemas.js';
import { z } from 'zod';

export interface SbiClientOptions {
  ports?: readonly [number, number];
  /** Per port, connect to last byte; every port is tried at once. */
  discoveryTimeoutMs?: number;
  /** How long past the RCAPTURE timeout to wait for the device's own timeout answer. */
  captureGraceMs?: number;
  /** When set, only devices whose signing key (SHA-256 of SPKI DER, hex) is listed count as registered. */
  trustedKeyIds?: ReadonlySet<string>;
}

export interface KnownDevice {
  port: number;
  deviceId: string;
  env: string;
  digitalId: DigitalId;
  /** The pinned signing key; null for an unregistered (unsigned) device, which may not capture. */
  keyId: string | null;
  view: DeviceView;
}

function modalitiesOf(type: string, subIds: number[]): Modality[] {
  if (type === 'Finger') {
    const bySub: Record<number, Modality> = { 1: 'leftSlap', 2: 'rightSlap', 3: 'thumbs' };
    return subIds.map((s) => bySub[s]).filter((m): m is Modality => m !== undefined);
  }
  if (type === 'Iris') return ['iris'];
  if (type === 'Face') return ['face'];
  return [];
}

async function decodeDigitalId(raw: string): Promise<DigitalId> {
  const json =
    raw.split('.').length === 3
      ? jsonPayload(await verifyJws(raw))
      : (() => {
          try {
            return JSON.parse(b64url(raw).toString('utf8')) as unknown;
          } catch {
            throw deviceError('malformed', { info: 'digitalId is not JSON' });
          }
        })();
  const parsed = DigitalId.safeParse(json);
  if (!parsed.success) throw deviceError('malformed', { info: 'digitalId fields' });
  return parsed.data;
}

export class SbiClient {
  readonly ports: readonly [number, number];
  private readonly discoveryTimeoutMs: number;
  private readonly captureGraceMs: number;

  constructor(private readonly opts: SbiClientOptions = {}) {
    this.ports = opts.ports ?? [SBI_PORT_FIRST, SBI_PORT_LAST];
    this.discoveryTimeoutMs = opts.discoveryTimeoutMs ?? 800;
    this.captureGraceMs = opts.captureGraceMs ?? 3000;
  }

  /** MOSIPDISC on every port in parallel; ports that answer are asked MOSIPDINFO. Silent ports are skipped. */
  async discover(): Promise<KnownDevice[]> {
    const [first, last] = this.ports;
    const ports = Array.from({ length: last - first + 1 }, (_, i) => first + i);
    const found = await Promise.all(
      ports.map(async (port) => {
        try {
          const res = await sbiCall({
            port,
            method: 'MOSIPDISC',
            path: '/device',
            body: { type: 'Biometric Device' },
            timeoutMs: this.discoveryTimeoutMs,
          });
          const items = z.array(DiscoveryItem).safeParse(parseJson(res));
          if (!items.success || items.data.length === 0) return [];
          return await this.deviceInfo(port);
        } catch {
          return [];
        }
      }),
    );
    return found.flat();
  }

  async deviceInfo(port: number): Promise<KnownDevice[]> {
    const res = await sbiCall({ port, method: 'MOSIPDINFO', path: '/info', body: {}, timeoutMs: this.discoveryTimeoutMs * 2 });
    const list = DeviceInfoResponse.safeParse(parseJson(res));
    if (!list.success) throw deviceError('malformed', { info: 'MOSIPDINFO shape' });
    const out: KnownDevice[] = [];
    for (const entry of list.data) {
      if (!entry.deviceInfo) continue;
      let keyId: string | null = null;
      let json: unknown;
      if (entry.deviceInfo.split('.').length === 3) {
        const jws = await verifyJws(entry.deviceInfo);
        keyId = jws.keyId;
        json = jsonPayload(jws);
      } else {
        try {
          json = JSON.parse(b64url(entry.deviceInfo).toString('utf8'));
        } catch {
          throw deviceError('malformed', { info: 'deviceInfo is not JSON' });
        }
      }
      const info = DeviceInfo.safeParse(json);
      if (!info.success) throw deviceError('malformed', { info: 'deviceInfo fields' });
      const digitalId = await decodeDigitalId(info.data.digitalId);
      const trusted = keyId !== null && (!this.opts.trustedKeyIds || this.opts.trustedKeyIds.has(keyId));
      const status = trusted ? info.data.deviceStatus : 'Not Registered';
      out.push({
        port,
        deviceId: info.data.deviceId,
        env: info.data.env,
        digitalId,
        keyId: trusted ? keyId : null,
        view: {
          deviceId: info.data.deviceId,
          port,
          bioType: digitalId.type === 'Biometric Device' ? 'Finger' : digitalId.type,
          deviceSubType: digitalId.deviceSubType,
          modalities: modalitiesOf(digitalId.type, info.data.deviceSubId),
          status,
          make: digitalId.make,
          model: digitalId.model,
          serialNo: digitalId.serialNo,
          certification: info.data.certification,
          serviceVersion: info.data.serviceVersion,
        },
      });
    }
    return out;
  }

  /**
   * One RCAPTURE. Nothing is returned unless every element verifies: device error codes, signature by
   * the pinned key, transaction id, bio type and subtypes, and the hash chain from req.previousHash.
   */
  async capture(dev: KnownDevice, req: CaptureRequest): Promise<CaptureResult> {
    if (!dev.keyId) throw deviceError('notRegistered');
    const spec = MODALITY_SPECS[req.modality];
    const body = {
      env: dev.env,
      purpose: 'Registration',
      specVersion: '0.9.5',
      timeout: req.timeoutMs,
      captureTime: new Date().toISOString(),
      transactionId: req.transactionId,
      bio: [
        {
          type: spec.bioType,
          count: req.subTypes.length,
          bioSubType: spec.bioType === 'Face' ? [] : req.subTypes,
          exception: req.exceptions,
          requestedScore: req.requestedScore,
          deviceId: dev.deviceId,
          deviceSubId: spec.deviceSubId,
          previousHash: req.previousHash,
        },
      ],
      customOpts: null,
    };
    const res = await sbiCall({
      port: dev.port,
      method: 'RCAPTURE',
      path: '/capture',
      body,
      timeoutMs: req.timeoutMs + this.captureGraceMs,
    });
    const parsed = CaptureResponse.safeParse(parseJson(res));
    if (!parsed.success) throw deviceError('malformed', { info: 'RCAPTURE shape' });
    const elements = parsed.data.biometrics;
    for (const el of elements) {
      const code = el.error?.errorCode ?? 0;
      if (code !== 0) throw deviceError(kindForSbiCode(code), { sbiCode: code, info: el.error?.errorInfo ?? undefined });
    }
    if (elements.length !== req.subTypes.length) {
      throw deviceError('mismatch', { info: `asked ${req.subTypes.length} items, got ${elements.length}` });
    }
    let prev = req.previousHash;
    const seen = new Set<BioSubType>();
    const items: CapturedItem[] = [];
    for (const el of elements) {
      if (el.specVersion && el.specVersion !== '0.9.5') throw deviceError('mismatch', { info: `specVersion ${el.specVersion}` });
      if (!el.data) throw deviceError('malformed', { info: 'element without data' });
      const jws = await verifyJws(el.data);
      if (jws.keyId !== dev.keyId) throw deviceError('signature', { info: 'signed by a key other than the device’s' });
      const payload = CapturePayload.safeParse(jsonPayload(jws));
      if (!payload.success) throw deviceError('malformed', { info: 'capture payload fields' });
      const p = payload.data;
      if (p.transactionId !== req.transactionId) throw deviceError('mismatch', { info: 'transactionId' });
      if (p.bioType !== spec.bioType) throw deviceError('mismatch', { info: `bioType ${p.bioType}` });
      const sub = (spec.bioType === 'Face' ? 'Face' : p.bioSubType) as BioSubType;
      if (!req.subTypes.includes(sub) || seen.has(sub)) throw deviceError('mismatch', { info: `bioSubType ${String(p.bioSubType)}` });
      seen.add(sub);
      const iso = b64url(p.bioValue);
      const expected = chainHash(prev, iso);
      if (!isHashHex(el.hash) || el.hash.toUpperCase() !== expected)
        throw deviceError('hashChain', { info: `element ${items.length + 1}` });
      prev = expected;
      items.push({ bioType: p.bioType, bioSubType: sub, quality: p.qualityScore, iso, hash: expected });
    }
    return { deviceId: dev.deviceId, serialNo: dev.digitalId.serialNo, transactionId: req.transactionId, items, lastHash: prev };
  }

  /** STREAM: resolves once frames flow; the sink hears every frame and how the stream ended. */
  async stream(dev: KnownDevice, modality: Modality, sink: PreviewSink, timeoutMs: number): Promise<PreviewHandle> {
    const body = { deviceId: dev.deviceId, deviceSubId: MODALITY_SPECS[modality].deviceSubId, timeout: timeoutMs };
    const { res, abort } = await sbiOpen({ port: dev.port, method: 'STREAM', path: '/stream', body, timeoutMs });
    const boundary = boundaryOf(String(res.headers['content-type'] ?? ''));
    if (res.statusCode !== 200 || !boundary) {
      const chunks: Buffer[] = [];
      for await (const c of res) chunks.push(c as Buffer);
      abort();
      const err = z.object({ error: SbiError }).safeParse(
        (() => {
          try {
            return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
          } catch {
            return undefined;
          }
        })(),
      );
      if (err.success && err.data.error.errorCode !== 0)
        throw deviceError(kindForSbiCode(err.data.error.errorCode), { sbiCode: err.data.error.errorCode });
      throw deviceError('malformed', { info: 'STREAM did not answer multipart' });
    }
    let stopped = false;
    const parser = new MjpegParser(boundary, (f) => {
      if (!stopped) sink.frame(f.body, f.type);
    });
    res.on('data', (c: Buffer) => {
      try {
        parser.push(c);
      } catch {
        stopped = true;
        abort();
        sink.end('error', deviceErrorDetails('malformed', { info: 'MJPEG part too large' }));
      }
    });
    res.on('close', () => {
      if (stopped) return;
      stopped = true;
      // Without a Content-Length the body ends when the socket does: only the closing delimiter tells an
      // intended end from a dropped connection.
      if (parser.finished) sink.end('ended');
      else sink.end('error', deviceErrorDetails('disconnected', { info: 'stream closed' }));
    });
    return {
      stop: () => {
        stopped = true;
        abort();
      },
    };
  }
}
