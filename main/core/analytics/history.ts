// Where the analytics read from: the office's ticket history (analytics_history), its time window
// and holidays; and the training-mode generator that fills it with believable tickets.
import { AppError } from '@common/contract/result.js';
import { generateHistory } from '@common/domain/analytics/history-generator.js';
import { PRIORITY_GROUPS } from '@common/domain/queue/order.js';
import { HOURS, type History } from '@common/domain/analytics/forecast.js';
import { addDays, businessDate, isWorkingDay, startOfBusinessDay, type IsoDate } from '@common/domain/shared/working-days.js';
import {
  arrivalsByDayHour,
  closedQueueTicketsToImport,
  deleteHistory,
  historyInserter,
  historySpan,
  holidaysBetween,
  type ClosedTicketRow,
  type HistoryRow,
} from '@db/queries/analytics/analytics.js';
import type { Db } from '@db/connection.js';
import { officeContext } from '../kernel/office.js';
import { write, type CallContext } from '../kernel/context.js';

/** How far back the forecast learns its post-holiday uplift: a year holds every kind of holiday once. */
const UPLIFT_LOOKBACK_DAYS = 371;

export interface Window {
  tz: string;
  today: IsoDate;
  from: IsoDate;
  /** Yesterday: today is not over, so it would read as a quiet day. */
  to: IsoDate;
}

export function windowOf(ctx: CallContext, weeks: number): Window {
  const { tz } = officeContext(ctx);
  const today = businessDate(ctx.now, tz);
  return { tz, today, from: addDays(today, -7 * weeks), to: addDays(today, -1) };
}

export const holidaySet = (db: Db, from: IsoDate, to: IsoDate): Set<IsoDate> => new Set(holidaysBetween(db, from, to).map((h) => h.date));

/** The arrivals series the forecast learns from: up to a year before today. */
export function loadHistory(
  ctx: CallContext,
  today: IsoDate,
  horizonDays: number,
): History & { span: { from: IsoDate; to: IsoDate; tickets: number } | null } {
  const span = historySpan(ctx.db);
  const to = addDays(today, -1);
  const firstDay = span.first && span.first > addDays(today, -UPLIFT_LOOKBACK_DAYS) ? span.first : addDays(today, -UPLIFT_LOOKBACK_DAYS);
  // A closure just before the window still shapes its first days; the horizon needs the holidays ahead.
  const holidays = holidaySet(ctx.db, addDays(firstDay, -30), addDays(today, horizonDays * 2 + 30));
  const counts = new Map<IsoDate, number[]>();
  let tickets = 0;
  for (const r of arrivalsByDayHour(ctx.db, firstDay, to)) {
    let day = counts.get(r.day);
    if (!day) counts.set(r.day, (day = Array.from({ length: HOURS }, () => 0)));
    day[r.hour] = r.arrivals;
    tickets += r.arrivals;
  }
  return {
    counts,
    holidays,
    firstDay,
    span: span.first && span.last ? { from: firstDay, to: span.last < to ? span.last : to, tickets } : null,
  };
}

export function generateTrainingHistory(ctx: CallContext, input: { weeks: number; dailyVolume: number; seed: number }) {
  if (!ctx.core.training) {
    throw new AppError('FORBIDDEN', 'Generated history is for training mode only: switch to training mode to create practice data', {
      reason: 'analytics.trainingOnly',
    });
  }
  const w = windowOf(ctx, input.weeks);
  const holidays = holidaySet(ctx.db, addDays(w.from, -30), w.to);
  let tickets = 0;
  let workingDays = 0;
  const summary = { from: w.from, to: w.to, weeks: input.weeks, dailyVolume: input.dailyVolume, seed: input.seed };
  write(ctx, 'analytics.generateHistory', (db) => {
    deleteHistory(db, 'generated');
    const insert = historyInserter(db);
    for (const day of generateHistory({ ...summary, holidays, tz: w.tz })) {
      if (!isWorkingDay(day.date, holidays)) continue;
      workingDays += 1;
      const start = startOfBusinessDay(day.date, w.tz);
      for (const t of day.tickets) {
        insert({
          source: 'generated',
          ticket_id: null,
          service_code: t.serviceCode,
          day: day.date,
          hour: Math.floor((t.arrivedAt - start) / 3_600_000),
          arrived_at: t.arrivedAt,
          called_at: t.calledAt,
          started_at: t.startedAt,
          finished_at: t.finishedAt,
          counter: t.counter === null ? null : String(t.counter),
          outcome: t.outcome,
          channel: t.channel,
          priority_group: t.priorityGroup,
        });
      }
      tickets += day.tickets.length;
    }
    return { change: { entity: 'analytics_history', summary } };
  });
  return { from: w.from, to: w.to, tickets, workingDays };
}

const PRIORITY = new Set<string>(PRIORITY_GROUPS);

/**
 * A closed queue ticket as one history row. Qmatic's rules (REFERENCE.md): the transaction runs from
 * the (last) call to the finish, whatever the officer recorded as the outcome; a no-show never started.
 */
export function historyRowOfTicket(t: ClosedTicketRow, tz: string): HistoryRow {
  const day = businessDate(t.arrived_at, tz);
  const served = t.status === 'done' && t.called_at !== null && t.finished_at !== null;
  return {
    source: 'queue',
    ticket_id: t.id,
    service_code: t.service_code,
    day,
    hour: Math.floor((t.arrived_at - startOfBusinessDay(day, tz)) / 3_600_000),
    arrived_at: t.arrived_at,
    called_at: t.called_at,
    started_at: served ? (t.started_at ?? t.called_at) : null,
    finished_at: served ? t.finished_at : null,
    counter: t.counter_id,
    outcome: served ? 'served' : t.status === 'no_show' ? 'no_show' : 'cancelled',
    channel: t.booking_code !== null || t.slot_at !== null ? 'appointment' : 'walk_in',
    priority_group: t.priority_group !== null && PRIORITY.has(t.priority_group) ? t.priority_group : null,
  };
}

/** Adds the queue's newly closed tickets to the history; audited only when there is something to add. */
export function importClosedTickets(ctx: CallContext): { imported: number } {
  const rows = closedQueueTicketsToImport(ctx.db);
  if (rows.length === 0) return { imported: 0 };
  const { tz } = officeContext(ctx);
  write(ctx, 'analytics.importTickets', (db) => {
    const insert = historyInserter(db);
    for (const r of rows) insert(historyRowOfTicket(r, tz));
    return { change: { entity: 'analytics_history', summary: { tickets: rows.length } } };
  });
  return { imported: rows.length };
}
