// A queue ticket's life cycle, written once for central's office queue (server/queue/calls.ts) and a
// workstation's local mode (main/core/queue/local.ts): from a ticket, an action at a counter and its
// context (the acting counter, its officer, the time, the office's rules and services), either the
// change to the ticket's row or a refusal with its stable reason. The callers read the rows (central
// locks them) and apply the change: central in SQL under its row locks, local mode in SQLite.
//
//   waiting --call next--> called --start--> serving --finish--> done
//   called --recall--> called (the last call counts, called_at moves)
//   called --no-show, after maxRecalls calls and noShowAfterMs since the last one--> no_show
//   called | serving --transfer--> transferred, and the visit goes on as a new waiting ticket elsewhere
//   called | serving --park--> parked --resume, at the same counter once it is free--> called | serving
import type { TicketRow } from './ticket-row.js';

export const TICKET_STATUSES = ['waiting', 'called', 'serving', 'done', 'no_show', 'transferred', 'cancelled', 'parked'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The states in which a ticket has left the queue for good (central publishes it once more then). */
export const FINAL_TICKET_STATUSES = ['done', 'no_show', 'transferred', 'cancelled'] as const satisfies readonly TicketStatus[];
const FINAL: ReadonlySet<string> = new Set(FINAL_TICKET_STATUSES);
export const isFinalStatus = (status: string): boolean => FINAL.has(status);

/** A ticket in one of these is at its counter: call next there waits until it moves on. */
export const AT_COUNTER_STATUSES = ['called', 'serving'] as const satisfies readonly TicketStatus[];
const isAtCounter = (status: TicketStatus): boolean => (AT_COUNTER_STATUSES as readonly TicketStatus[]).includes(status);

/** What a counter does with the ticket it holds (call next is decideCallNext and called below). */
export type TicketAction =
  | { kind: 'recall' }
  | { kind: 'noShow' }
  | { kind: 'start' }
  | { kind: 'finish'; outcome: string }
  | { kind: 'transfer'; serviceCode: string }
  | { kind: 'park' }
  | { kind: 'resume' };
export type TicketActionKind = TicketAction['kind'];

export type LifecycleTicket = Pick<
  TicketRow,
  'id' | 'number' | 'service_code' | 'status' | 'counter_id' | 'called_at' | 'call_count' | 'started_at' | 'parked_at' | 'officer'
>;

/** The columns the life cycle sets; nothing else of a ticket's row changes at a counter. */
export const TICKET_CHANGE_COLUMNS = [
  'status',
  'counter_id',
  'called_at',
  'call_count',
  'started_at',
  'finished_at',
  'parked_at',
  'outcome',
  'officer',
] as const;
export type TicketChange = Partial<Pick<TicketRow, (typeof TICKET_CHANGE_COLUMNS)[number]>>;

export interface CounterContext {
  counterId: string;
  now: number;
  /** The officer at the counter; an action without one keeps the ticket's. */
  officer: string | null;
}

export interface ActionContext extends CounterContext {
  /** Calls (the first and the recalls) before a no-show may be recorded. */
  maxRecalls: number;
  /** Time after the last call before a no-show may be recorded: the called applicant walks to the counter. */
  noShowAfterMs: number;
  /** The office's services: a transfer goes to another active one. */
  services: ReadonlyArray<{ code: string; active: boolean }>;
  /** The ticket called to or served at the acting counter, if any: resume needs the counter free. */
  atCounter: Pick<TicketRow, 'id' | 'number'> | null;
}

/** conflict: not now or not here; notFound: no such ticket; invalid: a field of the request is wrong. */
export type RefusalKind = 'conflict' | 'notFound' | 'invalid';
export interface Refusal {
  ok: false;
  kind: RefusalKind;
  message: string;
  /** `reason` is the stable code the screens translate (queue.counterBusy ...); `fields` for invalid ones. */
  details: Record<string, unknown>;
}

export interface Changed {
  ok: true;
  change: TicketChange;
  /** The ticket event central records (Qmatic's times): kind and data. */
  event: { kind: string; data: Record<string, unknown> };
  /** A transfer: the visit goes on as a new waiting ticket of this service (same number, same arrival). */
  transferTo?: string;
}

export type Decision = Changed | Refusal;

const conflict = (reason: string, message: string, more: Record<string, unknown> = {}): Refusal => ({
  ok: false,
  kind: 'conflict',
  message,
  details: { reason, ...more },
});

const counterBusy = (t: Pick<TicketRow, 'id' | 'number'>): Refusal =>
  conflict('queue.counterBusy', `Ticket ${t.number} is still at this counter; finish, transfer, park or mark it no-show first`, {
    ticketId: t.id,
    number: t.number,
  });

const changed = (change: TicketChange, kind: string, data: Record<string, unknown> = {}): Changed => ({
  ok: true,
  change,
  event: { kind, data },
});

/** Whether call next may call at this counter now, or answers the ticket the same press called. */
export function decideCallNext(
  counter: { id: string; open: boolean; lastRequestId: string | null; atCounter: Pick<TicketRow, 'id' | 'number'> | null },
  requestId: string,
): { ok: true; again: boolean } | Refusal {
  if (counter.lastRequestId === requestId) return { ok: true, again: true };
  if (!counter.open) return conflict('queue.counterClosed', `Counter ${counter.id} is closed`);
  if (counter.atCounter) return counterBusy(counter.atCounter);
  return { ok: true, again: false };
}

/** A waiting ticket called to a counter: the first call (central's call next applies it in SQL). */
export const called = (t: Pick<TicketRow, 'officer'>, ctx: CounterContext): TicketChange => ({
  status: 'called',
  counter_id: ctx.counterId,
  called_at: ctx.now,
  call_count: 1,
  officer: ctx.officer ?? t.officer,
});

/** The statuses each action (but resume) takes a ticket at the acting counter in. */
const FROM: Record<Exclude<TicketActionKind, 'resume'>, readonly TicketStatus[]> = {
  recall: ['called'],
  noShow: ['called'],
  start: ['called'],
  finish: ['serving'],
  transfer: ['called', 'serving'],
  park: ['called', 'serving'],
};

export function decide(t: LifecycleTicket | undefined, action: TicketAction, ctx: ActionContext): Decision {
  if (!t) return { ok: false, kind: 'notFound', message: 'No such ticket in this office', details: { reason: 'queue.unknownTicket' } };
  if (action.kind === 'resume') return resume(t, ctx);
  if (t.counter_id !== ctx.counterId || !isAtCounter(t.status)) {
    return conflict('queue.notYourTicket', `Ticket ${t.number} is not at counter ${ctx.counterId}`, {
      status: t.status,
      counterId: t.counter_id,
    });
  }
  if (!FROM[action.kind].includes(t.status))
    return conflict('queue.wrongStatus', `Ticket ${t.number} is ${t.status}`, { status: t.status });
  const { now } = ctx;
  const officer = ctx.officer ?? t.officer;
  switch (action.kind) {
    case 'recall':
      // The last call counts (Qmatic): called_at moves.
      return changed({ call_count: t.call_count + 1, called_at: now, officer }, 'recalled');
    case 'noShow':
      if (t.call_count < ctx.maxRecalls) {
        return conflict('queue.recallFirst', `Call ${t.number} ${ctx.maxRecalls} times before marking a no-show (called ${t.call_count})`, {
          callCount: t.call_count,
          required: ctx.maxRecalls,
        });
      }
      return noShow(t, ctx, officer);
    case 'start':
      return changed({ status: 'serving', started_at: now, officer }, 'started');
    case 'finish':
      return changed({ status: 'done', finished_at: now, outcome: action.outcome, officer }, 'done', { outcome: action.outcome });
    case 'transfer': {
      const target = ctx.services.find((s) => s.code === action.serviceCode && s.active);
      if (!target) {
        return {
          ok: false,
          kind: 'invalid',
          message: `Unknown or inactive service ${action.serviceCode}`,
          details: { fields: { serviceCode: ['service.unknown'] } },
        };
      }
      if (target.code === t.service_code) return conflict('queue.sameService', 'Transfer to another service');
      return {
        ...changed({ status: 'transferred', finished_at: now, officer }, 'transferred', { to: target.code }),
        transferTo: target.code,
      };
    }
    case 'park':
      return changed({ status: 'parked', parked_at: now, officer }, 'parked', { from: t.status });
  }
}

/**
 * The applicant called last needs time to walk to the counter (two quick recalls then F3 would skip that):
 * a no-show waits noShowAfterMs after the ticket's last call, whatever the count of calls.
 */
function noShow(t: LifecycleTicket, ctx: ActionContext, officer: string | null): Decision {
  const calledAt = t.called_at;
  const waitMs = calledAt === null ? 0 : calledAt + ctx.noShowAfterMs - ctx.now;
  if (waitMs > 0) {
    // `seconds` is what the officer reads ({{seconds}}): rounded up, so it never says 0 while refusing.
    const seconds = Math.ceil(waitMs / 1000);
    return conflict('queue.noShowTooSoon', `Wait ${seconds} s more after the last call of ${t.number} before marking a no-show`, {
      waitMs,
      seconds,
      calledAt,
    });
  }
  return changed({ status: 'no_show', finished_at: ctx.now, officer }, 'no_show');
}

/**
 * Back at the counter that parked it, once that counter is free. The transaction time continues
 * (Qmatic): the parked interval is not service time, so started_at moves on by it.
 */
function resume(t: LifecycleTicket, ctx: ActionContext): Decision {
  if (t.status !== 'parked') return conflict('queue.notParked', `Ticket ${t.number} is not parked (${t.status})`, { status: t.status });
  if (t.counter_id !== ctx.counterId) {
    return conflict(
      'queue.parkedElsewhere',
      `Ticket ${t.number} is parked at counter ${t.counter_id ?? '?'}; only that counter resumes it`,
      {
        counterId: t.counter_id,
      },
    );
  }
  if (ctx.atCounter) return counterBusy(ctx.atCounter);
  // A workstation's clock may run ahead of central's (a ticket parked in local mode): never negative.
  const pausedMs = Math.max(0, ctx.now - (t.parked_at ?? ctx.now));
  return changed(
    {
      status: t.started_at === null ? 'called' : 'serving',
      started_at: t.started_at === null ? null : t.started_at + pausedMs,
      parked_at: null,
      officer: ctx.officer ?? t.officer,
    },
    'resumed',
    { parkedMs: pausedMs },
  );
}
