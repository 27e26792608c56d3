// Believable ticket history for training mode, demos and benchmarks: arrivals per service per hour
// with morning peaks, Monday peaks and surges after holidays and cuti bersama; closed on weekends and
// holidays; log-normal service times; no-shows and walk-aways; a multi-counter queue in which the
// priority groups are called first. Seeded, so the same seed always gives the same history.
import { isOpen, isoWeekday, plusDays, postHolidayRank } from './forecast-calendar.js';
import { PRIORITY_GROUPS, type PriorityGroup } from '../queue/order.js';
import { startOfBusinessDay, type IsoDate } from '../shared/working-days.js';

export { closedWeekdaysBefore, postHolidayRank } from './forecast-calendar.js';
export { PRIORITY_GROUPS, type PriorityGroup };
export type TicketOutcome = 'served' | 'no_show' | 'cancelled';
export type TicketChannel = 'appointment' | 'walk_in';

/** One ticket as the queue's table stores it; times are UTC epoch ms, null when the step never happened. */
export interface HistoryTicket {
  serviceCode: string;
  arrivedAt: number;
  calledAt: number | null;
  startedAt: number | null;
  finishedAt: number | null;
  counter: number | null;
  outcome: TicketOutcome;
  channel: TicketChannel;
  priorityGroup: PriorityGroup | null;
}

export interface HistoryDay {
  date: IsoDate;
  tickets: HistoryTicket[];
}

export interface ServiceProfile {
  code: string;
  /** Share of the day's arrivals. */
  share: number;
  medianSeconds: number;
  /** Spread of ln(service time). */
  sigma: number;
}

export const DEFAULT_SERVICES: readonly ServiceProfile[] = [
  { code: 'PASPOR_ELEKTRONIK_10', share: 0.3, medianSeconds: 420, sigma: 0.35 },
  { code: 'PASPOR_BIASA_10', share: 0.22, medianSeconds: 360, sigma: 0.35 },
  { code: 'PASPOR_BIASA_5', share: 0.13, medianSeconds: 360, sigma: 0.35 },
  { code: 'PASPOR_ELEKTRONIK_5', share: 0.1, medianSeconds: 420, sigma: 0.35 },
  { code: 'ITK_30', share: 0.1, medianSeconds: 300, sigma: 0.4 },
  { code: 'ITAS_1T', share: 0.1, medianSeconds: 600, sigma: 0.45 },
  { code: 'SPLP_WNI', share: 0.05, medianSeconds: 480, sigma: 0.45 },
];

/** Relative arrivals per local hour from opening (08:00): the morning rush, the lunch dip. */
export const HOUR_PROFILE: Readonly<Record<number, number>> = { 8: 1.7, 9: 1.6, 10: 1.25, 11: 1.0, 12: 0.6, 13: 0.85, 14: 0.6 };
/** ISO weekday (1 = Monday) factors: Monday is the busiest, Friday the quietest (Friday prayers). */
export const WEEKDAY_FACTOR: Readonly<Record<number, number>> = { 1: 1.3, 2: 1.05, 3: 1.0, 4: 0.95, 5: 0.85 };
/** Extra arrivals per closed weekday before it, on the first and second working day after a closure. */
export const SURGE_PER_CLOSED_DAY = [0.22, 0.1] as const;

export interface GeneratorOptions {
  seed: number;
  from: IsoDate;
  /** Inclusive. */
  to: IsoDate;
  holidays: ReadonlySet<IsoDate>;
  tz: string;
  /** Mean tickets on an ordinary Wednesday. */
  dailyVolume: number;
  services?: readonly ServiceProfile[];
  /** Counters open; by default enough for an average hour with a little slack, so mornings queue. */
  counters?: number;
  noShowRate?: number;
  walkAwayRate?: number;
  appointmentShare?: number;
  priorityShare?: number;
}

/** mulberry32: small, fast and good enough for simulation (not for secrets). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/** Poisson counts: Knuth for small means, the normal approximation above (where it is indistinguishable). */
export function poisson(rand: () => number, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 40) return Math.max(0, Math.round(mean + Math.sqrt(mean) * normal(rand)));
  const limit = Math.exp(-mean);
  let k = 0;
  let p = rand();
  while (p > limit) {
    k += 1;
    p *= rand();
  }
  return k;
}

const HOUR_MS = 3_600_000;
const meanOf = (profiles: readonly ServiceProfile[]) =>
  profiles.reduce((s, p) => s + p.share * p.medianSeconds * Math.exp((p.sigma * p.sigma) / 2), 0) /
  profiles.reduce((s, p) => s + p.share, 0);

/** Mean arrivals of each open hour on `date` (0 for a closed day). */
export function expectedArrivals(date: IsoDate, holidays: ReadonlySet<IsoDate>, dailyVolume: number): Map<number, number> {
  const out = new Map<number, number>();
  if (!isOpen(date, holidays)) return out;
  const weekday = isoWeekday(date);
  const { rank, closed } = postHolidayRank(date, holidays);
  const surge = rank === 0 ? 1 : 1 + (SURGE_PER_CLOSED_DAY[rank - 1] ?? 0) * Math.min(closed, 5);
  const profileSum = Object.values(HOUR_PROFILE).reduce((a, b) => a + b, 0);
  for (const [hour, weight] of Object.entries(HOUR_PROFILE)) {
    out.set(Number(hour), (dailyVolume * (WEEKDAY_FACTOR[weekday] ?? 1) * surge * weight) / profileSum);
  }
  return out;
}

/** The history of one day: arrivals, then the queue played out on the counters. */
export function generateDay(rand: () => number, date: IsoDate, o: GeneratorOptions): HistoryDay {
  const services = o.services ?? DEFAULT_SERVICES;
  const shareTotal = services.reduce((s, p) => s + p.share, 0);
  const expected = expectedArrivals(date, o.holidays, o.dailyVolume);
  if (expected.size === 0) return { date, tickets: [] };
  const dayStart = startOfBusinessDay(date, o.tz);
  // Busy days are a little busier still: the day-level noise is shared by every hour of the day.
  const dayNoise = Math.exp(0.06 * normal(rand));
  const tickets: HistoryTicket[] = [];
  for (const [hour, mean] of expected) {
    const n = poisson(rand, mean * dayNoise);
    for (let i = 0; i < n; i++) {
      let pick = rand() * shareTotal;
      const service = services.find((s) => (pick -= s.share) < 0) ?? services[services.length - 1]!;
      const priority = rand() < (o.priorityShare ?? 0.08);
      tickets.push({
        serviceCode: service.code,
        arrivedAt: dayStart + hour * HOUR_MS + Math.floor(rand() * HOUR_MS),
        calledAt: null,
        startedAt: null,
        finishedAt: null,
        counter: null,
        outcome: 'served',
        channel: !priority && rand() < (o.appointmentShare ?? 0.7) ? 'appointment' : 'walk_in',
        priorityGroup: priority ? PRIORITY_GROUPS[Math.floor(rand() * PRIORITY_GROUPS.length)]! : null,
      });
    }
  }
  tickets.sort((a, b) => a.arrivedAt - b.arrivedAt);
  const openHours = expected.size;
  const counters = o.counters ?? Math.max(1, Math.ceil((o.dailyVolume * meanOf(services) * 1.15) / (openHours * 3600)));
  playQueue(rand, tickets, counters, services, o);
  return { date, tickets };
}

/** Calls tickets to free counters, priority groups first, each group in arrival order. */
function playQueue(
  rand: () => number,
  tickets: HistoryTicket[],
  counters: number,
  services: readonly ServiceProfile[],
  o: GeneratorOptions,
) {
  const byCode = new Map(services.map((s) => [s.code, s]));
  const freeAt: number[] = Array.from({ length: counters }, () => 0);
  const queues: HistoryTicket[][] = [[], []];
  let next = 0;
  const walkAway = o.walkAwayRate ?? 0.02;
  const noShow = o.noShowRate ?? 0.05;
  for (;;) {
    let counter = 0;
    for (let c = 1; c < counters; c++) if (freeAt[c]! < freeAt[counter]!) counter = c;
    let now = freeAt[counter]!;
    if (queues[0]!.length === 0 && queues[1]!.length === 0) {
      if (next >= tickets.length) return;
      now = Math.max(now, tickets[next]!.arrivedAt);
    }
    while (next < tickets.length && tickets[next]!.arrivedAt <= now) {
      const t = tickets[next++]!;
      if (rand() < walkAway) t.outcome = 'cancelled';
      else queues[t.priorityGroup ? 0 : 1]!.push(t);
    }
    const ticket = queues[0]!.shift() ?? queues[1]!.shift();
    if (!ticket) {
      freeAt[counter] = now;
      continue;
    }
    ticket.calledAt = now;
    ticket.counter = counter + 1;
    if (rand() < noShow) {
      ticket.outcome = 'no_show';
      freeAt[counter] = now + 60_000;
      continue;
    }
    const profile = byCode.get(ticket.serviceCode)!;
    ticket.startedAt = now + Math.round(20_000 + rand() * 40_000);
    ticket.finishedAt = ticket.startedAt + Math.round(1000 * profile.medianSeconds * Math.exp(profile.sigma * normal(rand)));
    freeAt[counter] = ticket.finishedAt;
  }
}

/** Day by day, so a year (about 1.5 million tickets at a big office) never sits in memory at once. */
export function* generateHistory(o: GeneratorOptions): Generator<HistoryDay> {
  const rand = prng(o.seed);
  for (let d = o.from; d <= o.to; d = plusDays(d, 1)) yield generateDay(rand, d, o);
}
