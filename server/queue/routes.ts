// The office queue over HTTP. Counters and reception call these signed as their workstation (the office
// is the workstation's); the admin token configures services and counters and imports bookings.
import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BookingGenerate,
  BookingImport,
  CallNextRequest,
  CounterId,
  FinishRequest,
  IssueRequest,
  QueueCounter,
  QueueService,
  TicketActionRequest,
  TransferRequest,
} from '@common/contract/queue/central.js';
import { BoardQuery, ReconcileRequest } from '@common/contract/queue/sync.js';
import { boardView, QueueHub } from './board.js';
import { floorView } from './floor.js';
import { FloorQuery } from '@common/contract/queue/floor.js';
import { generateBookings, importBookings } from './bookings.js';
import { drainNotifications, logGateway } from './events.js';
import { closePastDays } from './day-end.js';
import { callNext, currentAt, ticketAction, type TicketAction } from './calls.js';
import { issueTicket } from './issue.js';
import { parkedAt, parkTicket, resumeTicket } from './park.js';
import { reconcileLocal } from './reconcile.js';
import { forgetConfig, loadConfig, saveCounter, saveService, ticketView } from './rows.js';
import type { CentralDeps } from '../http/deps.js';
import { CentralError, parseJson, validate } from '../http/errors.js';
import { authenticate, checkSchemaVersion, useNonce } from '../http/signature.js';

const hubs = new WeakMap<CentralDeps, QueueHub>();
/** The queue's change hub of a running central (boards long-poll on it). */
export const queueHub = (deps: CentralDeps): QueueHub => {
  let hub = hubs.get(deps);
  if (!hub) hubs.set(deps, (hub = new QueueHub()));
  return hub;
};

async function signedAs<S extends z.ZodType>(deps: CentralDeps, req: FastifyRequest, schema: S, source: 'body' | 'query') {
  checkSchemaVersion(req);
  const now = deps.now();
  const raw = source === 'body' ? req.body : undefined;
  if (source === 'body' && !Buffer.isBuffer(raw)) throw new CentralError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
  const { ws, parts } = await authenticate(deps.store, req, raw as Buffer | undefined, now);
  const input = validate(schema, source === 'body' ? parseJson(raw) : req.query);
  await useNonce(deps.store, parts, now);
  deps.seen(ws.id, now);
  return { ws, input, now };
}

function checkAdmin(req: FastifyRequest, token: string): void {
  const auth = req.headers.authorization ?? '';
  const given = Buffer.from(auth.startsWith('Bearer ') ? auth.slice(7) : '');
  const expected = Buffer.from(token);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CentralError('ADMIN_UNAUTHORIZED', 'Send the admin token as Authorization: Bearer <token>');
  }
}

const ACTIONS: Record<string, { schema: z.ZodType; action: (b: Record<string, string | undefined>) => TicketAction }> = {
  recall: { schema: TicketActionRequest, action: () => ({ kind: 'recall' }) },
  'no-show': { schema: TicketActionRequest, action: () => ({ kind: 'noShow' }) },
  start: { schema: TicketActionRequest, action: () => ({ kind: 'start' }) },
  finish: { schema: FinishRequest, action: (b) => ({ kind: 'finish', outcome: b.outcome! }) },
  transfer: { schema: TransferRequest, action: (b) => ({ kind: 'transfer', serviceCode: b.serviceCode! }) },
};

export function registerQueueRoutes(app: FastifyInstance, deps: CentralDeps, dayEndSweepMs: number | null): void {
  const hub = queueHub(deps);
  // Ticket-called and status notifications leave through the gateway (the log by default) in the background.
  let draining: Promise<unknown> = Promise.resolve();
  const drain = setInterval(() => {
    draining = drainNotifications(deps.store, logGateway, deps.now()).catch(() => undefined);
  }, 5_000);
  drain.unref();
  // A minute late is soon enough to close yesterday's leftover tickets; an error is retried next minute.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep =
    dayEndSweepMs === null
      ? undefined
      : setInterval(() => {
          sweeping = closePastDays(deps.store, deps.now(), deps.published).catch((err: unknown) =>
            console.error('[queue] closing past days failed', err),
          );
        }, dayEndSweepMs);
  sweep?.unref();
  app.addHook('preClose', async () => {
    clearInterval(drain);
    clearInterval(sweep);
    await sweeping;
    hub.close();
    await draining;
  });

  app.get('/v1/queue/config', async (req) => {
    const { ws } = await signedAs(deps, req, z.strictObject({}), 'query');
    return loadConfig(deps.store, ws.officeCode);
  });

  app.post('/v1/queue/tickets', async (req) => {
    const { ws, input, now } = await signedAs(deps, req, IssueRequest, 'body');
    if (!input.serviceCode && !input.bookingCode && !input.nik) {
      throw new CentralError('INVALID_FIELD', 'Give a service for a walk-in, or a booking code or NIK for a check-in', {
        fields: { serviceCode: ['service.required'] },
      });
    }
    const issued = await issueTicket(deps.store, ws.officeCode, ws.id, input, now, deps.published);
    hub.bump(ws.officeCode);
    return issued;
  });

  app.post('/v1/queue/call-next', async (req) => {
    const { ws, input, now } = await signedAs(deps, req, CallNextRequest, 'body');
    const { ticket } = await callNext(deps.store, ws.officeCode, input, now);
    hub.bump(ws.officeCode);
    return { ticket };
  });

  app.get('/v1/queue/current', async (req) => {
    const { ws, input } = await signedAs(deps, req, z.strictObject({ counterId: CounterId }), 'query');
    return { ticket: await currentAt(deps.store, ws.officeCode, input.counterId) };
  });

  for (const [path, def] of Object.entries(ACTIONS)) {
    app.post(`/v1/queue/${path}`, async (req) => {
      const { ws, input, now } = await signedAs(deps, req, def.schema, 'body');
      const b = input as Record<string, string | undefined>;
      const result = await ticketAction(deps.store, ws.officeCode, b.counterId!, b.ticketId!, def.action(b), now, {
        officer: b.officer,
        published: deps.published,
      });
      hub.bump(ws.officeCode);
      return result;
    });
  }

  for (const [path, run] of [
    ['park', parkTicket],
    ['resume', resumeTicket],
  ] as const) {
    app.post(`/v1/queue/${path}`, async (req) => {
      const { ws, input, now } = await signedAs(deps, req, TicketActionRequest, 'body');
      const result = await run(deps.store, ws.officeCode, input.counterId, input.ticketId, now, input.officer);
      hub.bump(ws.officeCode);
      return result;
    });
  }

  app.get('/v1/queue/parked', async (req) => {
    const { ws, input } = await signedAs(deps, req, z.strictObject({ counterId: CounterId }), 'query');
    return { tickets: (await parkedAt(deps.store, ws.officeCode, input.counterId)).map(ticketView) };
  });

  // Long-polled: answers at once when the office's queue moved past `version`, else on the next change.
  app.get('/v1/queue/board', async (req) => {
    const { ws, input } = await signedAs(deps, req, BoardQuery, 'query');
    const abort = new AbortController();
    req.raw.once('close', () => abort.abort());
    await hub.wait(ws.officeCode, input.version ?? -1, input.wait ?? 0, abort.signal);
    const version = hub.version(ws.officeCode);
    return { version, board: await boardView(deps.store, ws.officeCode, deps.now()) };
  });

  app.get('/v1/queue/floor', async (req) => {
    const { ws, input, now } = await signedAs(deps, req, FloorQuery, 'query');
    return floorView(deps.store, ws.officeCode, now, input.targetMinutes);
  });

  app.post('/v1/queue/reconcile', async (req) => {
    const { ws, input, now } = await signedAs(deps, req, ReconcileRequest, 'body');
    const result = await reconcileLocal(deps.store, ws.officeCode, ws.id, input.tickets, now, deps.published);
    hub.bump(ws.officeCode);
    return result;
  });

  app.register(async (admin) => {
    admin.addHook('onRequest', async (req) => checkAdmin(req, deps.adminToken));
    const body = <S extends z.ZodType>(schema: S, req: FastifyRequest): z.output<S> => validate(schema, parseJson(req.body));
    const Office = z.strictObject({ officeCode: z.string().min(1).max(64) });
    const office = async (code: string) => {
      const rows = await deps.store.query('SELECT 1 FROM offices WHERE code = $1', [code]);
      if (rows.length === 0) throw new CentralError('NOT_FOUND', `Unknown office ${code}`, { reason: 'office.unknown' });
    };
    admin.get('/admin/queue/config', async (req) => {
      const q = validate(z.strictObject({ office: z.string().min(1).max(64) }), req.query);
      await office(q.office);
      return loadConfig(deps.store, q.office);
    });
    admin.post('/admin/queue/services', async (req) => {
      const input = body(Office.extend({ service: QueueService }), req);
      await office(input.officeCode);
      await deps.store.tx((sql) => saveService(sql, input.officeCode, input.service));
      forgetConfig(deps.store, input.officeCode);
      hub.bump(input.officeCode);
      return loadConfig(deps.store, input.officeCode);
    });
    admin.post('/admin/queue/counters', async (req) => {
      const input = body(Office.extend({ counter: QueueCounter }), req);
      await office(input.officeCode);
      const config = await loadConfig(deps.store, input.officeCode);
      const unknown = input.counter.services.filter((s) => !config.services.some((x) => x.code === s));
      if (unknown.length > 0)
        throw new CentralError('INVALID_FIELD', `Unknown services ${unknown.join(', ')}`, {
          fields: { 'counter.services': ['service.unknown'] },
        });
      await deps.store.tx((sql) => saveCounter(sql, input.officeCode, input.counter));
      forgetConfig(deps.store, input.officeCode);
      hub.bump(input.officeCode);
      return loadConfig(deps.store, input.officeCode);
    });
    admin.post('/admin/bookings/import', async (req) =>
      importBookings(deps.store, body(BookingImport, req).bookings, deps.now(), deps.published),
    );
    admin.post('/admin/bookings/generate', async (req) =>
      generateBookings(deps.store, body(BookingGenerate, req), deps.now(), deps.published),
    );
  });
}
