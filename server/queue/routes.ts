// The office queue over HTTP. Counters and reception call these signed as their workstation (the office
// is the workstation's); the admin token configures services and counters and imports bookings.
import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { queueAdminRoutes, queueRoutes, ticketActionRoutes } from '@common/central/routes.js';
import type { TicketActionRequest as TicketActionSchema } from '@common/contract/queue/central.js';
import { boardView, QueueHub } from './board.js';
import { floorView } from './floor.js';
import { generateBookings, importBookings } from './bookings.js';
import { drainNotifications, logGateway } from './events.js';
import { closePastDays } from './day-end.js';
import type { TicketAction } from '@common/domain/queue/lifecycle.js';
import { ticketView } from '@common/domain/queue/ticket-row.js';
import { callNext, currentAt, parkedAt, ticketAction } from './calls.js';
import { checkOfficer } from './acting.js';
import { issueTicket } from './issue.js';
import { reconcileLocal } from './reconcile.js';
import { replayOfflineActions } from './replay.js';
import { forgetConfig, loadConfig, saveCounter, saveService } from './rows.js';
import type { CentralDeps } from '../http/deps.js';
import { CentralError } from '../http/errors.js';
import { routeServer } from '../http/route.js';
import type { Workstation } from '../http/signature.js';

type TicketActionRequest = z.output<typeof TicketActionSchema>;

const hubs = new WeakMap<CentralDeps, QueueHub>();
/** The queue's change hub of a running central (boards long-poll on it). */
export const queueHub = (deps: CentralDeps): QueueHub => {
  let hub = hubs.get(deps);
  if (!hub) hubs.set(deps, (hub = new QueueHub()));
  return hub;
};

export function registerQueueRoutes(app: FastifyInstance, deps: CentralDeps, dayEndSweepMs: number | null): void {
  const hub = queueHub(deps);
  // Ticket-called and status notifications leave through the gateway (the log by default) in the background.
  let draining: Promise<unknown> = Promise.resolve();
  const gateway = logGateway(app.log);
  const drain = setInterval(() => {
    draining = drainNotifications(deps.store, gateway, deps.now()).catch(() => undefined);
  }, 5_000);
  drain.unref();
  // A minute late is soon enough to close yesterday's leftover tickets; an error is retried next minute.
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep =
    dayEndSweepMs === null
      ? undefined
      : setInterval(() => {
          sweeping = closePastDays(deps.store, deps.now(), deps.published).catch((err: unknown) =>
            app.log.error({ err }, 'closing past days failed'),
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

  const serve = routeServer(app, deps);

  serve(queueRoutes.config, async ({ ws }) => loadConfig(deps.store, ws.officeCode));

  serve(queueRoutes.issue, async ({ ws, body, now }) => {
    if (!body.serviceCode && !body.bookingCode && !body.nik) {
      throw new CentralError('INVALID_FIELD', 'Give a service for a walk-in, or a booking code or NIK for a check-in', {
        fields: { serviceCode: ['service.required'] },
      });
    }
    const issued = await issueTicket(deps.store, ws.officeCode, ws.id, body, now, deps.published);
    hub.bump(ws.officeCode);
    return issued;
  });

  serve(queueRoutes.callNext, async ({ ws, body, now }) => {
    await checkOfficer(deps.store, ws.officeCode, body.officer, 'queue.callNext');
    const { ticket } = await callNext(deps.store, ws.officeCode, body, now);
    hub.bump(ws.officeCode);
    return { ticket };
  });

  serve(queueRoutes.current, async ({ ws, query }) => ({ ticket: await currentAt(deps.store, ws.officeCode, query.counterId) }));

  const act = async (ws: Workstation, body: TicketActionRequest, action: TicketAction, now: number) => {
    await checkOfficer(deps.store, ws.officeCode, body.officer, `queue.${action.kind}`);
    const result = await ticketAction(deps.store, ws.officeCode, body.counterId, body.ticketId, action, now, {
      officer: body.officer,
      published: deps.published,
    });
    hub.bump(ws.officeCode);
    return result;
  };
  serve(ticketActionRoutes.recall, ({ ws, body, now }) => act(ws, body, { kind: 'recall' }, now));
  serve(ticketActionRoutes.noShow, ({ ws, body, now }) => act(ws, body, { kind: 'noShow' }, now));
  serve(ticketActionRoutes.start, ({ ws, body, now }) => act(ws, body, { kind: 'start' }, now));
  serve(ticketActionRoutes.finish, ({ ws, body, now }) => act(ws, body, { kind: 'finish', outcome: body.outcome }, now));
  serve(ticketActionRoutes.transfer, ({ ws, body, now }) => act(ws, body, { kind: 'transfer', serviceCode: body.serviceCode }, now));
  serve(ticketActionRoutes.park, ({ ws, body, now }) => act(ws, body, { kind: 'park' }, now));
  serve(ticketActionRoutes.resume, ({ ws, body, now }) => act(ws, body, { kind: 'resume' }, now));

  serve(queueRoutes.parked, async ({ ws, query }) => ({
    tickets: (await parkedAt(deps.store, ws.officeCode, query.counterId)).map(ticketView),
  }));

  // Long-polled: answers at once when the office's queue moved past `version`, else on the next change.
  serve(queueRoutes.board, async ({ req, ws, query }) => {
    const abort = new AbortController();
    req.raw.once('close', () => abort.abort());
    await hub.wait(ws.officeCode, query.version ?? -1, query.wait ?? 0, abort.signal);
    const version = hub.version(ws.officeCode);
    return { version, board: await boardView(deps.store, ws.officeCode, deps.now()) };
  });

  serve(queueRoutes.floor, async ({ ws, query, now }) => floorView(deps.store, ws.officeCode, now, query.targetMinutes));

  serve(queueRoutes.reconcile, async ({ ws, body, now }) => {
    const result = await reconcileLocal(deps.store, ws.officeCode, ws.id, body.tickets, now, deps.published);
    hub.bump(ws.officeCode);
    return result;
  });

  serve(queueRoutes.replay, async ({ ws, body, now }) => {
    const result = await replayOfflineActions(deps.store, ws.officeCode, ws.id, body.actions, now, deps.published);
    hub.bump(ws.officeCode);
    return result;
  });

  // Admin token: services, counters and bookings of any office.
  const office = async (code: string) => {
    const rows = await deps.store.query('SELECT 1 FROM offices WHERE code = $1', [code]);
    if (rows.length === 0) throw new CentralError('NOT_FOUND', `Unknown office ${code}`, { reason: 'office.unknown' });
  };
  serve(queueAdminRoutes.config, async ({ query }) => {
    await office(query.office);
    return loadConfig(deps.store, query.office);
  });
  serve(queueAdminRoutes.saveService, async ({ body: input }) => {
    await office(input.officeCode);
    await deps.store.tx((sql) => saveService(sql, input.officeCode, input.service));
    forgetConfig(deps.store, input.officeCode);
    hub.bump(input.officeCode);
    return loadConfig(deps.store, input.officeCode);
  });
  serve(queueAdminRoutes.saveCounter, async ({ body: input }) => {
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
  serve(queueAdminRoutes.importBookings, async ({ body }) => importBookings(deps.store, body.bookings, deps.now(), deps.published));
  serve(queueAdminRoutes.generateBookings, async ({ body }) => generateBookings(deps.store, body, deps.now(), deps.published));
}
