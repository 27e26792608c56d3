// The supervisor's analytics over the workstation's ticket history: when people come, how
// long each service takes, how many will come in the next working days, and how many counters that needs.
import { z } from 'zod';
import { defineCall } from './define.js';
import { Empty } from './schemas.js';

const SUPERVISORS = ['supervisor', 'admin'] as const;
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2026-12-01');
const Weeks = z.number().int().min(1).max(104);
const Period = z.strictObject({ from: IsoDate, to: IsoDate });

export const HeatmapView = Period.extend({
  weekdays: z.array(z.number().int()),
  hours: z.array(z.number().int()),
  /** mean[weekday][hour]: arrivals per open day of that weekday. */
  mean: z.array(z.array(z.number())),
  openDays: z.array(z.number().int()),
  total: z.number().int(),
  peak: z.strictObject({ weekday: z.number().int(), hour: z.number().int(), mean: z.number() }).nullable(),
});

export const ServiceTimesView = Period.extend({
  services: z.array(
    z.strictObject({
      serviceCode: z.string(),
      nameId: z.string(),
      nameEn: z.string(),
      count: z.number().int(),
      meanSeconds: z.number(),
      p50: z.number(),
      p80: z.number(),
      p90: z.number(),
      p95: z.number(),
      histogram: z.array(z.strictObject({ fromSeconds: z.number(), toSeconds: z.number(), count: z.number().int() })),
    }),
  ),
});

export const ForecastView = z.strictObject({
  origin: IsoDate,
  history: Period.extend({ tickets: z.number().int() }).nullable(),
  days: z.array(
    z.strictObject({
      date: IsoDate,
      closed: z.boolean(),
      holidayName: z.string().nullable(),
      /** Expected arrivals in each local hour, 0-23. */
      hours: z.array(z.number()),
      total: z.number(),
      uplift: z.number(),
    }),
  ),
  model: z.strictObject({ trainingDays: z.number().int(), upliftFirstDay: z.number(), upliftSecondDay: z.number() }),
  backtest: z.strictObject({ folds: z.number().int(), cells: z.number().int(), mae: z.number(), mape: z.number(), naiveMae: z.number() }),
});

export const StaffingView = z.strictObject({
  date: IsoDate,
  ahtSeconds: z.number(),
  walkInShare: z.number(),
  /** Arrivals per hour the available counters can serve within target. */
  capacityPerHour: z.number().int(),
  target: z.strictObject({
    serviceLevel: z.number(),
    withinSeconds: z.number(),
    shrinkage: z.number(),
    countersAvailable: z.number().int(),
  }),
  hours: z.array(
    z.strictObject({
      hour: z.number().int(),
      arrivals: z.number(),
      load: z.number(),
      counters: z.number().int(),
      rostered: z.number().int(),
      probabilityOfWait: z.number(),
      serviceLevel: z.number(),
      /** Null when the queue cannot settle (counters <= load). */
      averageWaitSeconds: z.number().nullable(),
      feasible: z.boolean(),
      serviceLevelWithAvailable: z.number(),
      quota: z.number().int(),
    }),
  ),
});

export const HistorySpanView = z.strictObject({
  first: IsoDate.nullable(),
  last: IsoDate.nullable(),
  tickets: z.number().int(),
  training: z.boolean(),
});

export const analyticsCalls = {
  'analytics.span': defineCall({ input: Empty, output: HistorySpanView, access: SUPERVISORS, mutates: false }),
  'analytics.heatmap': defineCall({
    input: z.strictObject({ weeks: Weeks.default(8) }),
    output: HeatmapView,
    access: SUPERVISORS,
    mutates: false,
  }),
  'analytics.serviceTimes': defineCall({
    input: z.strictObject({ weeks: Weeks.default(8) }),
    output: ServiceTimesView,
    access: SUPERVISORS,
    mutates: false,
  }),
  'analytics.forecast': defineCall({
    input: z.strictObject({ trainingWeeks: Weeks.default(8), workingDays: z.number().int().min(1).max(20).default(10) }),
    output: ForecastView,
    access: SUPERVISORS,
    mutates: false,
  }),
  'analytics.staffing': defineCall({
    input: z.strictObject({
      /** One of the forecast's working days; the first one when absent. */
      date: IsoDate.optional(),
      serviceLevelPercent: z.number().int().min(1).max(99).default(80),
      withinMinutes: z.number().int().min(1).max(240).default(30),
      shrinkagePercent: z.number().int().min(0).max(90).default(30),
      countersAvailable: z.number().int().min(1).max(200).default(10),
      trainingWeeks: Weeks.default(8),
    }),
    output: StaffingView,
    access: SUPERVISORS,
    mutates: false,
  }),
  /** Adds the queue's closed tickets to the history the analytics read; the screens run it when they open. */
  'analytics.importTickets': defineCall({
    input: Empty,
    output: z.strictObject({ imported: z.number().int() }),
    access: SUPERVISORS,
    mutates: true,
  }),
  /** Training mode only: replaces the generated history with `weeks` of believable tickets up to yesterday. */
  'analytics.generateHistory': defineCall({
    input: z.strictObject({
      weeks: z.number().int().min(1).max(60).default(26),
      dailyVolume: z.number().int().min(20).max(10_000).default(400),
      seed: z
        .number()
        .int()
        .min(0)
        .max(2 ** 31)
        .default(2026),
    }),
    output: Period.extend({ tickets: z.number().int(), workingDays: z.number().int() }),
    access: SUPERVISORS,
    mutates: true,
  }),
};

export type HeatmapResult = z.infer<typeof HeatmapView>;
export type ServiceTimesResult = z.infer<typeof ServiceTimesView>;
export type ForecastResult = z.infer<typeof ForecastView>;
export type StaffingResult = z.infer<typeof StaffingView>;
export type HistorySpan = z.infer<typeof HistorySpanView>;
