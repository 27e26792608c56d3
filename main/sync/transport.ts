// Signed HTTP to central: every request carries the schema version and an Ed25519 signature over
// method, path, body hash, timestamp and a fresh nonce. Errors come back as SyncHttpError with
// central's code; network failures have status 0. Every request has a deadline (deadlineFor): a central
// that takes the connection and never answers fails it as NOT_ANSWERING instead of holding the caller
// for Node's five-minute header timeout, and the shared CentralHealth hears of every outcome.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { PROTOCOL_VERSION, SYNC_HEADERS, signingString } from '@common/central/protocol.js';
import { routePath, type RouteInput, type RouteResponse, type SignedRoute } from '@common/central/routes.js';
import { CentralHealth } from './health.js';

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
  /** Shared by every transport of one desk (it outlives a re-enrolment's new transport). */
  health?: CentralHealth;
  deadlines?: Partial<Deadlines>;
}

/** How long central may take to answer, by kind of request. */
export interface Deadlines {
  /** A queue call: an officer is waiting at the counter with the applicant in front of them. */
  queueMs: number;
  /** A push batch (up to 2 MB) or a snapshot page. */
  bulkMs: number;
  /** Anything else that answers at once (a pull page, a blob check, enrolment). */
  requestMs: number;
  /** Added to a long poll's hold (`wait`): central answers at the end of the hold at the latest. */
  holdMarginMs: number;
}

export const DEFAULT_DEADLINES: Deadlines = { queueMs: 4_000, bulkMs: 30_000, requestMs: 15_000, holdMarginMs: 5_000 };

const BULK_PATHS = new Set(['/v1/push', '/v1/snapshot']);

/** The deadline of one request to a route path (the table's, with `:params` unfilled) and its long-poll hold. */
export function deadlineFor(path: string, waitMs: number, d: Deadlines = DEFAULT_DEADLINES): number {
  if (waitMs > 0) return waitMs + d.holdMarginMs;
  if (path.startsWith('/v1/queue/')) return d.queueMs;
  return BULK_PATHS.has(path) ? d.bulkMs : d.requestMs;
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
  readonly health: CentralHealth;
  readonly deadlines: Deadlines;

  constructor(private readonly opts: TransportOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetch = opts.fetch ?? ((url, init) => fetch(url, init));
    this.now = opts.now ?? Date.now;
    this.health = opts.health ?? new CentralHealth();
    this.deadlines = { ...DEFAULT_DEADLINES, ...opts.deadlines };
  }

  get identity(): Identity {
    return this.opts.identity;
  }

  /** A gateway's 502/503/504 is a proxy answering for a central it cannot reach. */
  private heard(status: number, sentAt: number): void {
    if (status === 502 || status === 503 || status === 504) this.health.unreachable(sentAt);
    else this.health.answered(sentAt);
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
    const waitMs = Number((given.query as { wait?: unknown } | undefined)?.wait ?? 0) || 0;
    const deadlineMs = deadlineFor(route.path, waitMs, this.deadlines);
    // The deadline covers the whole answer, body included: a central that stops mid-body is hung too.
    const sentAt = this.health.now();
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), deadlineMs);
    const both = signal ? AbortSignal.any([signal, deadline.signal]) : deadline.signal;
    // Bounded even when a fetch ignores its signal.
    const bounded = <T>(p: Promise<T>): Promise<T> =>
      new Promise<T>((resolve, reject) => {
        if (both.aborted) reject(both.reason as Error);
        both.addEventListener('abort', () => reject(both.reason as Error), { once: true });
        p.then(resolve, reject);
      });
    const notAnswering = (): SyncHttpError => {
      this.health.timedOut(sentAt);
      return new SyncHttpError(0, 'NOT_ANSWERING', `Central did not answer ${path} within ${deadlineMs} ms`);
    };
    let res: Response;
    let json: unknown;
    try {
      try {
        res = await bounded(
          this.fetch(`${this.baseUrl}${path}`, { method, headers, body: body === undefined ? undefined : bytes, signal: both }),
        );
      } catch (err) {
        if (signal?.aborted) throw err;
        if (deadline.signal.aborted) throw notAnswering();
        this.health.unreachable(sentAt);
        throw new SyncHttpError(0, 'NETWORK', `Central is unreachable: ${(err as Error).message}`);
      }
      try {
        json = await bounded(res.json() as Promise<unknown>);
      } catch (err) {
        if (signal?.aborted) throw err;
        if (deadline.signal.aborted) throw notAnswering();
        this.heard(res.status, sentAt);
        throw new SyncHttpError(
          res.status || 0,
          res.status >= 500 ? 'UNAVAILABLE' : 'NETWORK',
          `Central answered ${res.status} without JSON`,
        );
      }
    } finally {
      clearTimeout(timer);
    }
    this.heard(res.status, sentAt);
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
