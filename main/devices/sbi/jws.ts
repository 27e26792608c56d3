// Compact JWS as SBI devices sign them (deviceInfo, capture data), verified by jose. The signing key
// comes from the header: `x5c` (the device certificate, what real devices send) or `jwk` (what the
// simulator sends, having no CA to issue it a certificate). See trust notes in main/devices/sbi/client.ts.
import { createHash, KeyObject } from 'node:crypto';
import { compactVerify, EmbeddedJWK, errors, importX509, type CompactVerifyGetKey } from 'jose';
import { deviceError } from '@main/core/biometrics/port.js';

export interface DecodedJws {
  header: Record<string, unknown>;
  payload: Buffer;
  key: KeyObject;
  /** SHA-256 of the key's SPKI DER: what the client pins per device. */
  keyId: string;
}

/** What SBI 0.9.5 devices sign with; anything else (`none`, HMAC with a key from the header) is refused. */
const ACCEPTED_ALGORITHMS = ['RS256', 'PS256', 'ES256'];

const B64URL = /^[A-Za-z0-9_-]*$/;

export function b64url(part: string): Buffer {
  if (!B64URL.test(part)) throw deviceError('malformed', { info: 'not base64url' });
  return Buffer.from(part, 'base64url');
}

class NoKey extends Error {}

const keyFromHeader: CompactVerifyGetKey = async (header, token) => {
  const x5c = header.x5c;
  try {
    if (Array.isArray(x5c) && typeof x5c[0] === 'string')
      return await importX509(`-----BEGIN CERTIFICATE-----\n${x5c[0]}\n-----END CERTIFICATE-----`, String(header.alg));
    if (header.jwk && typeof header.jwk === 'object') return await EmbeddedJWK(header, token);
  } catch (cause) {
    throw new NoKey('unusable key', { cause });
  }
  throw new NoKey('no key in header');
};

export const keyIdOf = (key: KeyObject): string =>
  createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex');

function readHeader(part: string): Record<string, unknown> {
  let header: unknown;
  try {
    header = JSON.parse(b64url(part).toString('utf8'));
  } catch {
    throw deviceError('malformed', { info: 'JWS header is not JSON' });
  }
  if (!header || typeof header !== 'object') throw deviceError('malformed', { info: 'JWS header is not an object' });
  return header as Record<string, unknown>;
}

/**
 * Decodes and verifies a compact JWS. Anything unreadable is 'malformed'; a readable token whose
 * signature does not verify (or uses an algorithm we do not accept, such as `none`) is 'signature'.
 */
export async function verifyJws(token: string): Promise<DecodedJws> {
  const parts = token.split('.');
  if (parts.length !== 3) throw deviceError('malformed', { info: 'JWS must have three parts' });
  const [h, p, s] = parts as [string, string, string];
  const header = readHeader(h);
  try {
    const verified = await compactVerify(token, keyFromHeader, { algorithms: ACCEPTED_ALGORITHMS });
    const key = KeyObject.from(verified.key as CryptoKey);
    return { header, payload: Buffer.from(verified.payload), key, keyId: keyIdOf(key) };
  } catch (err) {
    if (err instanceof NoKey) throw deviceError('signature', { info: 'JWS carries no usable key' });
    // jose reads the payload only once the signature holds: a signed payload that is not base64url is unreadable.
    if (err instanceof errors.JWSInvalid && !B64URL.test(p) && B64URL.test(s)) throw deviceError('malformed', { info: 'not base64url' });
    throw deviceError('signature', { info: `signature does not verify (alg ${String(header.alg)})` });
  }
}

export function jsonPayload(jws: DecodedJws): unknown {
  try {
    return JSON.parse(jws.payload.toString('utf8'));
  } catch {
    throw deviceError('malformed', { info: 'JWS payload is not JSON' });
  }
}
