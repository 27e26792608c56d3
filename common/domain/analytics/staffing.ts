// Counters per hour by Erlang C (common/domain/analytics/erlang.ts), with shrinkage, and the appointment quota
// the planned counters can take on top of the walk-ins expected in that hour.
import { offeredLoad, serviceLevel, staffFor, type StaffingTarget } from './erlang.js';

/** The default: 80% of visitors called within 30 minutes; a third of rostered time is lost to breaks, leave and training. */
export const DEFAULT_TARGET: StaffingTarget = { serviceLevel: 0.8, withinSeconds: 1800, shrinkage: 0.3 };

export interface HourDemand {
  hour: number;
  /** Expected arrivals in the interval (all channels). */
  arrivals: number;
  /** Of which walk-ins (not bookable): the quota is what is left for appointments. */
  walkIns: number;
}

export interface HourPlan {
  hour: number;
  arrivals: number;
  load: number;
  /** Counters open to meet the target. */
  counters: number;
  /** Staff to roster for those counters after shrinkage. */
  rostered: number;
  probabilityOfWait: number;
  serviceLevel: number;
  averageWaitSeconds: number;
  /** False when the target needs more counters than the office has (or any number cannot meet it). */
  feasible: boolean;
  /** The service level the office gets with only `countersAvailable` open (0 when they cannot keep up). */
  serviceLevelWithAvailable: number;
  /** Appointments to offer in this hour with `countersAvailable` open. */
  quota: number;
}

export interface StaffingOptions {
  ahtSeconds: number;
  intervalSeconds: number;
  target: StaffingTarget;
  /** Counters the office can open: the ceiling for both the plan and the quota. */
  countersAvailable: number;
}

/**
 * The most arrivals per interval that `counters` can serve within target. Service level falls as the
 * load rises, so a binary search finds the edge; erlang.ts's quotaFor walks it one arrival at a time.
 */
export function capacity(
  counters: number,
  ahtSeconds: number,
  intervalSeconds: number,
  target: Pick<StaffingTarget, 'serviceLevel' | 'withinSeconds'>,
): number {
  const meets = (arrivals: number) =>
    serviceLevel(counters, offeredLoad({ arrivals, ahtSeconds, intervalSeconds }), ahtSeconds, target.withinSeconds) >= target.serviceLevel;
  if (counters <= 0 || !meets(0)) return 0;
  let lo = 0;
  let hi = Math.ceil((counters * intervalSeconds) / ahtSeconds);
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (meets(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function planHour(d: HourDemand, o: StaffingOptions): HourPlan {
  // Uncapped: the supervisor sees how many counters the target takes even when the office has fewer.
  const plan = staffFor({ arrivals: d.arrivals, ahtSeconds: o.ahtSeconds, intervalSeconds: o.intervalSeconds }, o.target);
  const quota = Math.max(0, capacity(o.countersAvailable, o.ahtSeconds, o.intervalSeconds, o.target) - Math.ceil(d.walkIns));
  return {
    hour: d.hour,
    arrivals: d.arrivals,
    load: plan.load,
    counters: plan.counters,
    rostered: plan.rostered,
    probabilityOfWait: plan.probabilityOfWait,
    serviceLevel: plan.serviceLevel,
    averageWaitSeconds: plan.averageWaitSeconds,
    feasible: plan.feasible && plan.counters <= o.countersAvailable,
    serviceLevelWithAvailable: serviceLevel(o.countersAvailable, plan.load, o.ahtSeconds, o.target.withinSeconds),
    quota,
  };
}

export const planDay = (demand: readonly HourDemand[], o: StaffingOptions): HourPlan[] => demand.map((d) => planHour(d, o));
