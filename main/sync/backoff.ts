/**
 * Exponential backoff with jitter: after n failures wait a random time between half and all of
 * min(max, base * 2^n), so workstations coming back after an outage do not hit central in step.
 */
export class Backoff {
  private failures = 0;

  constructor(
    private readonly baseMs = 1000,
    private readonly maxMs = 5 * 60_000,
    private readonly random: () => number = Math.random,
  ) {}

  get count(): number {
    return this.failures;
  }

  next(): number {
    const ceiling = Math.min(this.maxMs, this.baseMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return Math.round(ceiling / 2 + (this.random() * ceiling) / 2);
  }

  /** The longest wait, for states only a person can fix (revoked, update required). */
  max(): number {
    this.failures += 1;
    return Math.round(this.maxMs / 2 + (this.random() * this.maxMs) / 2);
  }

  reset(): void {
    this.failures = 0;
  }
}
