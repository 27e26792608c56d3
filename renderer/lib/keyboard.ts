// Window-wide keyboard shortcuts (Ctrl+L locks, Ctrl+Shift+L logs out...). Counter work is keyboard-first.
import { useEffect, useLayoutEffect, useRef } from 'react';

export interface Shortcut {
  /** e.g. 'Ctrl+L', 'Ctrl+Shift+L', 'F1' */
  keys: string;
  run: () => void;
  enabled?: boolean;
}

export function matches(event: KeyboardEvent, keys: string): boolean {
  const parts = keys.split('+');
  const key = parts.pop() ?? '';
  const want = new Set(parts.map((p) => p.toLowerCase()));
  if (want.has('ctrl') !== (event.ctrlKey || event.metaKey)) return false;
  if (want.has('shift') !== event.shiftKey) return false;
  if (want.has('alt') !== event.altKey) return false;
  return event.key.toLowerCase() === key.toLowerCase() || event.code === `Key${key.toUpperCase()}`;
}

// Every mounted set of shortcuts, oldest first. A key goes to the newest set that has it, and to no
// other: a form opened over a screen (a supervisor's approval) takes Escape before the screen does.
const layers: Array<{ current: Shortcut[] }> = [];

const onKey = (event: KeyboardEvent): void => {
  for (let i = layers.length - 1; i >= 0; i--) {
    for (const s of layers[i]!.current) {
      if (s.enabled === false || !matches(event, s.keys)) continue;
      event.preventDefault();
      s.run();
      return;
    }
  }
};

export function useShortcuts(shortcuts: Shortcut[]): void {
  const current = useRef(shortcuts);
  // The latest shortcuts, without re-adding the listener on every render.
  useLayoutEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    if (layers.length === 0) window.addEventListener('keydown', onKey, true);
    layers.push(current);
    return () => {
      layers.splice(layers.indexOf(current), 1);
      if (layers.length === 0) window.removeEventListener('keydown', onKey, true);
    };
  }, []);
}
