// Erlang C staffing, as in shared/REFERENCE.md ("Queue and staffing formulas").

export interface Traffic {
  /** Arrivals in one interval. */
  arrivals: number;
  /** Mean handling time, in seconds. */
  ahtSeconds: number;
  /** Interval length, in seconds (1800 for half an hour). */
  intervalSeconds: number;
}

/** Bad numbers fail loudly here rather than turning into NaN counters on a staffing plan. */
function wholeCount(name: string, n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`${name} must be a whole number of 0 or more (got ${n})`);
}
function amount(name: string, n: number, { positive = false } = {}): void {
  if (!Number.isFinite(n) || n < 0 || (positive && n === 0))
    throw new RangeError(`${name} must be a finite number ${positive ? 'above' : 'of'} 0${positive ? '' : ' or more'} (got ${n})`);
}

/** Offered load in Erlangs: arrivals x AHT / interval. Expected arrivals may be fractional (a forecast). */
export function offeredLoad(t: Traffic): number {
  amount('arrivals', t.arrivals);
  amount('ahtSeconds', t.ahtSeconds, { positive: true });
  amount('intervalSeconds', t.intervalSeconds, { positive: true });
  return (t.arrivals * t.ahtSeconds) / t.intervalSeconds;
}

/** Erlang B by the stable recurrence B_0 = 1, B_k = A B_{k-1} / (k + A B_{k-1}). */
export function erlangB(servers: number, load: number): number {
  wholeCount('servers', servers);
  amount('load', load);
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/**
 * Probability that an arrival waits, with N counters open; 1 when N <= A (the queue grows without bound),
 * 0 when nobody comes.
 */
export function erlangC(servers: number, load: number): number {
  wholeCount('servers', servers);
  amount('load', load);
  if (load === 0) return 0;
  if (servers <= load) return 1;
  const b = erlangB(servers, load);
  return (servers * b) / (servers - load * (1 - b));
}

/** Share of arrivals answered within `targetSeconds`. */
export function serviceLevel(servers: number, load: number, ahtSeconds: number, targetSeconds: number): number {
  amount('ahtSeconds', ahtSeconds, { positive: true });
  amount('targetSeconds', targetSeconds);
  if (erlangC(servers, load) === 0) return 1;
  if (servers <= load) return 0;
  return 1 - erlangC(servers, load) * Math.exp((-(servers - load) * targetSeconds) / ahtSeconds);
}

/** Average speed of answer (mean wait of all arrivals), in seconds. */
export function averageWait(servers: number, load: number, ahtSeconds: number): number {
  amount('ahtSeconds', ahtSeconds, { positive: true });
  if (erlangC(servers, load) === 0) return 0;
  if (servers <= load) return Number.POSITIVE_INFINITY;
  return (erlangC(servers, load) * ahtSeconds) / (servers - load);
}

/** Shrinkage is worked in millionths so that 21 counters at 30 % give 30 rostered, not 31 (21 / 0.7 is 30.000000000000004). */
const MILLIONTHS = 1_000_000;

/** Counters to roster so that `open` are at their desks after breaks, leave and training. */
export function rostered(open: number, shrinkage: number): number {
  wholeCount('open counters', open);
  if (!Number.isFinite(shrinkage) || shrinkage < 0 || shrinkage >= 1)
    throw new RangeError(`shrinkage must be at least 0 and below 1 (got ${shrinkage})`);
  const present = Math.round((1 - shrinkage) * MILLIONTHS);
  return Math.ceil((open * MILLIONTHS) / present);
}

export interface StaffingTarget {
  /** Wanted share served within `withinSeconds`, 0..1. */
  serviceLevel: number;
  withinSeconds: number;
  shrinkage: number;
  maxCounters?: number;
}

export interface StaffingPlan {
  load: number;
  counters: number;
  rostered: number;
  probabilityOfWait: number;
  serviceLevel: number;
  averageWaitSeconds: number;
  /** False when even maxCounters cannot meet the target. */
  feasible: boolean;
}

/** The fewest open counters that meet the service-level target for this traffic. */
export function staffFor(traffic: Traffic, target: StaffingTarget): StaffingPlan {
  const load = offeredLoad(traffic);
  const max = target.maxCounters ?? Math.max(1, Math.ceil(load) + 200);
  const plan = (n: number, feasible: boolean): StaffingPlan => ({
    load,
    counters: n,
    rostered: rostered(n, target.shrinkage),
    probabilityOfWait: erlangC(n, load),
    serviceLevel: serviceLevel(n, load, traffic.ahtSeconds, target.withinSeconds),
    averageWaitSeconds: averageWait(n, load, traffic.ahtSeconds),
    feasible,
  });
  if (load === 0) return plan(0, true);
  for (let n = Math.max(1, Math.floor(load) + 1); n <= max; n++) {
    if (serviceLevel(n, load, traffic.ahtSeconds, target.withinSeconds) >= target.serviceLevel) return plan(n, true);
  }
  return plan(max, false);
}

/**
 * Appointments per interval that N counters can take while still meeting the target: the largest
 * arrival count whose plan needs no more than N counters.
 */
export function quotaFor(counters: number, ahtSeconds: number, intervalSeconds: number, target: StaffingTarget): number {
  let quota = 0;
  while (quota < 10_000) {
    const next = staffFor({ arrivals: quota + 1, ahtSeconds, intervalSeconds }, { ...target, maxCounters: counters });
    if (!next.feasible || next.counters > counters) break;
    quota += 1;
  }
  return quota;
}
