// Central's office queue for core (main/core/queue/port.ts), over the sync client's signed transport.
// Network failures, central's 5xx and a deadline passed (4 s: an officer is waiting) become
// QueueUnreachable (core switches to local mode); central's refusals become QueueRefused with its code.
// While central is known not to answer, a press goes to local mode at once instead of waiting out the
// deadline again: the board's poll is the probe that notices central's return. That long-poll loop also
// pushes board changes made at other counters to this workstation's screens as 'queue.changed' events.
import type { z } from 'zod';
import { queueRoutes, ticketActionRoutes, type RouteInput, type RouteResponse, type SignedRoute } from '@common/central/routes.js';
import type { IssueRequest } from '@common/contract/queue/central.js';
import type { LocalTicket, OfflineAction } from '@common/contract/queue/sync.js';
import type { Core } from '../core/core.js';
import { reconcileLocal } from '../core/queue/central.js';
import type { TicketActionKind } from '@common/domain/queue/lifecycle.js';
import { QueueRefused, QueueUnreachable, type QueuePort } from '../core/queue/port.js';
import { Backoff } from './backoff.js';
import { SyncHttpError, type Transport } from './transport.js';

const UNREACHABLE_STATUSES = new Set([0, 502, 503, 504]);

export class CentralQueue implements QueuePort {
  constructor(private readonly transport: () => Transport | undefined) {}

  private async send<R extends SignedRoute>(
    route: R,
    input: RouteInput<R>,
    signal?: AbortSignal,
    probe = false,
  ): Promise<RouteResponse<R>> {
    const t = this.transport();
    if (!t) throw new QueueUnreachable('This workstation is not enrolled with central');
    if (!probe && t.health.reach === 'notAnswering') throw new QueueUnreachable('Central is not answering');
    try {
      return await t.call(route, input, signal);
    } catch (err) {
      if (err instanceof SyncHttpError) {
        if (UNREACHABLE_STATUSES.has(err.status) || err.status >= 500 || err.code === 'REPLAYED') throw new QueueUnreachable(err.message);
        throw new QueueRefused(err.code, err.message, err.details);
      }
      throw new QueueUnreachable((err as Error).message);
    }
  }

  config = () => this.send(queueRoutes.config, {});
  issue = (req: z.input<typeof IssueRequest>) => this.send(queueRoutes.issue, { body: req });
  callNext = (req: { counterId: string; requestId: string }) => this.send(queueRoutes.callNext, { body: req });
  current = (counterId: string) => this.send(queueRoutes.current, { query: { counterId } });
  parked = (counterId: string) => this.send(queueRoutes.parked, { query: { counterId } });
  action = (
    kind: TicketActionKind,
    body: { counterId: string; ticketId: string; officer?: string; outcome?: string; serviceCode?: string },
  ) => this.send(ticketActionRoutes[kind], { body });
  reconcile = (tickets: LocalTicket[]) => this.send(queueRoutes.reconcile, { body: { tickets } });
  replay = (actions: OfflineAction[]) => this.send(queueRoutes.replay, { body: { actions } });
  floor = (targetMinutes: number) => this.send(queueRoutes.floor, { query: { targetMinutes } });
  board = (version?: number, waitMs?: number, signal?: AbortSignal) =>
    this.send(queueRoutes.board, { query: version === undefined ? {} : { version, wait: waitMs ?? 0 } }, signal);
  /** The board poll: asks central even while it is known not to answer, to notice its return. */
  watch = (version: number | undefined, waitMs: number, signal: AbortSignal) =>
    this.send(queueRoutes.board, { query: version === undefined ? {} : { version, wait: waitMs } }, signal, true);
}

/**
 * Attaches central's queue as core's queue port and watches the board (long poll) so changes made at
 * other counters reach this workstation's screens. Returns the stop function.
 */
export function installCentralQueue(
  core: Core,
  transport: () => Transport | undefined,
  opts: { longPollMs?: number; retryMs?: number } = {},
): () => void {
  const port = new CentralQueue(transport);
  const detach = core.attach('queue', port);
  const abort = new AbortController();
  // Capped at retryMs (5 s): the board poll is what brings the counter back from local mode.
  const backoff = new Backoff(Math.min(500, opts.retryMs ?? 5_000), opts.retryMs ?? 5_000);
  /** Until the backoff's wait is over, the network returns or the loop stops. */
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        off?.();
        abort.signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      const off = transport()?.health.onWake(done);
      abort.signal.addEventListener('abort', done);
    });
  void (async () => {
    let version: number | undefined;
    while (!abort.signal.aborted) {
      try {
        const r = await port.watch(version, opts.longPollMs ?? 25_000, abort.signal);
        backoff.reset();
        // Central answers again: what local mode did goes up now, not only at the next counter action.
        if (!core.training) await reconcileLocal(core, port);
        if (r.version !== version) core.events.emit('queue.changed', { ...r.board, mode: 'central' });
        version = r.version;
      } catch {
        if (abort.signal.aborted) return;
        version = undefined;
        await pause(backoff.next());
      }
    }
  })();
  return () => {
    abort.abort();
    detach();
  };
}
