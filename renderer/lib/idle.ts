// Locks the screen after the workstation's idle minutes with no keyboard, mouse or touch activity.
// Main locks idle sessions too (its sweep and every call check); this keeps the screen in step.
import { useEffect, useRef } from 'react';

const ACTIVITY = ['keydown', 'mousedown', 'mousemove', 'wheel', 'touchstart', 'pointerdown'] as const;

export function useIdleTimer(enabled: boolean, minutes: number, onIdle: () => void): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
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
    const touch = (): void => {
      last = Date.now();
    };
    ACTIVITY.forEach((name) => window.addEventListener(name, touch, { capture: true, passive: true }));
    timer = setTimeout(check, limit);
    return () => {
      if (timer) clearTimeout(timer);
      ACTIVITY.forEach((name) => window.removeEventListener(name, touch, { capture: true }));
    };
  }, [enabled, minutes]);
}
