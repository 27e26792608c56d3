// How wrong the forecast would have been: a rolling-origin backtest. Each fold learns only from the
// days before its origin and forecasts the working days after it, hour by hour, like the real thing.
import { fit, forecast, HOURS, workingDaysIn, type History } from './forecast.js';
import { plusDays as addDays } from './forecast-calendar.js';
import type { IsoDate } from '../shared/working-days.js';

export interface BacktestOptions {
  horizon: number;
  trainingWeeks: number;
  folds: number;
  /** Working days between two origins. */
  step: number;
}

export interface BacktestResult {
  folds: number;
  /** Hour cells compared (open hours of the forecast working days). */
  cells: number;
  /** Mean absolute error, arrivals per hour. */
  mae: number;
  /** Mean absolute percentage error over cells with arrivals, in percent. */
  mape: number;
  /** The same error for "same hour on the same weekday last week", the forecast to beat. */
  naiveMae: number;
}

/** Backtests over the data's working days up to (excluding) `end`; folds that lack two weeks of training are skipped. */
export function backtest(h: History, end: IsoDate, o: BacktestOptions): BacktestResult {
  const days = workingDaysIn(h.firstDay, end, h.holidays);
  const minTraining = addDays(h.firstDay, 14);
  let absErr = 0;
  let naiveErr = 0;
  let pctErr = 0;
  let cells = 0;
  let pctCells = 0;
  let folds = 0;
  for (let f = 0; f < o.folds; f++) {
    const start = days.length - o.horizon - f * o.step;
    const origin = days[start];
    if (start < 0 || origin === undefined || origin < minTraining) break;
    const model = fit(h, origin, o.trainingWeeks);
    folds += 1;
    for (const day of forecast(model, origin, o.horizon, h.holidays)) {
      if (day.closed) continue;
      const actual = h.counts.get(day.date) ?? [];
      const lastWeek = h.counts.get(addDays(day.date, -7)) ?? [];
      for (let hour = 0; hour < HOURS; hour++) {
        const a = actual[hour] ?? 0;
        const p = day.hours[hour] ?? 0;
        if (a === 0 && p === 0) continue;
        cells += 1;
        absErr += Math.abs(p - a);
        naiveErr += Math.abs((lastWeek[hour] ?? 0) - a);
        if (a > 0) {
          pctCells += 1;
          pctErr += Math.abs(p - a) / a;
        }
      }
    }
  }
  return {
    folds,
    cells,
    mae: cells ? absErr / cells : 0,
    mape: pctCells ? (100 * pctErr) / pctCells : 0,
    naiveMae: cells ? naiveErr / cells : 0,
  };
}
