// How the sync loops wait: for an interval, until woken (a reconnect, resume from sleep, "Sync now"), until
// the client stops, or, for the pusher, until a new op appears in the outbox ("soon after each change").
// The outbox is polled locally (an indexed count), never central.

/** An op written while the last push was on the wire is pending already: come back for it this soon. */
const PENDING_RETRY_MS = 1000;

export class Sleeper {
  private readonly wakers = new Set<() => void>();

  constructor(
    private readonly stopped: AbortSignal,
    private readonly pending: () => number,
    /** Called when the pending count changes while waiting (the status bar's count). */
    private readonly onPendingChange: () => void,
    private readonly pollMs = 50,
  ) {}

  /** Wakes every waiting loop now. */
  wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  sleep(ms: number, wakeOnChange = false): Promise<void> {
    // A stop that arrived while a push was running has already fired its abort event: do not wait.
    if (this.stopped.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      let poll: NodeJS.Timeout | undefined;
      const done = (): void => {
        clearTimeout(timer);
        if (poll) clearInterval(poll);
        this.wakers.delete(done);
        this.stopped.removeEventListener('abort', done);
        resolve();
      };
      // The change poll below would never see an op that is already pending arrive.
      const waiting = wakeOnChange && this.pending() > 0;
      const timer = setTimeout(done, waiting ? Math.min(ms, PENDING_RETRY_MS) : ms);
      this.wakers.add(done);
      this.stopped.addEventListener('abort', done);
      if (wakeOnChange) {
        let last = this.pending();
        poll = setInterval(() => {
          const pending = this.pending();
          if (pending !== last) this.onPendingChange();
          if (pending > last || (pending > 0 && last === 0)) done();
          last = pending;
        }, this.pollMs);
      }
    });
  }
}
