// Erlang C staffing, as in shared/REFERENCE.md ("Queue and staffing formulas").

export interface Traffic {
  /** Arrivals in one interval. */
  arrivals: number;
  /** Mean handling time, in seconds. */
  ahtSeconds: number;
  /** Interval length, in seconds (1800 for half an hour). */
  intervalSeconds: number;
}

/** Offered load in Erlangs: arrivals x AHT / interval. */
export const offeredLoad = (t: Traffic): number => (t.arrivals * t.ahtSeconds) / t.intervalSeconds;

/** Erlang B by the stable recurrence B_0 = 1, B_k = A B_{k-1} / (k + A B_{k-1}). */
export function erlangB(servers: number, load: number): number {
  let b = 1;
  for (let k = 1; k <= servers; k++) b = (load * b) / (k + load * b);
  return b;
}

/** Probability that an arrival waits, with N counters open; 1 when N <= A (the queue grows without bound). */
export function erlangC(servers: number, load: number): number {
  if (servers <= load) return 1;
  const b = erlangB(servers, load);
  return (servers * b) / (servers - load * (1 - b));
}

/** Share of arrivals answered within `targetSeconds`. */
export function serviceLevel(servers: number, load: number, ahtSeconds: number, targetSeconds: number): number {
  if (servers <= load) return 0;
  return 1 - erlangC(servers, load) * Math.exp((-(servers - load) * targetSeconds) / ahtSeconds);
}

/** Average speed of answer (mean wait of all arrivals), in seconds. */
export function averageWait(servers: number, load: number, ahtSeconds: number): number {
  if (servers <= load) return Number.POSITIVE_INFINITY;
  return (erlangC(servers, load) * ahtSeconds) / (servers - load);
}

/** Counters to roster so that `open` are at their desks after breaks, leave and training. */
export const rostered = (open: number, shrinkage: number): number => Math.ceil(open / (1 - shrinkage));

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
