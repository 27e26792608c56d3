// Where the analytics read from: the office's ticket history (analytics_history), its time window
// and holidays; and the training-mode generator that fills it with believable tickets.
import { AppError } from '../../common/contract/result.js';
import { weekdayOf } from '../../common/domain/heatmap.js';
import { generateHistory } from '../../common/domain/history-generator.js';
import { HOURS, type History } from '../../common/domain/forecast.js';
import { addDays, businessDate, isWorkingDay, startOfBusinessDay, type IsoDate } from '../../common/domain/working-days.js';
import { arrivalsByDayHour, deleteHistory, historyInserter, historySpan, holidaysBetween } from '../../db/queries/analytics.js';
import type { Db } from '../../db/connection.js';
import { officeContext } from './catalogue.js';
import { write, type CallContext } from './context.js';

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
export function loadHistory(ctx: CallContext, today: IsoDate, horizonDays: number): History & { span: { from: IsoDate; to: IsoDate; tickets: number } | null } {
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
  return { counts, holidays, firstDay, span: span.first && span.last ? { from: firstDay, to: span.last < to ? span.last : to, tickets } : null };
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
  write(ctx, { action: 'analytics.generateHistory', entity: 'analytics_history', summary }, (db) => {
    deleteHistory(db, 'generated');
    const insert = historyInserter(db);
    for (const day of generateHistory({ ...summary, holidays, tz: w.tz })) {
      if (!isWorkingDay(day.date, holidays)) continue;
      workingDays += 1;
      const start = startOfBusinessDay(day.date, w.tz);
      const weekday = weekdayOf(day.date);
      for (const t of day.tickets) {
        insert({
          source: 'generated',
          service_code: t.serviceCode,
          day: day.date,
          weekday,
          hour: Math.floor((t.arrivedAt - start) / 3_600_000),
          arrived_at: t.arrivedAt,
          called_at: t.calledAt,
          started_at: t.startedAt,
          finished_at: t.finishedAt,
          counter: t.counter,
          outcome: t.outcome,
          channel: t.channel,
          priority_group: t.priorityGroup,
        });
      }
      tickets += day.tickets.length;
    }
  });
  return { from: w.from, to: w.to, tickets, workingDays };
}
