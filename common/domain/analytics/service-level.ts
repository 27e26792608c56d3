// Service-time distributions per service, from a histogram of fine bins (the database groups the
// durations, so a year of tickets never crosses into JavaScript one by one).

export interface DurationBin {
  /** Lower edge, in seconds; the bin holds [fromSeconds, fromSeconds + width). */
  fromSeconds: number;
  count: number;
}

export interface ServiceTimeSummary {
  count: number;
  meanSeconds: number;
  p50: number;
  p80: number;
  p90: number;
  p95: number;
  /** Coarse bins for the chart, from 0 to about the 99th percentile; the last bin holds the tail. */
  histogram: Array<{ fromSeconds: number; toSeconds: number; count: number }>;
}

/**
 * The q-quantile (0..1) of binned durations, interpolated linearly inside the bin it falls in (the
 * usual grouped-data estimate; exact to within one bin width).
 */
export function quantileOfBins(bins: readonly DurationBin[], width: number, q: number): number {
  const sorted = [...bins].sort((a, b) => a.fromSeconds - b.fromSeconds);
  const total = sorted.reduce((s, b) => s + b.count, 0);
  if (total === 0) return 0;
  const target = q * total;
  let seen = 0;
  for (const b of sorted) {
    if (seen + b.count >= target && b.count > 0) return b.fromSeconds + (width * (target - seen)) / b.count;
    seen += b.count;
  }
  const last = sorted[sorted.length - 1]!;
  return last.fromSeconds + width;
}

export function summariseServiceTimes(bins: readonly DurationBin[], width: number, chartBins = 20): ServiceTimeSummary {
  const count = bins.reduce((s, b) => s + b.count, 0);
  const meanSeconds = count === 0 ? 0 : bins.reduce((s, b) => s + (b.fromSeconds + width / 2) * b.count, 0) / count;
  const q = (p: number) => quantileOfBins(bins, width, p);
  const top = Math.max(60, Math.ceil(q(0.99) / 60) * 60);
  const step = Math.max(width, Math.ceil(top / chartBins / 30) * 30);
  const histogram = Array.from({ length: Math.ceil(top / step) }, (_, i) => ({
    fromSeconds: i * step,
    toSeconds: (i + 1) * step,
    count: 0,
  }));
  for (const b of bins) {
    const i = Math.min(histogram.length - 1, Math.floor(b.fromSeconds / step));
    histogram[i]!.count += b.count;
  }
  return { count, meanSeconds, p50: q(0.5), p80: q(0.8), p90: q(0.9), p95: q(0.95), histogram: count === 0 ? [] : histogram };
}

/** Share of served tickets called within `targetSeconds` of arriving (the floor's service level). */
export function shareWithin(waitsSeconds: readonly number[], targetSeconds: number): number {
  if (waitsSeconds.length === 0) return 1;
  return waitsSeconds.filter((w) => w <= targetSeconds).length / waitsSeconds.length;
}
