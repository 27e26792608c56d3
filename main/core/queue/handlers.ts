// The queue.* calls. Each goes to central's office queue through the port; when central is out of
// reach the counter works in local mode (local.ts) and says so (`mode`). Every change is audited
// and queued as an op (entity "ticket") like any other write.
import type { z } from 'zod';
import { AppError } from '@common/contract/result.js';
import type { QueueMode } from '@common/contract/queue/queue.js';
import type { BoardView, CallNextRequest, QueueConfig, TicketActionRequest, TicketView } from '@common/contract/queue/central.js';
import type { TicketAction } from '@common/domain/queue/lifecycle.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import { shownOnBoard } from '@common/domain/queue/board.js';
import { ticketView } from '@common/domain/queue/ticket-row.js';
import { estimateWaitMs } from '@common/domain/queue/wait-estimate.js';
import { businessDate } from '@common/domain/shared/working-days.js';
import {
  activeQueueServices,
  localAtCounter,
  localParkedAt,
  localTicket,
  localTicketsOfDay,
  localWaiting,
} from '@db/queries/queue/queue.js';
import { officeContext } from '../kernel/office.js';
import type { OpAction } from '@common/central/op-authority.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { overrideSummary, takeOverride } from '../access/override.js';
import { atCentral, officerOf } from './central.js';
import { counterIdOf, localAction, localCallNext, localConfig, localIssue, type LocalContext } from './local.js';
import { heldAction, heldView, rememberCurrent, rememberParked, rememberTicket, ticketAtCounter } from './held.js';
import { heldAtCounter, heldParkedAt, pendingActionsToShow } from '@db/queries/queue/queue-held.js';
import { ticketPdfBase64 } from './ticket-pdf.js';

function local(ctx: CallContext): LocalContext {
  const o = officeContext(ctx);
  return {
    db: ctx.db,
    now: ctx.now,
    tz: o.tz,
    counterNumber: o.counter,
    officer: ctx.user?.username ?? null,
    services: activeQueueServices(ctx.db),
    training: ctx.core.training,
  };
}

const counterId = (ctx: CallContext): string => counterIdOf(officeContext(ctx).counter);

/**
 * Audits a queue change (and queues its op). In local mode the change itself runs in `apply`, in the
 * same transaction, and the audit names the ticket it produced.
 */
function audited(
  ctx: CallContext,
  action: OpAction,
  mode: QueueMode,
  extra: Record<string, unknown>,
  apply: () => TicketView | null,
): TicketView | null {
  return write(ctx, action, () => {
    const t = apply();
    const summary = { mode, ...extra, number: t?.number ?? null, status: t?.status ?? null };
    return { change: { entity: 'ticket', entityId: t?.id ?? 'none', summary }, result: t };
  });
}

async function configOf(ctx: CallContext): Promise<{ config: QueueConfig; mode: QueueMode }> {
  const central = await atCentral(ctx, (p) => p.config());
  return central ? { config: central, mode: 'central' } : { config: localConfig(local(ctx)), mode: 'local' };
}

function localBoard(ctx: CallContext): BoardView {
  const c = local(ctx);
  const o = officeContext(ctx);
  const day = businessDate(ctx.now, o.tz);
  const calls = localTicketsOfDay(ctx.db, day)
    .filter((t) => t.called_at !== null && t.counter_id !== null && shownOnBoard(t.status))
    // Latest call first; ids (UUIDv7) break ties the way central's ORDER BY called_at DESC, id DESC does.
    .sort((a, b) => (b.called_at ?? 0) - (a.called_at ?? 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
    .slice(0, 7)
    .map((t) => ({
      ticketId: t.id,
      number: t.number,
      counterId: t.counter_id!,
      counterNumber: Number(t.counter_id),
      calledAt: t.called_at!,
      callCount: t.call_count,
    }));
  const services = c.services.map((s) => {
    const waiting = localWaiting(ctx.db, day, ctx.now, DEFAULT_QUEUE_RULES.agingMs, [s.code]).length;
    const est = estimateWaitMs({
      ahead: waiting,
      openCounters: 1,
      meanServiceMs: null,
      headOfLineDelayMs: null,
      defaultServiceMs: DEFAULT_QUEUE_RULES.defaultServiceMs,
    });
    return { serviceCode: s.code, prefix: s.prefix, nameId: s.name_id, nameEn: s.name_en, waiting, estimatedWaitMs: est };
  });
  return {
    officeCode: o.code,
    officeName: o.name,
    timeZone: o.tz,
    now: ctx.now,
    current: calls[0] ?? null,
    recent: calls.slice(1),
    services,
  };
}

async function boardOf(ctx: CallContext): Promise<BoardView & { mode: QueueMode }> {
  const central = await atCentral(ctx, (p) => p.board());
  return central ? { ...central.board, mode: 'central' } : { ...localBoard(ctx), mode: 'local' };
}

/**
 * After a change in local mode: boards and counter screens of this workstation refresh at once. A change
 * at central reaches them through the board's long poll (main/sync/queue-client.ts), which brings the
 * board anyway: fetching it here too would cost every action a second round trip.
 */
function changed(ctx: CallContext, mode: QueueMode): void {
  if (mode !== 'local') return;
  try {
    ctx.core.events.emit('queue.changed', { ...localBoard(ctx), mode });
  } catch {
    // A board that cannot be built now is rebuilt on the next change; the call itself succeeded.
  }
}

async function ticketAction(ctx: CallContext, ticketId: string, action: TicketAction) {
  const { kind, ...extra } = action;
  // A ticket this counter holds from local mode stays local until it is reconciled.
  const held = localTicket(ctx.db, ticketId);
  if (held && held.synced_version < held.version) {
    const ticket = audited(ctx, `queue.${kind}`, 'local', { ticketId, ...extra }, () => localAction(local(ctx), ticketId, action) ?? null);
    changed(ctx, 'local');
    return { ticket, mode: 'local' as const };
  }
  const body: z.input<typeof TicketActionRequest> & typeof extra = { counterId: counterId(ctx), ticketId, ...officerOf(ctx), ...extra };
  const central = await atCentral(ctx, (p) => p.action(kind, body));
  if (!central) {
    // Central's ticket at this counter: the counter goes on with it, and central hears of it on reconnect.
    const ticket = audited(ctx, `queue.${kind}`, 'local', { ticketId, ...extra, awaitingCentral: true }, () => {
      const held = heldAction(local(ctx), ticketId, action);
      if (!held)
        throw new AppError('OFFLINE', "Central cannot be reached and this ticket is not one of this counter's tickets", {
          reason: 'queue.offline',
        });
      return held;
    });
    changed(ctx, 'local');
    return { ticket, mode: 'local' as const };
  }
  const ticket = audited(ctx, `queue.${kind}`, 'central', { ticketId, ...extra }, () => {
    rememberTicket(ctx.db, counterId(ctx), central.ticket, ctx.now, ticketId);
    return central.ticket;
  });
  return { ticket, mode: 'central' as const };
}

export const queueHandlers = {
  'queue.config': async (ctx) => {
    const { config, mode } = await configOf(ctx);
    return { ...config, mode, counterId: counterId(ctx) };
  },

  'queue.issue': async (ctx, input) => {
    const o = officeContext(ctx);
    const grant = input.overrideToken ? takeOverride(ctx, input.overrideToken, 'quota.exceed') : undefined;
    const req = {
      requestId: input.requestId,
      serviceCode: input.serviceCode,
      priorityGroup: input.priorityGroup,
      bookingCode: input.bookingCode,
      nik: input.nik,
      quotaOverride: grant !== undefined,
    };
    const central = await atCentral(ctx, async (p) => ({ issued: await p.issue(req), config: await p.config() }));
    const c = local(ctx);
    const mode: QueueMode = central ? 'central' : 'local';
    let issued = central?.issued;
    const extra = {
      serviceCode: input.serviceCode ?? null,
      priorityGroup: input.priorityGroup,
      bookingCode: input.bookingCode ?? null,
      ...(grant ? overrideSummary(grant) : {}),
    };
    audited(ctx, 'queue.issue', mode, extra, () => {
      issued ??= localIssue(c, o.code, req);
      return issued.ticket;
    });
    const ticketPdf = await ticketPdfBase64(o, central?.config ?? localConfig(c), issued!, input.language, ctx.core.training);
    changed(ctx, mode);
    return { ...issued!, mode, ticketPdf };
  },

  'queue.callNext': async (ctx, input) => {
    const req: z.input<typeof CallNextRequest> = { counterId: counterId(ctx), requestId: input.requestId, ...officerOf(ctx) };
    const central = await atCentral(ctx, (p) => p.callNext(req));
    const mode: QueueMode = central ? 'central' : 'local';
    const ticket = audited(ctx, 'queue.callNext', mode, { requestId: input.requestId }, () => {
      if (!central) return localCallNext(local(ctx), input.requestId, ticketAtCounter(ctx.db, counterId(ctx)));
      rememberTicket(ctx.db, counterId(ctx), central.ticket, ctx.now);
      return central.ticket;
    });
    changed(ctx, mode);
    return { ticket, mode };
  },

  'queue.recall': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'recall' }),
  'queue.noShow': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'noShow' }),
  'queue.start': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'start' }),
  'queue.finish': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'finish', outcome: input.outcome }),
  'queue.transfer': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'transfer', serviceCode: input.serviceCode }),

  'queue.park': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'park' }),
  'queue.resume': (ctx, input) => ticketAction(ctx, input.ticketId, { kind: 'resume' }),
  'queue.parked': async (ctx) => {
    // Central first: reaching it reconciles local tickets, which are then central's and listed once.
    const id = counterId(ctx);
    const central = await atCentral(ctx, (p) => p.parked(id));
    const mine = localParkedAt(ctx.db, id).map(ticketView);
    if (central) {
      rememberParked(ctx.db, id, central.tickets, ctx.now);
      return { tickets: [...mine, ...central.tickets], mode: 'central' as const };
    }
    // Central's tickets parked here as last known: the counter can resume them while central is away.
    const held = heldParkedAt(ctx.db, id).map((r) => heldView(r)!);
    return { tickets: [...mine, ...held], mode: 'local' as const };
  },

  'queue.current': async (ctx) => {
    const mine = localAtCounter(ctx.db, counterId(ctx));
    if (mine) return { ticket: ticketView(mine), mode: 'local' as const };
    const id = counterId(ctx);
    const central = await atCentral(ctx, (p) => p.current(id));
    if (central) {
      rememberCurrent(ctx.db, id, central.ticket, ctx.now);
      return { ticket: central.ticket, mode: 'central' as const };
    }
    return { ticket: heldView(heldAtCounter(ctx.db, id)), mode: 'local' as const };
  },

  'queue.pendingActions': (ctx) => ({
    // Still waiting for central, and what central refused today (the officer reads why).
    actions: pendingActionsToShow(ctx.db, ctx.now - 24 * 3_600_000).map((a) => ({
      id: a.id,
      ticketId: a.ticket_id,
      number: a.number,
      kind: a.kind,
      at: a.at,
      status: a.status === 'refused' ? ('refused' as const) : ('pending' as const),
      reason: a.reason,
    })),
  }),

  'queue.board': (ctx) => boardOf(ctx),
} satisfies Partial<Handlers>;
