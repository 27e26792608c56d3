// The counter's queue: the ticket at this counter, the office config and whether central or local
// mode answered. Each key press gets its own request id, so a double press calls one ticket.
import { create } from 'zustand';
import type { ErrorBody } from '@common/contract/index.js';
import type { QueueConfig, TicketView } from '@common/contract/queue/central.js';
import type { QueueMode } from '@common/contract/queue/queue.js';
import type { CallOutput } from '@common/contract/index.js';
import { call, subscribe } from '@renderer/api/client.js';

/** An action this counter took on central's ticket while central was away, waiting for (or refused by) central. */
export type PendingAction = CallOutput<'queue.pendingActions'>['actions'][number];

export const requestId = (): string => crypto.randomUUID().replace(/-/g, '');

type Config = QueueConfig & { mode: QueueMode; counterId: string };
type Outcome = 'served' | 'incomplete' | 'referred';

interface QueueState {
  config: Config | null;
  ticket: TicketView | null;
  mode: QueueMode | null;
  busy: boolean;
  error: ErrorBody | null;
  /** Tickets parked at this counter (the applicant stepped aside), longest parked first. */
  parked: TicketView[];
  /** The last call answered "nobody is waiting". */
  empty: boolean;
  pending: PendingAction[];
  /** The transfer form is open (F4): the other keys wait until it is confirmed or left. */
  transferring: boolean;
  setTransferring(open: boolean): void;
  /** The ticket the last transfer sent on: its number (kept) and the service it now waits for. */
  moved: { number: string; serviceCode: string } | null;
  loadPending(): Promise<void>;
  /** Keeps the pending list current as central comes and goes; returns the stop function. */
  followPending(): () => void;
  load(): Promise<void>;
  /** The office's services and rules only: what the check-in needs (reception has no counter to ask about). */
  loadConfig(): Promise<void>;
  callNext(): Promise<void>;
  recall(): Promise<void>;
  noShow(): Promise<void>;
  /** F5: start serving a called ticket, or finish the one being served. */
  startOrFinish(outcome?: Outcome): Promise<void>;
  transfer(serviceCode: string): Promise<void>;
  /** F6: the applicant steps aside; the counter is free for the next ticket. */
  park(): Promise<void>;
  resume(ticketId: string): Promise<void>;
  loadParked(): Promise<void>;
}

export const useQueueStore = create<QueueState>()((set, get) => {
  const run = async (fn: () => ReturnType<typeof call<'queue.callNext'>>, clearWhenClosed: boolean): Promise<void> => {
    if (get().busy) return;
    set({ busy: true, error: null });
    const r = await fn();
    if (!r.ok) {
      set({ busy: false, error: r.error });
      return;
    }
    const t = r.value.ticket;
    const closed = t !== null && !['called', 'serving'].includes(t.status);
    if (r.value.mode === 'local') void get().loadPending();
    set({
      busy: false,
      mode: r.value.mode,
      ticket: clearWhenClosed && (closed || t?.counterId !== get().config?.counterId) ? null : t,
      empty: t === null,
    });
  };
  const withTicket = (fn: (id: string) => ReturnType<typeof call<'queue.callNext'>>) => {
    const t = get().ticket;
    return t ? run(() => fn(t.id), true) : Promise.resolve();
  };
  return {
    config: null,
    ticket: null,
    mode: null,
    busy: false,
    error: null,
    empty: false,
    parked: [],
    pending: [],
    transferring: false,
    moved: null,
    setTransferring: (transferring) => set({ transferring }),

    async loadPending() {
      const r = await call('queue.pendingActions', {});
      if (r.ok) set({ pending: r.value.actions });
    },
    followPending() {
      // Central's return shows in the sync status first; the board's first answer comes right after.
      const offs = [subscribe('sync.status', () => void get().loadPending()), subscribe('queue.changed', () => void get().loadPending())];
      void get().loadPending();
      return () => offs.forEach((off) => off());
    },

    async load() {
      const [config, current] = await Promise.all([call('queue.config', {}), call('queue.current', {})]);
      if (config.ok) set({ config: config.value, mode: config.value.mode });
      if (current.ok) set({ ticket: current.value.ticket, mode: current.value.mode });
      if (!config.ok) set({ error: config.error });
      await get().loadParked();
    },
    async loadConfig() {
      const config = await call('queue.config', {});
      if (config.ok) set({ config: config.value, mode: config.value.mode });
      else set({ error: config.error });
    },
    async loadParked() {
      const r = await call('queue.parked', {});
      if (r.ok) set({ parked: r.value.tickets });
    },
    callNext: () => {
      set({ moved: null });
      return run(() => call('queue.callNext', { requestId: requestId() }), false);
    },
    recall: () => withTicket((ticketId) => call('queue.recall', { ticketId })),
    noShow: () => withTicket((ticketId) => call('queue.noShow', { ticketId })),
    startOrFinish: (outcome = 'served') =>
      withTicket((ticketId) =>
        get().ticket?.status === 'serving' ? call('queue.finish', { ticketId, outcome }) : call('queue.start', { ticketId }),
      ),
    async transfer(serviceCode) {
      const from = get().ticket;
      set({ transferring: false });
      await withTicket((ticketId) => call('queue.transfer', { ticketId, serviceCode }));
      if (from && get().error === null) set({ moved: { number: from.number, serviceCode } });
    },
    async park() {
      await withTicket((ticketId) => call('queue.park', { ticketId }));
      await get().loadParked();
    },
    async resume(ticketId) {
      await run(() => call('queue.resume', { ticketId }), true);
      await get().loadParked();
    },
  };
});
