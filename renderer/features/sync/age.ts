// "3 menit lalu" / "3 minutes ago" for the last successful sync, ticking while the screen shows it.
import { useEffect, useState } from 'react';
import type { Language } from '@common/contract/schemas.js';

const STEPS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', Number.POSITIVE_INFINITY],
];

/**
 * Whole units only, never in the future: core's clock and the window's may differ by a little, and a
 * sync "in 2 seconds" would only confuse.
 */
export function formatAge(at: number, now: number, language: Language): string {
  const format = new Intl.RelativeTimeFormat(language === 'id' ? 'id-ID' : 'en-GB', { numeric: 'auto' });
  let value = Math.max(0, Math.floor((now - at) / 1000));
  if (value < 10) return format.format(0, 'second');
  for (const [unit, size] of STEPS) {
    if (value < size) return format.format(-value, unit);
    value = Math.floor(value / size);
  }
  return format.format(-value, 'day');
}

export function useNow(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
