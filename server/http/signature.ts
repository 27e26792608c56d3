// Authenticates a workstation's request: schema version, then the Ed25519 signature over method, path,
// body hash, timestamp and nonce, then revocation and replay. Each refusal has its own code.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import {
  MAX_CLOCK_SKEW_MS,
  NONCE_TTL_MS,
  OLDEST_ACCEPTED_PROTOCOL,
  PROTOCOL_VERSION,
  SYNC_HEADERS,
  UNSIGNED_PAYLOAD,
  signingString,
} from '@common/central/protocol.js';
import type { Store } from '../store/store.js';
import { CentralError } from './errors.js';

export interface Workstation {
  id: string;
  officeCode: string;
  name: string;
  publicKey: string;
  revokedAt: number | null;
}

const header = (req: FastifyRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

export const sha256Hex = (bytes: Buffer | string): string => createHash('sha256').update(bytes).digest('hex');

/** Every request, enrolment included: a workstation too old for this server is told to update. */
export function checkSchemaVersion(req: FastifyRequest): number {
  const raw = header(req, SYNC_HEADERS.schema);
  if (raw === undefined) throw new CentralError('SCHEMA_MISSING', `Send the ${SYNC_HEADERS.schema} header`);
  const version = Number(raw);
  if (!Number.isInteger(version)) throw new CentralError('SCHEMA_MISSING', `${SYNC_HEADERS.schema} must be an integer`);
  if (version < OLDEST_ACCEPTED_PROTOCOL) {
    throw new CentralError('UPDATE_REQUIRED', 'This Loket is too old for the central server; update it', {
      oldestAccepted: OLDEST_ACCEPTED_PROTOCOL,
      sent: version,
    });
  }
  if (version > PROTOCOL_VERSION) {
    throw new CentralError('SCHEMA_UNSUPPORTED', 'The central server is older than this Loket; update the server', {
      current: PROTOCOL_VERSION,
      sent: version,
    });
  }
  return version;
}

const keyCache = new Map<string, KeyObject>();

export function importPublicKey(spkiBase64: string): KeyObject {
  const cached = keyCache.get(spkiBase64);
  if (cached) return cached;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
  } catch {
    throw new CentralError('INVALID_FIELD', 'The public key is not a DER SPKI key', { fields: { publicKey: ['publicKey.invalid'] } });
  }
  if (key.asymmetricKeyType !== 'ed25519')
    throw new CentralError('INVALID_FIELD', 'The public key must be Ed25519', { fields: { publicKey: ['publicKey.type'] } });
  if (keyCache.size > 10_000) keyCache.clear();
  keyCache.set(spkiBase64, key);
  return key;
}

export interface SignatureParts {
  workstationId: string;
  timestamp: number;
  nonce: string;
  signature: Buffer;
}

/** The signature headers, present and well-formed, with a timestamp inside the allowed skew. */
export function signatureParts(req: FastifyRequest, now: number): SignatureParts {
  const workstationId = header(req, SYNC_HEADERS.workstation);
  const ts = header(req, SYNC_HEADERS.timestamp);
  const nonce = header(req, SYNC_HEADERS.nonce);
  const sig = header(req, SYNC_HEADERS.signature);
  if (!workstationId || !ts || !nonce || !sig) throw new CentralError('UNSIGNED', 'This request is not signed');
  const timestamp = Number(ts);
  if (!Number.isSafeInteger(timestamp) || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce) || workstationId.length > 64) {
    throw new CentralError('BAD_SIGNATURE', 'Malformed signature headers');
  }
  if (Math.abs(now - timestamp) > MAX_CLOCK_SKEW_MS) {
    throw new CentralError('CLOCK_SKEW', 'The workstation clock differs from the server by more than 5 minutes; correct the clock', {
      serverTime: now,
    });
  }
  return { workstationId, timestamp, nonce, signature: Buffer.from(sig, 'base64url') };
}

export function signatureValid(req: FastifyRequest, parts: SignatureParts, publicKey: KeyObject, bodySha256: string): boolean {
  const material = signingString({ method: req.method, path: req.url, bodySha256, timestamp: parts.timestamp, nonce: parts.nonce });
  try {
    return verify(null, Buffer.from(material), publicKey, parts.signature);
  } catch {
    return false;
  }
}

interface WorkstationRow {
  id: string;
  office_code: string;
  name: string;
  public_key: string;
  revoked_at: number | null;
}

export async function findWorkstation(store: Store, id: string): Promise<Workstation | undefined> {
  const rows = await store.query<WorkstationRow>('SELECT id, office_code, name, public_key, revoked_at FROM workstations WHERE id = $1', [
    id,
  ]);
  const r = rows[0];
  return r && { id: r.id, officeCode: r.office_code, name: r.name, publicKey: r.public_key, revokedAt: r.revoked_at };
}

/**
 * Signature, then revocation (re-read on every request, so it takes effect on the next one). The nonce is
 * recorded separately, after the body has been validated, so a refused body writes nothing at all.
 */
export async function authenticate(
  store: Store,
  req: FastifyRequest,
  rawBody: Buffer | undefined,
  now: number,
  opts: { unsignedPayload?: boolean } = {},
) {
  const parts = signatureParts(req, now);
  const ws = await findWorkstation(store, parts.workstationId);
  if (!ws) throw new CentralError('UNKNOWN_WORKSTATION', 'This workstation is not enrolled here');
  const bodySha = opts.unsignedPayload ? UNSIGNED_PAYLOAD : sha256Hex(rawBody ?? Buffer.alloc(0));
  if (!signatureValid(req, parts, importPublicKey(ws.publicKey), bodySha)) {
    // Signed with a key revoked before this desk was enrolled again: say so, not "bad signature".
    const old = await store.query<{ public_key: string }>(
      'SELECT public_key FROM workstation_keys WHERE workstation_id = $1 AND revoked_at IS NOT NULL',
      [ws.id],
    );
    if (old.some((k) => signatureValid(req, parts, importPublicKey(k.public_key), bodySha)))
      throw new CentralError('REVOKED', 'This key was revoked by an administrator');
    throw new CentralError('BAD_SIGNATURE', 'The signature does not match this request');
  }
  if (ws.revokedAt !== null) throw new CentralError('REVOKED', 'This workstation was revoked by an administrator');
  return { ws, parts };
}

/** Replay protection: a (workstation, nonce) pair is accepted once while its timestamp could still pass. */
export async function useNonce(store: Store, parts: SignatureParts, now: number): Promise<void> {
  const rows = await store.query(
    'INSERT INTO nonces (workstation_id, nonce, expires_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING nonce',
    [parts.workstationId, parts.nonce, now + NONCE_TTL_MS],
  );
  if (rows.length === 0) throw new CentralError('REPLAYED', 'This request was already received (replayed nonce)');
}

export async function purgeNonces(store: Store, now: number): Promise<void> {
  await store.query('DELETE FROM nonces WHERE expires_at < $1', [now]);
}
