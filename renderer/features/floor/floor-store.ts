// The supervisor's live floor. Central is the only source. When central cannot be reached (or does not
// answer) the last numbers stay, with the time they were fetched, and the screen marks them (format.ts's
// freshness): never "live" once a refresh has failed, stale with their age past a minute. A refusal clears
// them. Refetches follow the board's pushed 'queue.changed' events (the workstation's long poll on
// central), and a slow refresh runs as well, so a quiet queue still counts as live while central answers
// and a hung central shows as not live within that refresh; while central is out of reach a faster retry
// runs, since a central that comes back with an unchanged queue pushes nothing.
import { create } from 'zustand';
import type { CallOutput, ErrorBody } from '@common/contract/index.js';
import { call, subscribe } from '@renderer/api/client.js';

export type FloorData = CallOutput<'floor.view'>;

export const DEFAULT_TARGET_MINUTES = 30;
const OFFLINE_RETRY_MS = 10_000;
const REFRESH_MS = 20_000;

interface FloorState {
  view: FloorData | null;
  /** When the shown view arrived (this window's clock). */
  fetchedAt: number | null;
  /** The last refresh reached central. */
  lastOk: boolean;
  error: ErrorBody | null;
  loading: boolean;
  targetMinutes: number;
  setTarget(minutes: number): Promise<void>;
  load(): Promise<void>;
  /** Starts following queue changes; returns the stop function. */
  follow(): () => void;
}

export const useFloorStore = create<FloorState>()((set, get) => {
  // Answers can overtake each other (a push during a load): only the latest request's answer counts.
  let latest = 0;
  let following = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let refresh: ReturnType<typeof setInterval> | undefined;
  return {
    view: null,
    fetchedAt: null,
    lastOk: false,
    error: null,
    loading: false,
    targetMinutes: DEFAULT_TARGET_MINUTES,
    async setTarget(minutes) {
      set({ targetMinutes: minutes });
      await get().load();
    },
    async load() {
      const seq = ++latest;
      set({ loading: true });
      const r = await call('floor.view', { targetMinutes: get().targetMinutes });
      if (seq !== latest) return;
      const offline = !r.ok && r.error.code === 'OFFLINE';
      if (r.ok) set({ view: r.value, fetchedAt: Date.now(), lastOk: true, error: null, loading: false });
      // Out of reach: the last numbers stay, marked by their age; a refusal clears them.
      else if (offline) set({ lastOk: false, error: r.error, loading: false });
      else set({ view: null, fetchedAt: null, lastOk: false, error: r.error, loading: false });
      clearTimeout(retry);
      if (!r.ok && r.error.code === 'OFFLINE' && following > 0) retry = setTimeout(() => void get().load(), OFFLINE_RETRY_MS);
    },
    follow() {
      following += 1;
      const off = subscribe('queue.changed', () => void get().load());
      void get().load();
      if (following === 1) refresh = setInterval(() => void get().load(), REFRESH_MS);
      return () => {
        following -= 1;
        if (following === 0) {
          clearTimeout(retry);
          clearInterval(refresh);
        }
        off();
      };
    },
  };
});
