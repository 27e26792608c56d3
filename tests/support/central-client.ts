// Typed calls to a test central by the route table (common/central/routes.ts): the method, the path and
// the types come from the route entry, and a successful answer is parsed by the entry's response schema,
// so a test reads it without casts and fails when central answers outside the protocol.
import type { Identity } from '@main/sync/transport.js';
import {
  routePath,
  type AdminRoute,
  type RouteInput,
  type RouteResponse,
  type RouteSpec,
  type SignedRoute,
} from '@common/central/routes.js';
import { ADMIN_TOKEN, type TestCentral } from './model/central.js';
import { sendSigned, type RawResponse, type SendOptions } from './model/signed.js';

/** Input a route would refuse (for tests of bad input): any params, query or body. */
export interface LooseInput {
  params?: Record<string, unknown>;
  query?: Record<string, unknown>;
  body?: unknown;
}

type Args<R extends RouteSpec, O> = object extends RouteInput<R> ? [input?: RouteInput<R>, o?: O] : [input: RouteInput<R>, o?: O];

export type SignedResponse = RawResponse & { sent: Record<string, string> };

/** Checks the status and parses the answer by the route's schema. */
function answer<R extends RouteSpec>(route: R, path: string, r: RawResponse): RouteResponse<R> {
  if (r.status !== 200) throw new Error(`${route.method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return route.response.parse(r.body) as RouteResponse<R>;
}

export interface CentralClient {
  readonly identity: Identity;
  /** The raw answer whatever its status: the refusals are what many tests look at. */
  send<R extends SignedRoute>(route: R, ...args: Args<R, SendOptions>): Promise<SignedResponse>;
  /** Input the route's schema would refuse: the method and path still come from the table. */
  sendLoose(route: SignedRoute, input: LooseInput, o?: SendOptions): Promise<SignedResponse>;
  /** A 200 answer, parsed by the route's response schema (anything else throws with central's answer). */
  ok<R extends SignedRoute>(route: R, ...args: Args<R, SendOptions>): Promise<RouteResponse<R>>;
  /** The same client signing as another workstation. */
  as(identity: Identity): CentralClient;
}

/**
 * Signed requests as `identity`. `defaults` is read at every request (tests that move central's clock
 * sign with it: `() => ({ timestamp: clock })`).
 */
export function centralClient(central: TestCentral, identity: Identity, defaults: () => SendOptions = () => ({})): CentralClient {
  const sendLoose = (route: SignedRoute, input: LooseInput, o: SendOptions = {}) =>
    sendSigned(central, identity, route.method, routePath(route, input), input.body, { ...defaults(), ...o });
  return {
    identity,
    send: (route, ...[input, o]) => sendLoose(route, (input ?? {}) as LooseInput, o),
    sendLoose,
    async ok(route, ...[input, o]) {
      const loose = (input ?? {}) as LooseInput;
      return answer(route, routePath(route, loose), await sendLoose(route, loose, o));
    },
    as: (other) => centralClient(central, other, defaults),
  };
}

/** A request without a workstation's signature: a public route, or an admin route with the admin token (or `token`). */
export async function sendPlain(
  central: TestCentral,
  route: RouteSpec,
  input: LooseInput = {},
  o: { token?: string } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (route.auth === 'admin') headers.authorization = `Bearer ${o.token ?? ADMIN_TOKEN}`;
  if (input.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(`${central.url}${routePath(route, input)}`, {
    method: route.method,
    headers,
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : {}) as RawResponse['body'],
    headers: Object.fromEntries(res.headers.entries()),
  };
}

/** An admin call that must succeed: its answer parsed by the route's schema. */
export async function adminCall<R extends AdminRoute>(
  central: TestCentral,
  route: R,
  ...[input]: Args<R, never>
): Promise<RouteResponse<R>> {
  const loose = (input ?? {}) as LooseInput;
  return answer(route, routePath(route, loose), await sendPlain(central, route, loose));
}
