// What this desk last learned about central, shared by every request to it (sync rounds, the queue's
// calls and its board poll): central answered, central took the connection but did not answer within
// the request's deadline (hung: a stopped process, a full disk, a stuck proxy), or the connection itself
// failed (offline). The queue falls back to local mode at once while central is not answering instead
// of making every press wait out its deadline; the status bar says which of the two it is.

export type Reach = 'unknown' | 'answering' | 'notAnswering' | 'unreachable';

export class CentralHealth {
  private current: Reach = 'unknown';
  private changedAt = 0;
  /** When the latest request that got an answer was sent: central was alive after that. */
  private answeredSentAt = -Infinity;
  private readonly listeners = new Set<(reach: Reach, previous: Reach) => void>();
  private readonly wakers = new Set<() => void>();

  constructor(readonly now: () => number = Date.now) {}

  get reach(): Reach {
    return this.current;
  }

  /** When the reach last changed (0: never). */
  get since(): number {
    return this.changedAt;
  }

  /** A request sent at `sentAt` got an answer. */
  answered(sentAt: number): void {
    this.answeredSentAt = Math.max(this.answeredSentAt, sentAt);
    this.set('answering');
  }

  /**
   * A request sent at `sentAt` got no answer in time. One sent before a request that did get an answer
   * says nothing new (it went into the outage that answer ended) and is ignored; an answer that merely
   * arrives later, to a request sent earlier, does not excuse it.
   */
  timedOut(sentAt: number): void {
    if (sentAt >= this.answeredSentAt) this.set('notAnswering');
  }

  unreachable(sentAt: number): void {
    if (sentAt >= this.answeredSentAt) this.set('unreachable');
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
