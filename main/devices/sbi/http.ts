// HTTP/1.1 with SBI's custom verbs (MOSIPDISC, MOSIPDINFO, RCAPTURE, STREAM) to 127.0.0.1 only. Node's
// client sends any token as a method; only its server refuses them (the simulator parses raw sockets).
import { request, type IncomingMessage } from 'node:http';
import { deviceError } from '@main/core/biometrics/port.js';
import type { AppError } from '@common/contract/result.js';

export const SBI_HOST = '127.0.0.1';
/** A device's answer larger than this is not a capture, it is a fault. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

export interface SbiRequest {
  port: number;
  method: 'MOSIPDISC' | 'MOSIPDINFO' | 'RCAPTURE' | 'STREAM';
  path: string;
  body: unknown;
  /** The whole exchange, connect to last byte. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface SbiResponse {
  status: number;
  contentType: string;
  body: Buffer;
}

function faultOf(err: unknown, timedOut: boolean): AppError {
  if (timedOut) return deviceError('timeout');
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ECONNREFUSED') return deviceError('deviceNotFound', { info: 'connection refused' });
  return deviceError('disconnected', { info: code ?? (err instanceof Error ? err.message : String(err)) });
}

/** Opens the request and resolves with the response head; the caller consumes the body. */
export function sbiOpen(req: SbiRequest, onTimeout?: () => void): Promise<{ res: IncomingMessage; abort: () => void }> {
  const payload = Buffer.from(JSON.stringify(req.body));
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const r = request({
      host: SBI_HOST,
      port: req.port,
      method: req.method,
      path: req.path,
      agent: false,
      headers: { 'content-type': 'application/json', 'content-length': payload.length, connection: 'close' },
    });
    const timer = setTimeout(() => {
      timedOut = true;
      onTimeout?.();
      r.destroy();
    }, req.timeoutMs);
    timer.unref();
    const onAbort = () => r.destroy(new Error('aborted'));
    req.signal?.addEventListener('abort', onAbort, { once: true });
    r.on('error', (err) => {
      clearTimeout(timer);
      reject(faultOf(err, timedOut));
    });
    r.on('response', (res) => {
      resolve({
        res,
        abort: () => {
          clearTimeout(timer);
          req.signal?.removeEventListener('abort', onAbort);
          r.destroy();
        },
      });
      res.on('close', () => clearTimeout(timer));
    });
    r.end(payload);
  });
}

/** One request, the whole body read, within the timeout. Faults come back as AppError('DEVICE'). */
export async function sbiCall(req: SbiRequest): Promise<SbiResponse> {
  let timedOut = false;
  const { res, abort } = await sbiOpen(req, () => {
    timedOut = true;
  });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    res.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_RESPONSE_BYTES) {
        abort();
        reject(deviceError('malformed', { info: 'response too large' }));
        return;
      }
      chunks.push(c);
    });
    res.on('end', () => {
      abort();
      resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body: Buffer.concat(chunks) });
    });
    // 'aborted'/'error' on the response: the device went away mid-answer.
    res.on('error', (err) => reject(faultOf(err, timedOut)));
    res.on('close', () => {
      if (!res.complete) reject(faultOf(new Error('connection closed mid-response'), timedOut));
    });
  });
}

/** Parses a JSON body, turning anything unreadable into the 'malformed' device fault. */
export function parseJson(res: SbiResponse): unknown {
  if (res.status !== 200) throw deviceError('malformed', { info: `HTTP ${res.status}` });
  try {
    return JSON.parse(res.body.toString('utf8'));
  } catch {
    throw deviceError('malformed', { info: 'not JSON' });
  }
}
