import {
  constants,
  createHash,
  createHmac,
  createPrivateKey,
  generateKeyPairSync,
  sign,
  X509Certificate,
  type KeyObject,
} from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '@common/contract/result.js';
import { DEVICE_ERROR_KINDS, deviceErrorDetails, deviceErrorMessage, kindForSbiCode } from '@common/domain/biometrics/errors.js';
import { chainHash, CHAIN_START } from '@main/devices/sbi/hash-chain.js';
import { verifyJws } from '@main/devices/sbi/jws.js';
import { MjpegParser, boundaryOf, type MjpegFrame } from '@main/devices/sbi/mjpeg.js';
import { parseRequest, RawHttpError } from '@main/devices/sbi-sim/raw-http.js';
import { parseSimArgs } from '@main/devices/sbi-sim/cli.js';

const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest();
const deviceKind = async (fn: () => unknown): Promise<string> => {
  try {
    await fn();
  } catch (err) {
    if (err instanceof AppError && err.code === 'DEVICE') return (err.details as { deviceError: string }).deviceError;
    throw err;
  }
  return 'no error';
};

describe('SBI hash chain', () => {
  it('is SHA256(prevHashBytes || SHA256(iso)) in upper-case hex, starting from SHA256 of nothing', () => {
    const a = Buffer.from('first ISO record');
    const b = Buffer.from('second ISO record');
    const first = sha(Buffer.concat([sha(''), sha(a)]))
      .toString('hex')
      .toUpperCase();
    expect(CHAIN_START).toBe(sha('').toString('hex').toUpperCase());
    expect(chainHash('', a)).toBe(first);
    expect(chainHash(first, b)).toBe(
      sha(Buffer.concat([Buffer.from(first, 'hex'), sha(b)]))
        .toString('hex')
        .toUpperCase(),
    );
    expect(chainHash(first.toLowerCase(), b)).toBe(chainHash(first, b));
  });
});

describe('raw HTTP request parsing (custom verbs)', () => {
  it('reads a custom verb with a body that arrives in pieces', () => {
    const body = '{"type":"Biometric Device"}';
    const full = Buffer.from(`MOSIPDISC /device HTTP/1.1\r\nHost: 127.0.0.1:4501\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    expect(parseRequest(full.subarray(0, 20))).toBeUndefined();
    expect(parseRequest(full.subarray(0, full.length - 3))).toBeUndefined();
    const req = parseRequest(full)!;
    expect(req).toMatchObject({ method: 'MOSIPDISC', path: '/device', headers: { host: '127.0.0.1:4501' } });
    expect(JSON.parse(req.body.toString())).toEqual({ type: 'Biometric Device' });
  });

  it('reads a chunked body', () => {
    const req = parseRequest(
      Buffer.from('RCAPTURE /capture HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3\r\n:1}\r\n0\r\n\r\n'),
    )!;
    expect(req.method).toBe('RCAPTURE');
    expect(JSON.parse(req.body.toString())).toEqual({ a: 1 });
  });

  it('refuses a broken request line, a bad header and an oversized body', () => {
    expect(() => parseRequest(Buffer.from('NOT HTTP\r\n\r\n'))).toThrow(RawHttpError);
    expect(() => parseRequest(Buffer.from('STREAM /stream HTTP/1.1\r\nno colon\r\n\r\n'))).toThrow(RawHttpError);
    expect(() => parseRequest(Buffer.from('RCAPTURE /capture HTTP/1.1\r\nContent-Length: 99999999\r\n\r\n'))).toThrow(/too large/);
  });
});

describe('MJPEG stream parsing', () => {
  const frame = (n: number) => Buffer.from([0xff, 0xd8, n, n, n, 0xff, 0xd9]);
  const part = (b: Buffer, withLength: boolean) =>
    Buffer.concat([
      Buffer.from(`--mosipframe\r\nContent-Type: image/jpeg\r\n${withLength ? `Content-Length: ${b.length}\r\n` : ''}\r\n`),
      b,
      Buffer.from('\r\n'),
    ]);

  it('yields every frame whatever the chunking, with or without Content-Length', () => {
    for (const withLength of [true, false]) {
      const stream = Buffer.concat([
        part(frame(1), withLength),
        part(frame(2), withLength),
        part(frame(3), withLength),
        Buffer.from('--mosipframe--\r\n'),
      ]);
      for (const size of [1, 3, 17, stream.length]) {
        const got: MjpegFrame[] = [];
        const p = new MjpegParser(boundaryOf('multipart/x-mixed-replace; boundary=mosipframe')!, (f) => got.push(f));
        for (let i = 0; i < stream.length; i += size) p.push(stream.subarray(i, i + size));
        expect(got.map((f) => f.body)).toEqual([frame(1), frame(2), frame(3)]);
        expect(got.every((f) => f.type === 'image/jpeg')).toBe(true);
        expect(p.finished).toBe(true);
      }
    }
  });
});

describe('JWS verification', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  // A device with a certificate (what real devices send in x5c): tests/fixtures/sbi-device.pem.
  const devicePem = readFileSync(fileURLToPath(new URL('../fixtures/sbi-device.pem', import.meta.url)), 'utf8');
  const deviceKey = createPrivateKey(devicePem);
  const deviceCert = new X509Certificate(devicePem);
  const b64u = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64url');
  type Alg = 'RS256' | 'ES256' | 'PS256' | 'x5c';
  const signWith = (alg: Alg, input: string): Buffer => {
    const data = Buffer.from(input);
    if (alg === 'ES256') return sign('sha256', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' });
    if (alg === 'x5c') return sign('sha256', data, { key: deviceKey, dsaEncoding: 'ieee-p1363' });
    if (alg === 'PS256') return sign('sha256', data, { key: rsa.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    return sign('sha256', data, rsa.privateKey);
  };
  const headerFor = (alg: Alg) =>
    alg === 'x5c'
      ? { alg: 'ES256', x5c: [deviceCert.raw.toString('base64')] }
      : { alg, jwk: (alg === 'ES256' ? ec : rsa).publicKey.export({ format: 'jwk' }) };
  /** `rawPayload`: the payload part as written, base64url or not. */
  const token = (alg: Alg, payload: unknown, rawPayload?: string) => {
    const h = b64u(headerFor(alg));
    const p = rawPayload ?? b64u(payload);
    return `${h}.${p}.${signWith(alg, `${h}.${p}`).toString('base64url')}`;
  };
  const spkiHash = (key: KeyObject) =>
    createHash('sha256')
      .update(key.export({ type: 'spki', format: 'der' }))
      .digest('hex');

  it('verifies RS256, ES256 and PS256 tokens signed by the key in the header and names the key', async () => {
    const a = await verifyJws(token('RS256', { q: 1 }));
    const b = await verifyJws(token('ES256', { q: 2 }));
    const c = await verifyJws(token('PS256', { q: 3 }));
    expect(JSON.parse(a.payload.toString())).toEqual({ q: 1 });
    expect(JSON.parse(b.payload.toString())).toEqual({ q: 2 });
    expect(JSON.parse(c.payload.toString())).toEqual({ q: 3 });
    expect(a.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(a.keyId).toBe(spkiHash(rsa.publicKey));
    expect(a.keyId).not.toBe(b.keyId);
    expect((await verifyJws(token('RS256', { other: true }))).keyId).toBe(a.keyId);
  });

  it('verifies a token signed by the device certificate in x5c and pins the certificate key', async () => {
    const d = await verifyJws(token('x5c', { q: 4 }));
    expect(JSON.parse(d.payload.toString())).toEqual({ q: 4 });
    expect(d.keyId).toBe(spkiHash(deviceCert.publicKey));
  });

  it('calls an altered payload or an unsigned token a signature fault and garbage malformed', async () => {
    const [h, , s] = token('RS256', { qualityScore: '30' }).split('.');
    expect(await deviceKind(() => verifyJws(`${h}.${b64u({ qualityScore: '99' })}.${s}`))).toBe('signature');
    const none = `${b64u({ alg: 'none', jwk: rsa.publicKey.export({ format: 'jwk' }) })}.${b64u({})}.`;
    expect(await deviceKind(() => verifyJws(none))).toBe('signature');
    expect(await deviceKind(() => verifyJws(`${b64u({ alg: 'RS256' })}.${b64u({})}.AAAA`))).toBe('signature');
    expect(await deviceKind(() => verifyJws('only.two'))).toBe('malformed');
    expect(await deviceKind(() => verifyJws('%%%.e30.AAAA'))).toBe('malformed');
  });

  it('refuses a key the header cannot vouch for: HMAC with a key in the header, another key in x5c, a bad certificate', async () => {
    const secret = { kty: 'oct', k: b64u('shared secret') };
    const hh = b64u({ alg: 'HS256', jwk: secret });
    const hp = b64u({ q: 1 });
    const hmac = createHmac('sha256', 'shared secret').update(`${hh}.${hp}`).digest('base64url');
    expect(await deviceKind(() => verifyJws(`${hh}.${hp}.${hmac}`))).toBe('signature');
    const [, p, s] = token('ES256', { q: 1 }).split('.');
    expect(await deviceKind(() => verifyJws(`${b64u(headerFor('x5c'))}.${p}.${s}`))).toBe('signature');
    expect(await deviceKind(() => verifyJws(`${b64u({ alg: 'ES256', x5c: ['bm90IGEgY2VydA'] })}.${p}.${s}`))).toBe('signature');
  });

  it('calls a signed payload that is not base64url malformed, and a bad signature over one a signature fault', async () => {
    expect(await deviceKind(() => verifyJws(token('RS256', null, 'not*base64')))).toBe('malformed');
    const [h, p] = token('RS256', null, 'not*base64').split('.');
    expect(await deviceKind(() => verifyJws(`${h}.${p}.${b64u('forged')}`))).toBe('signature');
  });
});

describe('device error messages', () => {
  it('map every SBI code to a kind with an Indonesian and an English message', () => {
    expect([0, 100, 101, 102, 103, 106, 109, 110, 111, 112, 503, 42].map(kindForSbiCode)).toEqual([
      'unknown',
      'notRegistered',
      'noBiometric',
      'extraction',
      'tamper',
      'deviceNotFound',
      'countNotSupported',
      'notReady',
      'busy',
      'badTransaction',
      'vendor',
      'unknown',
    ]);
    for (const kind of DEVICE_ERROR_KINDS) {
      const m = deviceErrorMessage(kind);
      expect(m.id.length, kind).toBeGreaterThan(20);
      expect(m.en.length, kind).toBeGreaterThan(20);
      expect(m.id).not.toBe(m.en);
    }
    expect(deviceErrorDetails('busy', { sbiCode: 111 })).toMatchObject({ deviceError: 'busy', sbiCode: 111, retryable: true });
    expect(deviceErrorDetails('tamper').retryable).toBe(false);
  });
});

describe('simulator command line', () => {
  it('reads its flags and refuses unknown ones', () => {
    expect(parseSimArgs(['--port', '4510', '--delay', '100', '--quality', '35', '--devices', 'finger,face', '--fault', 'timeout'])).toEqual(
      {
        port: 4510,
        devices: ['finger', 'face'],
        config: { delayMs: 100, quality: 35, fault: 'timeout', faultTimes: 0 },
      },
    );
    expect(parseSimArgs([]).portRange).toEqual([4501, 4600]);
    expect(() => parseSimArgs(['--quality', '130'])).toThrow(/quality/);
    expect(() => parseSimArgs(['--fault', 'meteor'])).toThrow();
    expect(() => parseSimArgs(['--bogus'])).toThrow(/Unknown option/);
  });
});
