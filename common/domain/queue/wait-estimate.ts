// Wait estimates shown at check-in, on the ticket and on the board (issue: "Wait estimates").

export interface WaitInputs {
  /** Tickets the queue order puts ahead of this one, for the same service. */
  ahead: number;
  /** Counters open and serving this service now. */
  openCounters: number;
  /** Recent mean service time for the service (ms); null without history. */
  meanServiceMs: number | null;
  /** How long the ticket at the head of the queue has waited (ms); null when nobody waits. */
  headOfLineDelayMs: number | null;
  /** Service time used until the service has history (ms). */
  defaultServiceMs: number;
}

/** Weight of the head-of-line delay once there is history: it reacts to a stalled floor sooner. */
const HOL_WEIGHT = 0.3;

export function estimateWaitMs(w: WaitInputs): number {
  const counters = Math.max(1, w.openCounters);
  const service = w.meanServiceMs ?? w.defaultServiceMs;
  const queueBased = ((w.ahead + 1) * service) / counters;
  if (w.meanServiceMs === null || w.headOfLineDelayMs === null) return Math.round(queueBased);
  // The head-of-line ticket has waited D for `ahead` people to drain; scale that rate to this ticket.
  const holBased = w.ahead > 0 ? (w.headOfLineDelayMs * (w.ahead + 1)) / w.ahead : queueBased;
  return Math.round((1 - HOL_WEIGHT) * queueBased + HOL_WEIGHT * holBased);
}
