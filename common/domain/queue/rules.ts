// The queue's tunable rules and their defaults (central overrides them per office).
export interface QueueRuleSet {
  /** A ticket waiting this long goes ahead of everything not yet aged. */
  agingMs: number;
  /** A booking may check in this long before its slot. */
  earlyWindowMs: number;
  /** Beyond this after the slot, the applicant joins the walk-in queue (Qmatic). */
  lateWindowMs: number;
  /** Calls (first call and recalls) before a no-show may be recorded. */
  maxRecalls: number;
  /** Time after a ticket's last call before a no-show may be recorded: the applicant needs it to reach the counter. */
  noShowAfterMs: number;
  /** Service time assumed until a service has history today. */
  defaultServiceMs: number;
}

export const DEFAULT_QUEUE_RULES: QueueRuleSet = {
  agingMs: 45 * 60_000,
  earlyWindowMs: 60 * 60_000,
  lateWindowMs: 30 * 60_000,
  maxRecalls: 3,
  noShowAfterMs: 20_000,
  defaultServiceMs: 6 * 60_000,
};
