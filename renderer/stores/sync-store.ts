// The sync status (status bar, always visible, even before login) and the Sync screen's list of
// pending, rejected and conflicting ops. Main pushes `sync.status` whenever something changes.
import { create } from 'zustand';
import type { SyncItem, SyncStatus } from '../../common/contract/sync.js';
import type { ErrorBody, Result } from '../../common/contract/index.js';
import { call, subscribe } from '../api/client.js';

export const SYNC_FILTERS = ['problems', 'pending', 'rejected', 'conflict', 'all'] as const;
export type SyncFilter = (typeof SYNC_FILTERS)[number];
export type Choice = 'mine' | 'theirs';

const STATUS_POLL_MS = 5_000;

interface SyncState {
  status: SyncStatus | null;
  items: SyncItem[];
  filter: SyncFilter;
  loadingItems: boolean;
  syncing: boolean;
  /** The last failed call of the Sync screen (sync.now, list, resolve). */
  error: ErrorBody | null;
  loadStatus(): Promise<void>;
  /** Subscribes to main's sync.status events; returns the unsubscribe. */
  follow(): () => void;
  loadItems(filter?: SyncFilter): Promise<void>;
  syncNow(): Promise<Result<SyncStatus>>;
  resolve(opId: string, choice: Choice, fields?: Record<string, Choice>): Promise<Result<SyncItem>>;
}

export const useSyncStore = create<SyncState>()((set, get) => ({
  status: null,
  items: [],
  filter: 'problems',
  loadingItems: false,
  syncing: false,
  error: null,

  async loadStatus() {
    const result = await call('sync.status', {});
    if (result.ok) set({ status: result.value });
  },

  follow() {
    void get().loadStatus();
    const off = subscribe('sync.status', (status) => set({ status }));
    // Main emits on sync activity; a local change made while central is away emits nothing, so the
    // pending count is also re-read now and then (a public call: it never counts as officer activity).
    const timer = setInterval(() => void get().loadStatus(), STATUS_POLL_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  },

  async loadItems(filter = get().filter) {
    set({ filter, loadingItems: true });
    const result = await call('sync.list', { filter, limit: 200 });
    // A slower answer for a filter the user already left must not overwrite the newer one.
    if (get().filter !== filter) return;
    set(result.ok ? { items: result.value.items, loadingItems: false, error: null } : { loadingItems: false, error: result.error });
  },

  async syncNow() {
    set({ syncing: true, error: null });
    const result = await call('sync.now', {});
    set(result.ok ? { status: result.value, syncing: false } : { syncing: false, error: result.error });
    await get().loadItems();
    return result;
  },

  async resolve(opId, choice, fields) {
    const result = await call('sync.resolveConflict', { opId, choice, ...(fields ? { fields } : {}) });
    if (!result.ok) set({ error: result.error });
    await Promise.all([get().loadItems(), get().loadStatus()]);
    return result;
  },
}));
