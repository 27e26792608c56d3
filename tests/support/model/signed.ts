// Raw signed requests to a test central, for protocol and bad-input tests: every part of the signature
// can be overridden to forge, replay, skew or leave out.
import { createHash, randomUUID } from 'node:crypto';
import { PROTOCOL_VERSION, SYNC_HEADERS } from '@common/central/protocol.js';
import { identityFrom, newKeyPair, signHeaders, type Identity } from '@main/sync/transport.js';
import { adminRoutes, routePath, syncRoutes } from '@common/central/routes.js';
import type { TestCentral } from './central.js';
import type { Role } from '@common/domain/shared/roles.js';

export interface RawResponse {
  status: number;
  body: { ok?: false; error?: { code: string; message: string; details?: unknown } } & Record<string, unknown>;
  headers: Record<string, string>;
}

export interface SendOptions {
  /** Raw bytes instead of JSON.stringify(body). */
  raw?: Buffer;
  /** Sign with this identity instead (a forged request). */
  signer?: Identity;
  timestamp?: number;
  schemaVersion?: number | null;
  unsigned?: boolean;
  /** Resend exactly these headers (a replay). */
  headers?: Record<string, string>;
  contentType?: string;
}

export const newIdentity = (workstationId: string = randomUUID()): Identity => identityFrom(workstationId, newKeyPair().privatePem);

export async function sendSigned(
  central: TestCentral,
  identity: Identity,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  o: SendOptions = {},
): Promise<RawResponse & { sent: Record<string, string> }> {
  const bytes = o.raw ?? (body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body)));
  const sha = createHash('sha256').update(bytes).digest('hex');
  let headers: Record<string, string> =
    o.headers ?? (o.unsigned ? {} : signHeaders(o.signer ?? identity, method, path, sha, o.timestamp ?? Date.now(), PROTOCOL_VERSION));
  if (o.signer && !o.headers) headers = { ...headers, [SYNC_HEADERS.workstation]: identity.workstationId };
  if (!o.headers) {
    if (o.schemaVersion === null) delete headers[SYNC_HEADERS.schema];
    else headers[SYNC_HEADERS.schema] = String(o.schemaVersion ?? PROTOCOL_VERSION);
    if (bytes.length > 0 || method === 'POST') headers['content-type'] = o.contentType ?? 'application/json';
  }
  const res = await fetch(`${central.url}${path}`, { method, headers, body: method === 'GET' ? undefined : new Uint8Array(bytes) });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : {}) as RawResponse['body'],
    headers: Object.fromEntries(res.headers.entries()),
    sent: headers,
  };
}

/** Enrols a fresh identity for an office straight through the protocol. */
export async function enrolIdentity(central: TestCentral, officeCode = 'banyumanik', name = 'RAW-01'): Promise<Identity> {
  const identity = newIdentity();
  const { code } = await central.admin(adminRoutes.enrolmentCode, { body: { officeCode } });
  const r = await sendSigned(central, identity, syncRoutes.enrol.method, routePath(syncRoutes.enrol), {
    code,
    workstationId: identity.workstationId,
    name,
    officeCode,
    publicKey: identity.publicKey,
  });
  if (r.status !== 200) throw new Error(`enrol failed: ${r.status} ${JSON.stringify(r.body)}`);
  return identity;
}

/** An account central holds, as an op's audit event names its actor. */
export interface Actor {
  userId: string;
  username: string;
  role: Role;
}

/**
 * Creates an account at central (through the admin API) to act as in pushed ops, its temporary password
 * already replaced by one of its own.
 */
export async function centralActor(central: TestCentral, officeCode: string, role: Role, username?: string): Promise<Actor> {
  const name = username ?? `${role}-${randomUUID().slice(0, 8)}`;
  const created = await central.admin(adminRoutes.createUser, {
    body: { officeCode, username: name, fullName: `Nama ${name}`, role, password: 'Sementara-2026-x' },
  });
  // Past the forced change, as an officer who acts is: a temporary password authorises nothing at central.
  await central.central.deps.store.query(
    `UPDATE records SET data = jsonb_set(data, '{mustChangePassword}', 'false') WHERE office_code = $1 AND entity = 'user' AND entity_id = $2`,
    [officeCode, created.id],
  );
  return { userId: created.id, username: created.username, role };
}

/** The audit part of an op made by `actor` (the role it claims may be overridden to test escalation). */
export const auditBy = (actor: Actor, claims: Partial<Actor> = {}) => ({ ...actor, ...claims });

/** A digest of every central table (nonces too): equal digests mean nothing was written. */
export async function centralDigest(central: TestCentral): Promise<string> {
  const store = central.central.deps.store;
  const tables = await store.query<{ name: string }>(
    "SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
  );
  const hash = createHash('sha256');
  for (const { name } of tables) {
    const rows = await store.query<{ d: string | null }>(`SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS d FROM "${name}" t`);
    hash.update(`${name}:${rows[0]?.d ?? ''}\n`);
  }
  return hash.digest('hex');
}

let seq = 0;
/** A valid op with the next device_seq of a counter the caller keeps. */
export function wireOp(deviceSeq: number, patch: Record<string, unknown> = {}) {
  seq += 1;
  return {
    opId: randomUUID(),
    deviceSeq,
    entity: 'audit',
    entityId: `e-${seq}`,
    // A refused login: it needs no known actor at central, so it stands for any op that is simply kept.
    op: 'auth.login.failed',
    baseVersion: null,
    createdAt: Date.now(),
    payload: { audit: { action: 'auth.login.failed' }, data: {} },
    blobs: [],
    ...patch,
  };
}
