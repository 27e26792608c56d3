// A result or refusal that appears outside the window (a long screen, a small one) is brought into view:
// the officer must not have to hunt for what the click did.
import { useEffect, useRef } from 'react';

/** A ref for the element shown while `shown` is truthy; each new `shown` scrolls it into view if it is out. */
export function useInView<E extends HTMLElement>(shown: unknown) {
  const ref = useRef<E>(null);
  useEffect(() => {
    const el = ref.current;
    if (!shown || !el) return;
    const box = el.getBoundingClientRect();
    if (box.top < 0 || box.bottom > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
  }, [shown]);
  return ref;
}
