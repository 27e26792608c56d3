// Backtest of the wait estimate: simulated office days (arrivals following the morning peak, several
// counters, service times around a true mean the estimator does not know), the estimate each ticket
// would have been given at check-in, and the wait it actually had. Reports the mean absolute error,
// beside the naive estimate without history (default service time only) for comparison.
import { HOUR_PROFILE, prng } from '../analytics/history-generator.js';
import { estimateWaitMs } from './wait-estimate.js';

export interface BacktestOptions {
  days: number;
  seed: number;
  counters: number;
  /** Arrivals per hour at a profile factor of 1. */
  arrivalsPerHour: number;
  trueServiceMs: number;
  defaultServiceMs: number;
}

export interface BacktestResult {
  tickets: number;
  maeMs: number;
  naiveMaeMs: number;
  meanWaitMs: number;
}

const RECENT = 20;

interface SimTicket {
  arrive: number;
  start: number;
  finish: number;
}

function simulateDay(rand: () => number, o: BacktestOptions): SimTicket[] {
  const arrivals: number[] = [];
  for (const [hour, factor] of Object.entries(HOUR_PROFILE)) {
    const rate = (o.arrivalsPerHour * factor) / 3_600_000;
    let t = Number(hour) * 3_600_000;
    const end = t + 3_600_000;
    for (;;) {
      t += -Math.log(1 - rand()) / rate;
      if (t >= end) break;
      arrivals.push(t);
    }
  }
  const free = Array.from({ length: o.counters }, () => 0);
  return arrivals.map((arrive) => {
    const k = free.indexOf(Math.min(...free));
    const start = Math.max(arrive, free[k]!);
    // Service time: exponential-ish spread around the true mean (shifted so nobody takes under a minute).
    const service = 60_000 + -Math.log(1 - rand()) * (o.trueServiceMs - 60_000);
    free[k] = start + service;
    return { arrive, start, finish: start + service };
  });
}

export function backtestWaitEstimate(o: BacktestOptions): BacktestResult {
  const rand = prng(o.seed);
  let n = 0;
  let err = 0;
  let naiveErr = 0;
  let waits = 0;
  for (let d = 0; d < o.days; d++) {
    const day = simulateDay(rand, o);
    day.forEach((t, i) => {
      const earlier = day.slice(0, i);
      const waiting = earlier.filter((e) => e.start > t.arrive);
      const done = earlier
        .filter((e) => e.finish <= t.arrive)
        .sort((a, b) => b.finish - a.finish)
        .slice(0, RECENT);
      const mean = done.length > 0 ? done.reduce((s, e) => s + (e.finish - e.start), 0) / done.length : null;
      const estimate = estimateWaitMs({
        ahead: waiting.length,
        openCounters: o.counters,
        meanServiceMs: mean,
        headOfLineDelayMs: waiting.length > 0 ? t.arrive - waiting[0]!.arrive : null,
        defaultServiceMs: o.defaultServiceMs,
      });
      const naive = estimateWaitMs({
        ahead: waiting.length,
        openCounters: o.counters,
        meanServiceMs: null,
        headOfLineDelayMs: null,
        defaultServiceMs: o.defaultServiceMs,
      });
      const actual = t.start - t.arrive;
      err += Math.abs(estimate - actual);
      naiveErr += Math.abs(naive - actual);
      waits += actual;
      n++;
    });
  }
  return { tickets: n, maeMs: err / Math.max(1, n), naiveMaeMs: naiveErr / Math.max(1, n), meanWaitMs: waits / Math.max(1, n) };
}
