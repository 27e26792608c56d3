// The sync status (status bar, always visible, even before login) and the Sync screen's list of
// pending, rejected and conflicting ops. Main pushes `sync.status` whenever something changes.
import { create } from 'zustand';
import type { OfficeProblemsView } from '@common/central/office-problems.js';
import type { SyncItem, SyncStatus } from '@common/contract/sync.js';
import type { ErrorBody, Result } from '@common/contract/index.js';
import { call, subscribe } from '@renderer/api/client.js';

export const SYNC_FILTERS = ['problems', 'pending', 'rejected', 'conflict', 'all'] as const;
export type SyncFilter = (typeof SYNC_FILTERS)[number];
export type Choice = 'mine' | 'theirs';

const STATUS_POLL_MS = 5_000;
/** One page of the Sync screen's list; older ops come with "Show more". */
export const SYNC_PAGE = 200;

interface SyncState {
  status: SyncStatus | null;
  items: SyncItem[];
  filter: SyncFilter;
  loadingItems: boolean;
  /** The last page was full: older ops may follow. */
  more: boolean;
  syncing: boolean;
  /** The last failed call of the Sync screen (sync.now, list, resolve). */
  error: ErrorBody | null;
  loadStatus(): Promise<void>;
  /** Subscribes to main's sync.status events; returns the unsubscribe. */
  follow(): () => void;
  loadItems(filter?: SyncFilter): Promise<void>;
  loadMore(): Promise<void>;
  syncNow(): Promise<Result<SyncStatus>>;
  resolve(opId: string, choice: Choice, fields?: Record<string, Choice>): Promise<Result<SyncItem>>;
  /** A rejected change sent again as a new one, or dismissed with a reason. */
  retry(opId: string): Promise<Result<SyncItem>>;
  dismiss(opId: string, reason: string): Promise<Result<SyncItem>>;
  /** Every desk's unsettled problems (supervisors and admins); null until loaded. */
  office: OfficeProblemsView | null;
  officeError: ErrorBody | null;
  loadOffice(): Promise<void>;
}

export const useSyncStore = create<SyncState>()((set, get) => ({
  status: null,
  items: [],
  filter: 'problems',
  loadingItems: false,
  more: false,
  syncing: false,
  error: null,

  async loadStatus() {
    const result = await call('sync.status', {});
    if (result.ok) set({ status: result.value });
  },

  follow() {
    void get().loadStatus();
    const off = subscribe('sync.status', (status) => set({ status }));
    // Entering or leaving training swaps the database the status describes.
    const offApp = subscribe('app.changed', () => void get().loadStatus());
    // Main emits on sync activity; a local change made while central is away emits nothing, so the
    // pending count is also re-read now and then (a public call: it never counts as officer activity).
    const timer = setInterval(() => void get().loadStatus(), STATUS_POLL_MS);
    return () => {
      off();
      offApp();
      clearInterval(timer);
    };
  },

  async loadItems(filter = get().filter) {
    set({ filter, loadingItems: true });
    const result = await call('sync.list', { filter, limit: SYNC_PAGE });
    // A slower answer for a filter the user already left must not overwrite the newer one.
    if (get().filter !== filter) return;
    set(
      result.ok
        ? { items: result.value.items, more: result.value.items.length === SYNC_PAGE, loadingItems: false, error: null }
        : { loadingItems: false, error: result.error },
    );
  },

  async loadMore() {
    const { filter, items } = get();
    const oldest = items.at(-1)?.deviceSeq;
    if (oldest === undefined) return;
    set({ loadingItems: true });
    const result = await call('sync.list', { filter, limit: SYNC_PAGE, beforeSeq: oldest });
    if (get().filter !== filter) return;
    set(
      result.ok
        ? { items: [...items, ...result.value.items], more: result.value.items.length === SYNC_PAGE, loadingItems: false, error: null }
        : { loadingItems: false, error: result.error },
    );
  },

  async syncNow() {
    set({ syncing: true, error: null });
    const result = await call('sync.now', {});
    set(result.ok ? { status: result.value, syncing: false } : { syncing: false, error: result.error });
    await get().loadItems();
    return result;
  },

  async retry(opId) {
    const result = await call('sync.retryRejected', { opId });
    await Promise.all([get().loadItems(), get().loadStatus()]);
    return result;
  },

  async dismiss(opId, reason) {
    const result = await call('sync.dismissRejected', { opId, reason });
    await Promise.all([get().loadItems(), get().loadStatus()]);
    return result;
  },

  office: null,
  officeError: null,
  async loadOffice() {
    const result = await call('sync.officeProblems', {});
    set(result.ok ? { office: result.value, officeError: null } : { officeError: result.error });
  },

  async resolve(opId, choice, fields) {
    const result = await call('sync.resolveConflict', { opId, choice, ...(fields ? { fields } : {}) });
    if (!result.ok) set({ error: result.error });
    await Promise.all([get().loadItems(), get().loadStatus()]);
    return result;
  },
}));
