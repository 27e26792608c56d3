/** Per office, the long polls waiting to be woken: each wakes once, on a wake, its timeout or its abort. */
export class OfficeWaiters {
  private readonly waiters = new Map<string, Set<() => void>>();

  wait(officeCode: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const set = this.waiters.get(officeCode) ?? new Set();
      this.waiters.set(officeCode, set);
      const done = (): void => {
        clearTimeout(timer);
        set.delete(done);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal?.addEventListener('abort', done);
      set.add(done);
    });
  }

  wakeAll(officeCode: string): void {
    const set = this.waiters.get(officeCode);
    if (!set) return;
    this.waiters.delete(officeCode);
    for (const wake of set) wake();
  }

  offices(): string[] {
    return [...this.waiters.keys()];
  }

  /** How many are waiting on the office now. */
  count(officeCode: string): number {
    return this.waiters.get(officeCode)?.size ?? 0;
  }
}

/**
 * Wakes long-polling pulls of an office when a commit publishes changes. In-process: a server running
 * several instances on one PostgreSQL would add LISTEN/NOTIFY here (the pulls re-read the table anyway).
 */
export class OfficeNotifier {
  private readonly waiters = new OfficeWaiters();
  private closed = false;

  notify(officeCode: string): void {
    this.waiters.wakeAll(officeCode);
  }

  /** Pulls long-polling on the office right now (tests wait for one before committing). */
  waiting(officeCode: string): number {
    return this.waiters.count(officeCode);
  }

  /**
   * Registers before the caller re-reads, so a commit between the read and the wait is not missed:
   * call `ready` (the returned promise) only after checking the table once more.
   */
  subscribe(officeCode: string, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.closed) return Promise.resolve();
    return this.waiters.wait(officeCode, timeoutMs, signal);
  }

  /** Server shutdown: every waiting pull answers now instead of holding the close up. */
  close(): void {
    this.closed = true;
    for (const officeCode of this.waiters.offices()) this.notify(officeCode);
  }
}
