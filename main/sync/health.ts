// What this desk last learned about central, shared by every request to it (sync rounds, the queue's
// calls and its board poll): central answered, central took the connection but did not answer within
// the request's deadline (hung: a stopped process, a full disk, a stuck proxy), or the connection itself
// failed (offline). The queue falls back to local mode at once while central is not answering instead
// of making every press wait out its deadline; the status bar says which of the two it is.

export type Reach = 'unknown' | 'answering' | 'notAnswering' | 'unreachable';

export class CentralHealth {
  private current: Reach = 'unknown';
  private changedAt = 0;
  private readonly listeners = new Set<(reach: Reach, previous: Reach) => void>();
  private readonly wakers = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  get reach(): Reach {
    return this.current;
  }

  /** When the reach last changed (0: never). */
  get since(): number {
    return this.changedAt;
  }

  answered(): void {
    this.set('answering');
  }

  timedOut(): void {
    this.set('notAnswering');
  }

  unreachable(): void {
    this.set('unreachable');
  }

  /** Called with the new and the previous reach whenever it changes; returns the unsubscribe function. */
  onChange(fn: (reach: Reach, previous: Reach) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /**
   * Something says central may be back (the network returned, the computer woke, "Sync now"): every loop
   * waiting to retry tries now.
   */
  wake(): void {
    for (const fn of [...this.wakers]) fn();
  }

  onWake(fn: () => void): () => void {
    this.wakers.add(fn);
    return () => this.wakers.delete(fn);
  }

  private set(reach: Reach): void {
    if (reach === this.current) return;
    const previous = this.current;
    this.current = reach;
    this.changedAt = this.now();
    for (const fn of [...this.listeners]) fn(reach, previous);
  }
}
