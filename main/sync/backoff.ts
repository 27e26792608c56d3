/**
 * Exponential backoff with jitter: after n failures wait a random time between half and all of
 * min(max, base * 2^n), so workstations coming back after an outage do not hit central in step. The cap
 * is short (5 s) because a desk must be online again within seconds of central's return: every retry
 * of a failed connection costs central next to nothing, and a hung central is not retried by the
 * queue's presses while it is known not to answer (main/sync/health.ts). The reset comes with any
 * request that succeeds, a network that returns and "Sync now".
 */
export const BACKOFF_BASE_MS = 500;
export const BACKOFF_MAX_MS = 5_000;
/** For states only a person can fix (revoked, update required, training): no point asking every 5 s. */
export const LONG_WAIT_MS = 5 * 60_000;

export class Backoff {
  private failures = 0;

  constructor(
    private readonly baseMs = BACKOFF_BASE_MS,
    private readonly maxMs = BACKOFF_MAX_MS,
    private readonly random: () => number = Math.random,
    private readonly longMs = LONG_WAIT_MS,
  ) {}

  get count(): number {
    return this.failures;
  }

  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** The long wait, for states only a person can fix (revoked, update required). */
  max(): number {
    this.failures += 1;
    return Math.round(this.longMs / 2 + (this.random() * this.longMs) / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
