// How the floor's numbers read: waits in whole minutes, rates as percentages, times in the office's zone.
import type { TFunction } from 'i18next';

export const waitText = (t: TFunction, ms: number | null): string =>
  ms === null ? '–' : t('floor.minutes', { count: Math.round(ms / 60_000) });

export const percent = (lang: string, share: number | null): string =>
  share === null ? '–' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);

export const clockAt = (lang: string, at: number, timeZone: string): string =>
  new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone }).format(at);
