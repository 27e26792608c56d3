// Compact JWS as SBI devices sign them (deviceInfo, capture data). The signing key comes from the
// header: `x5c` (the device certificate, what real devices send) or `jwk` (what the simulator sends,
// having no CA to issue it a certificate). See trust notes in main/devices/sbi/client.ts.
import { createHash, createPublicKey, verify, X509Certificate, type JsonWebKey, type KeyObject } from 'node:crypto';
import { deviceError } from '@main/core/biometrics/port.js';

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Buffer;
  key: KeyObject;
  /** SHA-256 of the key's SPKI DER: what the client pins per device. */
  keyId: string;
}

const B64URL = /^[A-Za-z0-9_-]*$/;

export function b64url(part: string): Buffer {
  if (!B64URL.test(part)) throw deviceError('malformed', { info: 'not base64url' });
  return Buffer.from(part, 'base64url');
}

function keyFromHeader(header: Record<string, unknown>): KeyObject {
  const x5c = header.x5c;
  if (Array.isArray(x5c) && typeof x5c[0] === 'string') return new X509Certificate(Buffer.from(x5c[0], 'base64')).publicKey;
  if (header.jwk && typeof header.jwk === 'object') return createPublicKey({ key: header.jwk as JsonWebKey, format: 'jwk' });
  throw new Error('no key in header');
}

export const keyIdOf = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');

function checkSignature(alg: unknown, key: KeyObject, signingInput: Buffer, sig: Buffer): boolean {
  switch (alg) {
    case 'RS256':
      return verify('sha256', signingInput, key, sig);
    case 'PS256':
      return verify('sha256', signingInput, { key, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 }, sig);
    case 'ES256':
      return verify('sha256', signingInput, { key, dsaEncoding: 'ieee-p1363' }, sig);
    default:
      return false;
  }
}

/**
 * Decodes and verifies a compact JWS. Anything unreadable is 'malformed'; a readable token whose
 * signature does not verify (or uses an algorithm we do not accept, such as `none`) is 'signature'.
 */
export function verifyJws(token: string): DecodedJws {
  const parts = token.split('.');
  if (parts.length !== 3) throw deviceError('malformed', { info: 'JWS must have three parts' });
  const [h, p, s] = parts as [string, string, string];
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(b64url(h).toString('utf8')) as Record<string, unknown>;
  } catch {
    throw deviceError('malformed', { info: 'JWS header is not JSON' });
  }
  if (!header || typeof header !== 'object') throw deviceError('malformed', { info: 'JWS header is not an object' });
  let key: KeyObject;
  try {
    key = keyFromHeader(header);
  } catch {
    throw deviceError('signature', { info: 'JWS carries no usable key' });
  }
  const ok = (() => {
    try {
      return checkSignature(header.alg, key, Buffer.from(`${h}.${p}`, 'ascii'), b64url(s));
    } catch {
      return false;
    }
  })();
  if (!ok) throw deviceError('signature', { info: `signature does not verify (alg ${String(header.alg)})` });
  return { header, payload: b64url(p), key, keyId: keyIdOf(key) };
}

export function jsonPayload(jws: DecodedJws): unknown {
  try {
    return JSON.parse(jws.payload.toString('utf8'));
  } catch {
    throw deviceError('malformed', { info: 'JWS payload is not JSON' });
  }
}
