// Locks the screen after the workstation's idle minutes with no keyboard, mouse or touch activity.
// Main locks idle sessions too (its sweep and every call check); this keeps the screen in step, and
// tells main about input (auth.activity) so an officer typing a long form is not locked by main.
import { useEffect, useLayoutEffect, useRef } from 'react';
import { call } from '../api/client.js';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

export function useIdleTimer(enabled: boolean, minutes: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  // The latest handler, without restarting the timer whenever the caller re-renders.
  useLayoutEffect(() => {
    callback.current = onIdle;
  });
  useEffect(() => {
    if (!enabled || minutes <= 0) return;
    const limit = minutes * 60_000;
    let last = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = (): void => {
      const idleFor = Date.now() - last;
      if (idleFor >= limit) return callback.current();
      timer = setTimeout(check, limit - idleFor);
    };
    // Often enough that main never sees a busy officer as idle, rarely enough to cost nothing.
    const reportEvery = Math.min(60_000, limit / 4);
    let reported = Date.now();
    const touch = (): void => {
      last = Date.now();
      if (last - reported < reportEvery) return;
      reported = last;
      void call('auth.activity', {});
    };
    ACTIVITY.forEach((name) => window.addEventListener(name, touch, { capture: true, passive: true }));
    timer = setTimeout(check, limit);
    return () => {
      if (timer) clearTimeout(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, touch, { capture: true }));
    };
  }, [enabled, minutes]);
}
