// The background sync client: a pusher that wakes soon after each local change (and on an interval,
// and on reconnect), a puller that long-polls central so changes elsewhere arrive at once, exponential
// backoff with jitter on failure (capped at seconds), and "Sync now". Installs itself as core's sync port.
// It owns the desk's CentralHealth: whichever request learns that central stopped answering (a queue
// press, the board's poll, a sync round) turns the status to "not answering", and whichever request
// gets an answer again wakes every loop at once.
import type { FirstAdminRequest } from '@common/central/office-join.js';
import type { OfficeOutboxView } from '@common/central/office-outbox.js';
import type { OfficeProblemsView } from '@common/central/office-problems.js';
import { AppError } from '@common/contract/result.js';
import type { Db } from '@db/connection.js';
import { getSetting } from '@db/queries/office/settings.js';
import { setSyncState } from '@db/queries/sync/sync.js';
import { outboxCounts } from '@db/queries/sync/sync-outbox.js';
import { Sleeper } from './sleeper.js';
import { createFirstAdmin, fetchPhoto, officeOutbox, officeProblems, type PhotoFetch } from './office-calls.js';
import type { Core } from '../core/core.js';
import type { LiveSyncState, SyncPort } from '../core/replication/port.js';
import { syncStatus } from '../core/replication/status.js';
import { Backoff } from './backoff.js';
import { CentralHealth, type Reach } from './health.js';
import { uploadCaptures } from './captures.js';
import { enrol, enrolDesk, loadEnrolment, reenrol, type DeskProfile, type Enrolment } from './enrol.js';
import { pullRound, type PullContext } from './pull.js';
import { pushRound, type PushContext } from './push.js';
import { classifyFailure, enrolmentError, Lock, TrainingRefused } from './errors.js';
import { SyncHttpError, type Transport } from './transport.js';
import { openConnection } from './connection.js';

export { TrainingRefused } from './errors.js';
export type { SyncClientOptions } from './client-options.js';
import type { SyncClientOptions } from './client-options.js';

export class SyncClient implements SyncPort {
  readonly db: Db;
  private enrolment: Enrolment | undefined;
  private pushCtx: PushContext | undefined;
  private pullCtx: PullContext | undefined;
  private state: LiveSyncState;
  private running = false;
  private readonly stopped = new AbortController();
  private longPoll: AbortController | undefined;
  private readonly pushLock = new Lock();
  private readonly pullLock = new Lock();
  private readonly pushBackoff: Backoff;
  private readonly pullBackoff: Backoff;
  private pullCaughtUp = false;
  private readonly sleeper: Sleeper;
  private loops: Promise<void>[] = [];
  private emitTimer: NodeJS.Timeout | undefined;
  private offAppChanged: (() => void) | undefined;
  private lastSyncWrite = 0;
  private detach: () => void = () => undefined;
  /** What this desk last learned about central, from any request (sync or queue). */
  readonly health = new CentralHealth();
  private readonly offHealth: () => void;

  private constructor(
    readonly core: Core,
    private readonly opts: SyncClientOptions,
  ) {
    this.db = opts.db ?? core.liveDb;
    this.pushBackoff = new Backoff(opts.backoffBaseMs, opts.backoffMaxMs);
    this.pullBackoff = new Backoff(opts.backoffBaseMs, opts.backoffMaxMs);
    this.sleeper = new Sleeper(
      this.stopped.signal,
      () => outboxCounts(this.db).pending,
      () => this.emitSoon(),
      opts.outboxPollMs,
    );
    this.state = {
      state: 'notEnrolled',
      online: false,
      centralUrl: this.centralUrl(),
      embedded: !!opts.embedded,
      nextAttemptAt: null,
      lastError: null,
    };
    this.offHealth = this.health.onChange((reach, previous) => this.reachChanged(reach, previous));
  }

  /** A state this client is in because of central's reach, not because of something a person must fix. */
  private get reachState(): boolean {
    return ['idle', 'syncing', 'offline', 'notAnswering', 'error'].includes(this.state.state);
  }

  private reachChanged(reach: Reach, previous: Reach): void {
    if (reach === 'answering') {
      // Back: every loop tries now, whatever its backoff said.
      if (previous === 'notAnswering' || previous === 'unreachable') this.kick();
      return;
    }
    if (!this.enrolment || !this.reachState) return;
    if (reach === 'notAnswering')
      this.update({ state: 'notAnswering', online: false, lastError: { code: 'NOT_ANSWERING', message: 'Central does not answer' } });
    else if (reach === 'unreachable')
      this.update({ state: 'offline', online: false, lastError: { code: 'NETWORK', message: 'Central is unreachable' } });
  }

  static async start(core: Core, opts: SyncClientOptions): Promise<SyncClient> {
    const client = new SyncClient(core, opts);
    client.refuseTraining();
    const enrolment = await loadEnrolment(core, opts.keyStore);
    if (enrolment) client.connect(enrolment);
    client.detach = core.attach('sync', client);
    if (opts.background !== false) client.startLoops();
    return client;
  }

  private refuseTraining(): void {
    if (getSetting(this.db, 'training') === '1') throw new TrainingRefused();
  }

  private centralUrl(): string | null {
    return this.opts.embedded?.url ?? this.opts.centralUrl ?? this.enrolment?.centralUrl ?? null;
  }

  private connect(enrolment: Enrolment): void {
    const c = openConnection(this.core, this.db, this.opts, this.health, enrolment);
    this.enrolment = c.enrolment;
    this.pushCtx = c.push;
    this.pullCtx = c.pull;
    this.update({ state: 'idle', centralUrl: c.enrolment.centralUrl });
  }

  get enrolled(): boolean {
    return this.enrolment !== undefined;
  }

  get transport(): Transport | undefined {
    return this.pushCtx?.transport;
  }

  live(): LiveSyncState {
    return { ...this.state };
  }

  private update(patch: Partial<LiveSyncState>): void {
    this.state = { ...this.state, ...patch };
    this.emitSoon();
  }

  /** Debounced: a burst of changes is one event for the status bar. */
  emitSoon(): void {
    if (this.emitTimer) return;
    this.emitTimer = setTimeout(() => {
      this.emitTimer = undefined;
      if (this.running || this.opts.background === false) this.core.events.emit('sync.status', syncStatus(this.core));
    }, 50);
    this.emitTimer.unref();
  }

  // ---------------------------------------------------------------- rounds

  /** Pushes until nothing is pending (or a round fails). */
  pushAll(): Promise<number> {
    return this.pushLock.run(async () => {
      this.refuseTraining();
      const ctx = this.pushCtx;
      if (!ctx) throw new SyncHttpError(0, 'NOT_ENROLLED', 'This workstation is not enrolled');
      let sent = 0;
      for (;;) {
        const r = await pushRound(ctx);
        sent += r.sent;
        this.succeeded('push');
        if (r.more) continue;
        // Images whose ops central just applied; their confirmations are ops too, pushed in the next turn.
        if ((await uploadCaptures(this.core, this.db, ctx.blobs)) > 0) continue;
        return sent;
      }
    });
  }

  /**
   * Pulls until caught up; waitMs > 0 long-polls when nothing is new. A pull that must not wait (a sync
   * cycle, an end of day reading the office) interrupts the background long poll holding the lock, which
   * would otherwise keep it waiting the poll's whole length when nothing new arrives.
   */
  pullAll(waitMs = 0, signal?: AbortSignal): Promise<number> {
    if (waitMs === 0) this.longPoll?.abort();
    return this.pullLock.run(async () => {
      this.refuseTraining();
      const ctx = this.pullCtx;
      if (!ctx) throw new SyncHttpError(0, 'NOT_ENROLLED', 'This workstation is not enrolled');
      let received = 0;
      for (;;) {
        const r = await pullRound(ctx, this.pullCaughtUp ? waitMs : 0, signal);
        received += r.received;
        this.pullCaughtUp = !r.more;
        this.succeeded('pull');
        if (!r.more) return received;
      }
    });
  }

  private succeeded(direction: 'push' | 'pull'): void {
    (direction === 'push' ? this.pushBackoff : this.pullBackoff).reset();
    const now = this.core.now();
    // Written at most once a second: a burst of rounds is one fsync, not dozens.
    if (outboxCounts(this.db).pending === 0 && this.pullCaughtUp && now - this.lastSyncWrite >= 1000) {
      setSyncState(this.db, 'last_sync_at', String(now));
      this.lastSyncWrite = now;
    }
    // A pull getting through does not clear the error of a push still backing off.
    if (direction === 'pull' && this.pushBackoff.count > 0) {
      if (!this.state.online) this.update({ online: true });
      else this.emitSoon();
      return;
    }
    if (!this.state.online || this.state.state !== 'idle')
      this.update({ online: true, state: 'idle', lastError: null, nextAttemptAt: null });
    else this.emitSoon();
  }

  /** Records a failure in the status and says how long to wait before the next try. */
  private failed(err: unknown, backoff: Backoff): number {
    setSyncState(this.db, 'last_attempt_at', String(this.core.now()));
    const { patch, longWait } = classifyFailure(err, this.core.log);
    const delay = longWait ? backoff.max() : backoff.next();
    this.update({ ...patch, nextAttemptAt: this.core.now() + delay });
    return delay;
  }

  /** One full cycle, errors thrown: push everything, then pull until caught up. */
  async runCycle(): Promise<void> {
    this.update({ state: 'syncing' });
    setSyncState(this.db, 'last_attempt_at', String(this.core.now()));
    await this.pushAll();
    await this.pullAll(0);
  }

  /** "Sync now": resets the backoff, interrupts a long-poll, runs a cycle; failures land in the status. */
  async syncNow(): Promise<void> {
    if (!this.enrolled) await this.tryAutoEnrol();
    this.pushBackoff.reset();
    this.pullBackoff.reset();
    this.longPoll?.abort();
    try {
      await this.runCycle();
    } catch (err) {
      this.failed(err, this.pushBackoff);
    }
    this.kick();
  }

  officeOutbox(date: string, signal?: AbortSignal): Promise<OfficeOutboxView> {
    return officeOutbox(this.pushCtx?.transport, date, signal);
  }

  officeProblems(): Promise<OfficeProblemsView> {
    return officeProblems(this.pushCtx?.transport);
  }

  fetchPhoto(sha256: string): Promise<PhotoFetch> {
    return fetchPhoto(this.pushCtx?.transport, sha256);
  }

  /** Setup joins the office (both ways of setting up do): see SyncPort.enrolDesk. */
  async enrolDesk(desk: DeskProfile, code: string | undefined): Promise<void> {
    if (this.enrolment) {
      if (this.enrolment.officeCode === desk.officeCode) return;
      throw new AppError('CONFLICT', `This workstation is enrolled with ${this.enrolment.officeCode}`, { reason: 'setup.otherOffice' });
    }
    const url = this.centralUrl();
    if (!url) throw new AppError('OFFLINE', 'No central server is configured', { reason: 'sync.notConfigured' });
    await this.join(async () => {
      const given = code ?? (this.opts.embedded ? await this.opts.embedded.enrolmentCode(desk.officeCode) : undefined);
      if (!given) throw new AppError('VALIDATION', 'An enrolment code is required', { fields: { code: ['required'] } });
      return enrolDesk(this.core, this.opts.keyStore, url, given, desk, this.opts.fetch);
    });
  }

  /** Enrols (or enrols again) and connects; failures become contract errors the forms can show. */
  private async join(obtain: () => Promise<Enrolment>): Promise<void> {
    let enrolment: Enrolment;
    try {
      enrolment = await obtain();
    } catch (err) {
      throw enrolmentError(err);
    }
    this.connect(enrolment);
    this.kick();
  }

  createFirstAdmin(account: FirstAdminRequest): Promise<void> {
    return createFirstAdmin(this.pushCtx?.transport, account);
  }

  async catchUp(): Promise<void> {
    try {
      await this.pullAll(0);
    } catch (err) {
      throw enrolmentError(err);
    }
  }

  /** For the sync.enrol call: failures become contract errors the enrolment form can show. */
  enrol(centralUrl: string, code: string): Promise<void> {
    return this.join(() => enrol(this.core, this.opts.keyStore, this.opts.embedded?.url ?? centralUrl, code, this.opts.fetch));
  }

  /** For the sync.reenrol call: only a workstation central has revoked (or no longer knows) is enrolled again. */
  async reenrol(code: string): Promise<void> {
    if (this.state.state !== 'revoked' || !this.enrolment) {
      throw new AppError('CONFLICT', 'This workstation is not revoked: there is nothing to enrol again', {
        reason: 'sync.notRevoked',
      });
    }
    const { centralUrl } = this.enrolment;
    await this.join(() => reenrol(this.core, this.opts.keyStore, centralUrl, code, this.opts.fetch));
    // join's kick reset both backoffs; the revocation's error goes with them.
    this.update({ lastError: null, nextAttemptAt: null });
  }

  private async tryAutoEnrol(): Promise<void> {
    const embedded = this.opts.embedded;
    if (!embedded || this.enrolled || getSetting(this.db, 'setup_done') !== '1') return;
    const officeCode = getSetting(this.db, 'office_code');
    if (!officeCode) return;
    try {
      await this.enrol(embedded.url, await embedded.enrolmentCode(officeCode));
    } catch (err) {
      this.failed(err, this.pushBackoff);
    }
  }

  // ---------------------------------------------------------------- background loops

  /**
   * Wakes every loop now, the queue's board poll included, with the backoff reset: after a reconnect,
   * when the network returns, on resume from sleep, after "Sync now".
   */
  kick(): void {
    this.pushBackoff.reset();
    this.pullBackoff.reset();
    this.sleeper.wakeAll();
    this.health.wake();
  }

  private startLoops(): void {
    this.running = true;
    // Setup just finished (the embedded central can enrol us now), or training mode was left.
    this.offAppChanged = this.core.events.on('app.changed', () => this.kick());
    this.loops = [this.pushLoop(), this.pullLoop()];
  }

  private async pushLoop(): Promise<void> {
    while (this.running) {
      if (!this.enrolled) {
        await this.tryAutoEnrol();
        if (!this.enrolled) {
          this.update({ state: 'notEnrolled' });
          await this.sleeper.sleep(5000);
          continue;
        }
      }
      try {
        const sent = await this.pushAll();
        this.pushBackoff.reset();
        // An op written while that push was on the wire goes now, not after the sleeper's retry wait;
        // a round that sent nothing does not spin on ops central keeps answering with a gap.
        if (sent > 0 && outboxCounts(this.db).pending > 0) continue;
        await this.sleeper.sleep(this.opts.intervalMs ?? 30_000, true);
      } catch (err) {
        await this.sleeper.sleep(this.failed(err, this.pushBackoff));
      }
    }
  }

  private async pullLoop(): Promise<void> {
    while (this.running) {
      if (!this.enrolled) {
        await this.sleeper.sleep(5000);
        continue;
      }
      const wasOnline = this.state.online;
      this.longPoll = new AbortController();
      const abort = (): void => this.longPoll?.abort();
      this.stopped.signal.addEventListener('abort', abort);
      try {
        await this.pullAll(this.opts.longPollMs ?? 25_000, this.longPoll.signal);
        this.pullBackoff.reset();
        if (!wasOnline) this.kick(); // reconnected: push what waited
      } catch (err) {
        if (this.longPoll.signal.aborted) continue;
        await this.sleeper.sleep(this.failed(err, this.pullBackoff));
      } finally {
        this.stopped.signal.removeEventListener('abort', abort);
      }
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    this.offAppChanged?.();
    this.offHealth();
    this.stopped.abort();
    this.longPoll?.abort();
    this.kick();
    await Promise.allSettled(this.loops);
    if (this.emitTimer) clearTimeout(this.emitTimer);
    this.detach();
  }
}
