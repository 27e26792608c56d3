// Local mode: central is out of reach, so this counter issues and calls its own tickets in SQLite.
// Numbers carry the counter's prefix (L3A-001) so they never collide with central's; the call order is
// the same rule; everything goes to central on reconnect (common/contract/queue/sync.ts).
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import type { IssuedTicket, QueueConfig, TicketView } from '@common/contract/queue/central.js';
import type { PriorityGroup } from '@common/domain/queue/order.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import { formatTicketNumber, localPrefix } from '@common/domain/queue/ticket-number.js';
import { estimateWaitMs } from '@common/domain/queue/wait-estimate.js';
import { businessDate, startOfBusinessDay } from '@common/domain/shared/working-days.js';
import type { Db } from '@db/connection.js';
import { getSetting, setSetting } from '@db/queries/settings.js';
import {
  bookingByCode,
  bookingByNik,
  insertLocalTicket,
  localAtCounter,
  localTicket,
  localTicketByRequest,
  localWaiting,
  takeLocalNumber,
  updateLocalTicket,
  type LocalTicketRow,
} from '@db/queries/queue.js';
import type { TicketActionPath } from './port.js';

export interface LocalContext {
  db: Db;
  now: number;
  tz: string;
  counterNumber: number;
  /** The signed-in officer (username): recorded on the tickets this counter calls. */
  officer: string | null;
  services: Array<{ code: string; prefix: string; name_id: string; name_en: string }>;
}

/** The last call-next request of this counter: a double press answers the same ticket. */
const LAST_CALL = 'queue_local_last_call';

export const counterIdOf = (counterNumber: number): string => String(counterNumber);

export function localConfig(c: LocalContext): QueueConfig {
  return {
    services: c.services.map((s) => ({
      code: s.code,
      prefix: s.prefix,
      nameId: s.name_id,
      nameEn: s.name_en,
      dailyQuota: null,
      active: true,
    })),
    counters: [
      {
        id: counterIdOf(c.counterNumber),
        name: `Loket ${c.counterNumber}`,
        number: c.counterNumber,
        services: c.services.map((s) => s.code),
        open: true,
      },
    ],
    rules: DEFAULT_QUEUE_RULES,
  };
}

export const localView = (r: LocalTicketRow): TicketView => ({
  id: r.id,
  number: r.number,
  serviceCode: r.service_code,
  status: r.status,
  day: r.day,
  arrivedAt: r.arrived_at,
  slotAt: r.slot_at,
  priorityGroup: r.priority_group,
  bookingCode: r.booking_code,
  applicantName: null,
  counterId: r.counter_id,
  calledAt: r.called_at,
  callCount: r.call_count,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  outcome: r.outcome,
  origin: 'local',
});

function bookingSlot(
  c: LocalContext,
  input: { bookingCode?: string | undefined; nik?: string | undefined },
  officeCode: string,
  day: string,
) {
  const b = input.bookingCode ? bookingByCode(c.db, input.bookingCode) : bookingByNik(c.db, input.nik ?? '', day);
  if (!b)
    throw new AppError('NOT_FOUND', input.bookingCode ? `No booking ${input.bookingCode}` : 'No booking today for this NIK', {
      reason: 'booking.unknown',
    });
  if (b.office_code !== officeCode)
    throw new AppError('CONFLICT', `Booking ${b.code} is for another office`, { reason: 'booking.otherOffice' });
  if (b.appointment_date !== day)
    throw new AppError('CONFLICT', `Booking ${b.code} is for ${b.appointment_date}, not today`, {
      reason: 'booking.otherDay',
      day: b.appointment_date,
    });
  const [h, m] = b.slot.split(':').map(Number);
  const slotAt = startOfBusinessDay(day, c.tz) + ((h ?? 0) * 60 + (m ?? 0)) * 60_000;
  const late = c.now > slotAt + DEFAULT_QUEUE_RULES.lateWindowMs;
  return { code: b.code, slotAt: late ? null : slotAt };
}

export function localIssue(
  c: LocalContext,
  officeCode: string,
  input: {
    requestId: string;
    serviceCode?: string | undefined;
    priorityGroup: PriorityGroup | null;
    bookingCode?: string | undefined;
    nik?: string | undefined;
  },
): IssuedTicket {
  const again = localTicketByRequest(c.db, input.requestId);
  if (again) return withEstimate(c, again);
  const day = businessDate(c.now, c.tz);
  const booking = input.bookingCode || input.nik ? bookingSlot(c, input, officeCode, day) : undefined;
  const serviceCode = booking ? 'PASPOR_JANJI' : input.serviceCode;
  const service = c.services.find((s) => s.code === serviceCode);
  if (!service)
    throw new AppError('VALIDATION', `Unknown service ${serviceCode ?? '(none)'}`, { fields: { serviceCode: ['service.unknown'] } });
  const n = takeLocalNumber(c.db, service.code, day);
  const id = uuidv7();
  insertLocalTicket(c.db, {
    id,
    day,
    service_code: service.code,
    number: formatTicketNumber(`${localPrefix(c.counterNumber)}${service.prefix}`, n),
    status: 'waiting',
    arrived_at: c.now,
    slot_at: booking?.slotAt ?? null,
    priority_group: input.priorityGroup,
    booking_code: booking?.code ?? null,
    request_id: input.requestId,
  });
  return withEstimate(c, localTicket(c.db, id)!);
}

function withEstimate(c: LocalContext, t: LocalTicketRow): IssuedTicket {
  const waiting = localWaiting(c.db, t.day, c.now, DEFAULT_QUEUE_RULES.agingMs, [t.service_code]);
  const ahead = Math.max(
    0,
    waiting.findIndex((w) => w.id === t.id),
  );
  const estimatedWaitMs =
    t.status === 'waiting'
      ? estimateWaitMs({
          ahead,
          openCounters: 1,
          meanServiceMs: null,
          headOfLineDelayMs: null,
          defaultServiceMs: DEFAULT_QUEUE_RULES.defaultServiceMs,
        })
      : 0;
  return { ticket: localView(t), ahead: t.status === 'waiting' ? ahead : 0, estimatedWaitMs };
}

export function localCallNext(c: LocalContext, requestId: string): TicketView | null {
  const counterId = counterIdOf(c.counterNumber);
  const current = localAtCounter(c.db, counterId);
  if (getSetting(c.db, LAST_CALL) === requestId) return current ? localView(current) : null;
  if (current)
    throw new AppError('CONFLICT', `Ticket ${current.number} is still at this counter; finish, transfer or mark it no-show first`, {
      reason: 'queue.counterBusy',
      number: current.number,
    });
  const next = localWaiting(c.db, businessDate(c.now, c.tz), c.now, DEFAULT_QUEUE_RULES.agingMs)[0];
  setSetting(c.db, LAST_CALL, requestId);
  if (!next) return null;
  return localView(
    updateLocalTicket(c.db, next.id, { status: 'called', counter_id: counterId, called_at: c.now, call_count: 1, officer: c.officer }),
  );
}

/** Actions on a ticket this counter holds in local mode; undefined when the ticket is not a local one. */
export function localAction(
  c: LocalContext,
  path: TicketActionPath,
  ticketId: string,
  extra: { outcome?: string; serviceCode?: string },
): TicketView | undefined {
  const t = localTicket(c.db, ticketId);
  if (!t || t.synced_version >= t.version) return undefined;
  const counterId = counterIdOf(c.counterNumber);
  if (path === 'resume') return localResume(c, t);
  if (t.counter_id !== counterId || !['called', 'serving'].includes(t.status))
    throw new AppError('CONFLICT', `Ticket ${t.number} is not at this counter`, { reason: 'queue.notYourTicket' });
  const need = (statuses: string[]) => {
    if (!statuses.includes(t.status))
      throw new AppError('CONFLICT', `Ticket ${t.number} is ${t.status}`, { reason: 'queue.wrongStatus', status: t.status });
  };
  switch (path) {
    case 'recall':
      need(['called']);
      return localView(updateLocalTicket(c.db, t.id, { call_count: t.call_count + 1, called_at: c.now, officer: c.officer ?? t.officer }));
    case 'no-show':
      need(['called']);
      if (t.call_count < DEFAULT_QUEUE_RULES.maxRecalls) {
        throw new AppError('CONFLICT', `Call ${t.number} ${DEFAULT_QUEUE_RULES.maxRecalls} times before marking a no-show`, {
          reason: 'queue.recallFirst',
          callCount: t.call_count,
          required: DEFAULT_QUEUE_RULES.maxRecalls,
        });
      }
      return localView(updateLocalTicket(c.db, t.id, { status: 'no_show', finished_at: c.now }));
    case 'start':
      need(['called']);
      return localView(updateLocalTicket(c.db, t.id, { status: 'serving', started_at: c.now }));
    case 'finish':
      need(['serving']);
      return localView(updateLocalTicket(c.db, t.id, { status: 'done', finished_at: c.now, outcome: extra.outcome ?? 'served' }));
    case 'park':
      return localView(updateLocalTicket(c.db, t.id, { status: 'parked', parked_at: c.now }));
    case 'transfer': {
      need(['called', 'serving']);
      const target = c.services.find((s) => s.code === extra.serviceCode);
      if (!target || target.code === t.service_code)
        throw new AppError('VALIDATION', 'Transfer to another known service', { fields: { serviceCode: ['service.unknown'] } });
      updateLocalTicket(c.db, t.id, { status: 'transferred', finished_at: c.now });
      const id = uuidv7();
      insertLocalTicket(c.db, {
        id,
        day: t.day,
        service_code: target.code,
        number: t.number,
        status: 'waiting',
        arrived_at: t.arrived_at,
        slot_at: t.slot_at,
        priority_group: t.priority_group,
        booking_code: t.booking_code,
        request_id: null,
      });
      return localView(localTicket(c.db, id)!);
    }
  }
}

/** Resume as central does (server/queue/park.ts): only at the counter that parked it, when that counter is free. */
function localResume(c: LocalContext, t: LocalTicketRow): TicketView {
  const counterId = counterIdOf(c.counterNumber);
  if (t.status !== 'parked')
    throw new AppError('CONFLICT', `Ticket ${t.number} is not parked (${t.status})`, { reason: 'queue.notParked', status: t.status });
  if (t.counter_id !== counterId)
    throw new AppError('CONFLICT', `Ticket ${t.number} is parked at counter ${t.counter_id ?? '?'}; only that counter resumes it`, {
      reason: 'queue.parkedElsewhere',
    });
  const current = localAtCounter(c.db, counterId);
  if (current)
    throw new AppError('CONFLICT', `Ticket ${current.number} is still at this counter; finish, transfer or park it first`, {
      reason: 'queue.counterBusy',
      number: current.number,
    });
  const pausedMs = Math.max(0, c.now - (t.parked_at ?? c.now));
  return localView(
    updateLocalTicket(c.db, t.id, {
      status: t.started_at === null ? 'called' : 'serving',
      started_at: t.started_at === null ? null : t.started_at + pausedMs,
      parked_at: null,
    }),
  );
}
