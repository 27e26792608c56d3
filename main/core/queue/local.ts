// Local mode: central is out of reach, so this counter issues and calls its own tickets in SQLite.
// Numbers carry the counter's prefix (L3A-001) so they never collide with central's; the call order and
// the ticket's life cycle are the same rules as central's (common/domain/queue/order.ts, lifecycle.ts);
// everything goes to central on reconnect (common/contract/queue/sync.ts).
import { v7 as uuidv7 } from 'uuid';
import { AppError, type ErrorCode } from '@common/contract/result.js';
import type { IssuedTicket, QueueConfig, TicketView } from '@common/contract/queue/central.js';
import { called, decide, decideCallNext, type Refusal, type TicketAction } from '@common/domain/queue/lifecycle.js';
import type { PriorityGroup } from '@common/domain/queue/order.js';
import { DEFAULT_QUEUE_RULES } from '@common/domain/queue/rules.js';
import { formatTicketNumber, localPrefix, trainingPrefix } from '@common/domain/queue/ticket-number.js';
import { ticketView } from '@common/domain/queue/ticket-row.js';
import { estimateWaitMs } from '@common/domain/queue/wait-estimate.js';
import { businessDate, startOfBusinessDay } from '@common/domain/shared/working-days.js';
import type { Db } from '@db/connection.js';
import { getSetting, setSetting } from '@db/queries/office/settings.js';
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
} from '@db/queries/queue/queue.js';

export interface LocalContext {
  db: Db;
  now: number;
  tz: string;
  counterNumber: number;
  /** The signed-in officer (username): recorded on the tickets this counter calls. */
  officer: string | null;
  services: Array<{ code: string; prefix: string; name_id: string; name_en: string }>;
  /** Training mode: practice tickets are numbered so they cannot pass for a real queue's. */
  training: boolean;
}

/** The last call-next request of this counter: a double press answers the same ticket. */
const LAST_CALL = 'queue_local_last_call';

export const counterIdOf = (counterNumber: number): string => String(counterNumber);

const CODES: Record<Refusal['kind'], ErrorCode> = { conflict: 'CONFLICT', notFound: 'NOT_FOUND', invalid: 'VALIDATION' };
export const refused = (r: Refusal): AppError => new AppError(CODES[r.kind], r.message, r.details);

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
    number: formatTicketNumber(c.training ? trainingPrefix(service.prefix) : `${localPrefix(c.counterNumber)}${service.prefix}`, n),
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
  return { ticket: ticketView(t), ahead: t.status === 'waiting' ? ahead : 0, estimatedWaitMs };
}

/** `busy`: what is at the counter besides local tickets (central's ticket held here while central is away). */
export function localCallNext(c: LocalContext, requestId: string, busy: { id: string; number: string } | null = null): TicketView | null {
  const counterId = counterIdOf(c.counterNumber);
  const current = localAtCounter(c.db, counterId);
  const may = decideCallNext(
    { id: counterId, open: true, lastRequestId: getSetting(c.db, LAST_CALL) ?? null, atCounter: current ?? busy },
    requestId,
  );
  if (!may.ok) throw refused(may);
  if (may.again) return current ? ticketView(current) : null;
  const next = localWaiting(c.db, businessDate(c.now, c.tz), c.now, DEFAULT_QUEUE_RULES.agingMs)[0];
  setSetting(c.db, LAST_CALL, requestId);
  if (!next) return null;
  return ticketView(updateLocalTicket(c.db, next.id, called(next, { counterId, now: c.now, officer: c.officer })));
}

/** An action on a ticket this counter holds in local mode; undefined when the ticket is not a local one. */
export function localAction(c: LocalContext, ticketId: string, action: TicketAction): TicketView | undefined {
  const t = localTicket(c.db, ticketId);
  if (!t || t.synced_version >= t.version) return undefined;
  const counterId = counterIdOf(c.counterNumber);
  const decision = decide(t, action, {
    counterId,
    now: c.now,
    officer: c.officer,
    maxRecalls: DEFAULT_QUEUE_RULES.maxRecalls,
    noShowAfterMs: DEFAULT_QUEUE_RULES.noShowAfterMs,
    services: c.services.map((s) => ({ code: s.code, active: true })),
    atCounter: action.kind === 'resume' ? (localAtCounter(c.db, counterId) ?? null) : null,
  });
  if (!decision.ok) throw refused(decision);
  const row = updateLocalTicket(c.db, t.id, decision.change);
  if (decision.transferTo === undefined) return ticketView(row);
  // The visit continues: same number, the original arrival time, the booking slot kept.
  const id = uuidv7();
  insertLocalTicket(c.db, {
    id,
    day: row.day,
    service_code: decision.transferTo,
    number: row.number,
    status: 'waiting',
    arrived_at: row.arrived_at,
    slot_at: row.slot_at,
    priority_group: row.priority_group,
    booking_code: row.booking_code,
    request_id: null,
  });
  return ticketView(localTicket(c.db, id)!);
}
