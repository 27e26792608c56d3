// The supervisor's live floor. Central is the only source: a refusal or an unreachable central clears
// the numbers, so nothing old is ever shown as live. Refetches follow the board's pushed
// 'queue.changed' events (the workstation's long poll on central), not a timer; only while central is
// out of reach does a slow retry run, since a central that comes back with an unchanged queue pushes nothing.
import { create } from 'zustand';
import type { CallOutput, ErrorBody } from '@common/contract/index.js';
import { call, subscribe } from '@renderer/api/client.js';

export type FloorData = CallOutput<'floor.view'>;

export const DEFAULT_TARGET_MINUTES = 30;
const OFFLINE_RETRY_MS = 10_000;

interface FloorState {
  view: FloorData | null;
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
  return {
    view: null,
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
      set(r.ok ? { view: r.value, error: null, loading: false } : { view: null, error: r.error, loading: false });
      clearTimeout(retry);
      if (!r.ok && r.error.code === 'OFFLINE' && following > 0) retry = setTimeout(() => void get().load(), OFFLINE_RETRY_MS);
    },
    follow() {
      following += 1;
      const off = subscribe('queue.changed', () => void get().load());
      void get().load();
      return () => {
        following -= 1;
        if (following === 0) clearTimeout(retry);
        off();
      };
    },
  };
});
