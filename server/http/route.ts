// Registers a route of the table (common/central/routes.ts): authenticates by the entry's kind, validates
// its params, query and body with the entry's schemas, and types the handler's answer as the entry's
// response. A workstation's request is authenticated before its input is validated, and its nonce is
// spent only after validation and the route's own check, so a refused request writes nothing.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { RouteSpec } from '@common/central/routes.js';
import type { CentralDeps } from './deps.js';
import { CentralError, parseJson, validate } from './errors.js';
import { authenticate, checkSchemaVersion, signatureParts, useNonce, type SignatureParts, type Workstation } from './signature.js';

type Parsed<R extends RouteSpec> = (R extends { params: infer P extends z.ZodType } ? { params: z.output<P> } : object) &
  (R extends { query: infer Q extends z.ZodType } ? { query: z.output<Q> } : object) &
  (R extends { body: infer B extends z.ZodType } ? { body: z.output<B> } : object);

/** What a handler gets: the request, the validated input, the time it was taken at, and who called. */
export type RouteContext<R extends RouteSpec> = Parsed<R> & { req: FastifyRequest; now: number } & (R['auth'] extends 'workstation'
    ? { ws: Workstation }
    : object) &
  (R['auth'] extends 'enrolment' ? { parts: SignatureParts; raw: Buffer } : object);

export type RouteHandler<R extends RouteSpec> = (ctx: RouteContext<R>) => Promise<z.input<R['response']>>;

export interface RouteOptions<R extends RouteSpec> {
  /** A refusal that needs the caller and the validated input; runs before the nonce is spent. */
  check?: (ctx: RouteContext<R>) => void;
}

function checkAdmin(req: FastifyRequest, token: string): void {
  const auth = req.headers.authorization ?? '';
  const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
  const expected = Buffer.from(token);
  // An empty expected token must never match an empty Authorization (createCentral refuses one too).
  if (expected.length === 0 || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CentralError('ADMIN_UNAUTHORIZED', 'Send the admin token as Authorization: Bearer <token>');
  }
}

const emptyBody = (raw: unknown): boolean => raw === undefined || (Buffer.isBuffer(raw) && raw.length === 0);

/** Params, then query, then body (bodies arrive as raw bytes and are parsed as JSON only here). */
function parse(route: RouteSpec, req: FastifyRequest): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  if (route.params) input.params = validate(route.params, req.params);
  if (route.query) input.query = validate(route.query, req.query);
  if (route.body) input.body = validate(route.body, route.optionalBody && emptyBody(req.body) ? {} : parseJson(req.body));
  return input;
}

export function serveRoute<R extends RouteSpec>(
  app: FastifyInstance,
  deps: CentralDeps,
  route: R,
  handler: RouteHandler<NoInfer<R>>,
  opts: RouteOptions<NoInfer<R>> = {},
): void {
  const run = async (req: FastifyRequest): Promise<unknown> => {
    let ctx: Record<string, unknown>;
    switch (route.auth) {
      case 'public':
      case 'admin':
        // An admin's token was checked on request, before the body was read.
        ctx = { ...parse(route, req), req, now: deps.now() };
        break;
      case 'enrolment': {
        checkSchemaVersion(req);
        const now = deps.now();
        const parts = signatureParts(req, now);
        // parse() has checked the body is bytes: the handler verifies the signature over them.
        ctx = { ...parse(route, req), req, now, parts, raw: req.body };
        break;
      }
      case 'workstation': {
        checkSchemaVersion(req);
        const now = deps.now();
        const raw = route.body ? req.body : undefined;
        if (route.body && !Buffer.isBuffer(raw)) throw new CentralError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
        const { ws, parts } = await authenticate(deps.store, req, raw as Buffer | undefined, now);
        ctx = { ...parse(route, req), req, now, ws };
        opts.check?.(ctx as RouteContext<R>);
        await useNonce(deps.store, parts, now);
        deps.seen(ws.id, now);
        break;
      }
    }
    return handler(ctx as RouteContext<R>);
  };
  app.route({
    method: route.method,
    url: route.path,
    ...(route.auth === 'admin' ? { onRequest: async (req: FastifyRequest) => checkAdmin(req, deps.adminToken) } : {}),
    handler: run,
  });
}

/** Registers several routes of one feature that share deps. */
export const routeServer =
  (app: FastifyInstance, deps: CentralDeps) =>
  <R extends RouteSpec>(route: R, handler: RouteHandler<NoInfer<R>>, opts?: RouteOptions<NoInfer<R>>): void =>
    serveRoute(app, deps, route, handler, opts);
