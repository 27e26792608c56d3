// How the floor's numbers read: waits in whole minutes, rates as percentages, times in the office's zone.
import type { TFunction } from 'i18next';

export const waitText = (t: TFunction, ms: number | null): string =>
  ms === null ? '–' : t('floor.minutes', { count: Math.round(ms / 60_000) });

export const percent = (lang: string, share: number | null): string =>
  share === null ? '–' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

/** Times of day are spelled once for the whole app (clock-text.ts): "08:05 WIB", or "08:05" in a column. */
export { clockText, timeText } from '@common/domain/shared/clock-text.js';

/** Data older than this is stale: the floor says so, with its age, and never calls it live. */
export const STALE_AFTER_MS = 60_000;

export type Freshness = 'live' | 'unconfirmed' | 'stale';

/**
 * How the floor may present numbers fetched at `fetchedAt`: live only when the last refresh reached
 * central and they are under a minute old; unconfirmed when the last refresh failed but they are still
 * recent; stale past a minute, whatever happened since.
 */
export function freshness(fetchedAt: number, now: number, lastRefreshOk: boolean): Freshness {
  if (now - fetchedAt > STALE_AFTER_MS) return 'stale';
  return lastRefreshOk ? 'live' : 'unconfirmed';
}
