// Signed HTTP to central: every request carries the schema version and an Ed25519 signature over
// method, path, body hash, timestamp and a fresh nonce. Errors come back as SyncHttpError with
// central's code; network failures have status 0.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { PROTOCOL_VERSION, SYNC_HEADERS, signingString } from '@common/central/protocol.js';
import { routePath, type RouteInput, type RouteResponse, type SignedRoute } from '@common/central/routes.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export class SyncHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SyncHttpError';
  }
  /** Worth retrying as is: the network, central's 5xx, or our own earlier copy already arrived. */
  get transient(): boolean {
    return this.status === 0 || this.status >= 500 || this.code === 'REPLAYED';
  }
}

export interface Identity {
  workstationId: string;
  privateKey: KeyObject;
  /** SPKI DER, base64: what central stores at enrolment. */
  publicKey: string;
}

export function newKeyPair(): { privatePem: string } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privatePem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString() };
}

export function identityFrom(workstationId: string, privatePem: string): Identity {
  const privateKey = createPrivateKey(privatePem);
  const publicKey = createPublicKey(privateKey).export({ format: 'der', type: 'spki' }).toString('base64');
  return { workstationId, privateKey, publicKey };
}

export interface TransportOptions {
  baseUrl: string;
  identity: Identity;
  fetch?: FetchLike;
  now?: () => number;
  /** Sent as the schema version header (tests send old ones). */
  schemaVersion?: number;
}

export function signHeaders(
  identity: Identity,
  method: string,
  path: string,
  bodySha256: string,
  now: number,
  schemaVersion = PROTOCOL_VERSION,
): Record<string, string> {
  const nonce = randomBytes(18).toString('base64url');
  const signature = sign(
    null,
    Buffer.from(signingString({ method, path, bodySha256, timestamp: now, nonce })),
    identity.privateKey,
  ).toString('base64url');
  return {
    [SYNC_HEADERS.schema]: String(schemaVersion),
    [SYNC_HEADERS.workstation]: identity.workstationId,
    [SYNC_HEADERS.timestamp]: String(now),
    [SYNC_HEADERS.nonce]: nonce,
    [SYNC_HEADERS.signature]: signature,
  };
}

export class Transport {
  readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly now: () => number;

  constructor(private readonly opts: TransportOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetch = opts.fetch ?? ((url, init) => fetch(url, init));
    this.now = opts.now ?? Date.now;
  }

  get identity(): Identity {
    return this.opts.identity;
  }

  /**
   * Calls a route of the table (common/central/routes.ts) signed as this workstation; the answer is
   * parsed by the route's response schema.
   */
  async call<R extends SignedRoute>(
    route: R,
    ...[input, signal]: object extends RouteInput<R>
      ? [input?: RouteInput<R>, signal?: AbortSignal]
      : [input: RouteInput<R>, signal?: AbortSignal]
  ): Promise<RouteResponse<R>> {
    const { method } = route;
    const given = (input ?? {}) as { params?: object; query?: object; body?: unknown };
    const path = routePath(route, given);
    const body = given.body;
    const bytes = body === undefined ? Buffer.alloc(0) : Buffer.from(JSON.stringify(body));
    const headers = signHeaders(
      this.opts.identity,
      method,
      path,
      createHash('sha256').update(bytes).digest('hex'),
      this.now(),
      this.opts.schemaVersion,
    );
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await this.fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : bytes, signal });
    } catch (err) {
      if (signal?.aborted) throw err;
      throw new SyncHttpError(0, 'NETWORK', `Central is unreachable: ${(err as Error).message}`);
    }
    let json: unknown;
    try {
      json = await res.json();
    } catch {
      throw new SyncHttpError(
        res.status || 0,
        res.status >= 500 ? 'UNAVAILABLE' : 'NETWORK',
        `Central answered ${res.status} without JSON`,
      );
    }
    if (!res.ok) {
      const e = (json as { error?: { code?: string; message?: string; details?: unknown } }).error;
      throw new SyncHttpError(res.status, e?.code ?? 'UNKNOWN', e?.message ?? `Central answered ${res.status}`, e?.details);
    }
    const parsed = route.response.safeParse(json);
    if (!parsed.success)
      throw new SyncHttpError(502, 'BAD_RESPONSE', `Central's answer to ${path} does not match the protocol`, parsed.error.issues);
    return parsed.data as RouteResponse<R>;
  }
}
