// The supervisor's analytics calls: thin glue between the history queries and the pure rules in
// common/domain (heatmap, service-level, forecast, staffing).
import { AppError } from '@common/contract/result.js';
import { buildHeatmap, cellsByWeekday, openDaysByWeekday } from '@common/domain/analytics/heatmap.js';
import { summariseServiceTimes } from '@common/domain/analytics/service-level.js';
import { fit, forecast } from '@common/domain/analytics/forecast.js';
import { backtest } from '@common/domain/analytics/forecast-backtest.js';
import { capacity, planDay } from '@common/domain/analytics/staffing.js';
import { addDays } from '@common/domain/shared/working-days.js';
import { arrivalsByDayHour, channelAndHandling, historySpan, holidaysBetween, serviceSeconds } from '@db/queries/analytics/analytics.js';
import { listCatalogueServices } from '@db/queries/applications/catalogue.js';
import type { CallContext, Handlers } from '../kernel/context.js';
import { generateTrainingHistory, holidaySet, importClosedTickets, loadHistory, windowOf } from './history.js';

/** The database groups service times by whole second: exact percentiles, a few thousand rows out. */
const BIN_SECONDS = 1;

function forecastFor(ctx: CallContext, trainingWeeks: number, workingDays: number) {
  const w = windowOf(ctx, trainingWeeks);
  const h = loadHistory(ctx, w.today, workingDays);
  const model = fit(h, w.today, trainingWeeks);
  const names = new Map(holidaysBetween(ctx.db, w.today, addDays(w.today, workingDays * 2 + 30)).map((x) => [x.date, x.name]));
  const days = forecast(model, w.today, workingDays, h.holidays).map((d) => ({ ...d, holidayName: names.get(d.date) ?? null }));
  return { w, h, model, days };
}

export const analyticsHandlers = {
  'analytics.span': (ctx) => ({ ...historySpan(ctx.db), training: ctx.core.training }),

  'analytics.heatmap': (ctx, input) => {
    const w = windowOf(ctx, input.weeks);
    const open = openDaysByWeekday(w.from, w.to, holidaySet(ctx.db, w.from, w.to));
    return { from: w.from, to: w.to, ...buildHeatmap(cellsByWeekday(arrivalsByDayHour(ctx.db, w.from, w.to)), open) };
  },

  'analytics.serviceTimes': (ctx, input) => {
    const w = windowOf(ctx, input.weeks);
    const bins = new Map<string, Array<{ fromSeconds: number; count: number }>>();
    for (const r of serviceSeconds(ctx.db, w.from, w.to)) {
      const list = bins.get(r.service_code) ?? [];
      list.push({ fromSeconds: r.seconds, count: r.count });
      bins.set(r.service_code, list);
    }
    const catalogue = listCatalogueServices(ctx.db);
    const order = new Map(catalogue.map((s, i) => [s.code, i]));
    const services = [...bins.entries()]
      .sort(([a], [b]) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b))
      .map(([code, b]) => {
        const s = catalogue.find((c) => c.code === code);
        return { serviceCode: code, nameId: s?.name_id ?? code, nameEn: s?.name_en ?? code, ...summariseServiceTimes(b, BIN_SECONDS) };
      });
    return { from: w.from, to: w.to, services };
  },

  'analytics.forecast': (ctx, input) => {
    const { w, h, model, days } = forecastFor(ctx, input.trainingWeeks, input.workingDays);
    const error = backtest(h, w.today, { horizon: input.workingDays, trainingWeeks: input.trainingWeeks, folds: 6, step: 5 });
    return {
      origin: w.today,
      history: h.span,
      days,
      model: {
        trainingDays: model.trainingDays,
        upliftFirstDay: model.upliftPerClosedDay[0],
        upliftSecondDay: model.upliftPerClosedDay[1],
      },
      backtest: error,
    };
  },

  'analytics.staffing': (ctx, input) => {
    const { w, days } = forecastFor(ctx, input.trainingWeeks, 10);
    const open = days.filter((d) => !d.closed);
    const day = input.date === undefined ? open[0] : open.find((d) => d.date === input.date);
    if (!day) {
      throw new AppError('VALIDATION', `Pick one of the next 10 working days: ${open.map((d) => d.date).join(', ')}`, {
        fields: { date: ['analytics.dateNotForecast'] },
      });
    }
    const mix = channelAndHandling(ctx.db, w.from, w.to);
    if (mix.mean_ms === null) {
      throw new AppError('NOT_FOUND', `No served tickets between ${w.from} and ${w.to} to measure how long a service takes`, {
        reason: 'analytics.noHistory',
      });
    }
    const walkInShare = mix.tickets === 0 ? 0 : mix.walk_ins / mix.tickets;
    const target = {
      serviceLevel: input.serviceLevelPercent / 100,
      withinSeconds: input.withinMinutes * 60,
      shrinkage: input.shrinkagePercent / 100,
    };
    const options = { ahtSeconds: mix.mean_ms / 1000, intervalSeconds: 3600, target, countersAvailable: input.countersAvailable };
    const demand = day.hours.map((arrivals, hour) => ({ hour, arrivals, walkIns: arrivals * walkInShare })).filter((d) => d.arrivals > 0);
    const hours = planDay(demand, options).map((p) => ({
      ...p,
      averageWaitSeconds: Number.isFinite(p.averageWaitSeconds) ? p.averageWaitSeconds : null,
    }));
    return {
      date: day.date,
      ahtSeconds: options.ahtSeconds,
      walkInShare,
      capacityPerHour: capacity(input.countersAvailable, options.ahtSeconds, 3600, target),
      target: { ...target, countersAvailable: input.countersAvailable },
      hours,
    };
  },

  'analytics.generateHistory': (ctx, input) => generateTrainingHistory(ctx, input),
  'analytics.importTickets': (ctx) => importClosedTickets(ctx),
} satisfies Partial<Handlers>;
