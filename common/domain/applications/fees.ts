// PNBP fees are effective-dated reference data (PP 45/2024 at the time of writing): changing a fee adds
// a row with a later effective_from, history is never edited. The amounts live in the database; this
// module only picks the row in force and composes an application's lines.
import type { IsoDate } from '../shared/working-days.js';

export interface FeeRow {
  itemCode: string;
  amount: number;
  effectiveFrom: IsoDate;
  /** A correction for the same date adds a higher revision. */
  revision: number;
  /** False where the regulation's amount is not confirmed yet: the receipt says so. */
  verified: boolean;
  legalBasis: string;
}

export interface FeeLine {
  itemCode: string;
  amount: number;
  effectiveFrom: IsoDate;
  verified: boolean;
  legalBasis: string;
}

export interface FeeQuote {
  date: IsoDate;
  lines: FeeLine[];
  total: number;
  /** True when any line's amount is still unverified. */
  unverified: boolean;
}

export type ApplicationReason = 'new' | 'renewal' | 'lost' | 'damaged';

/** Add-on items charged on top of the service's own fee. */
export const ADDON_ITEMS = {
  accelerated: 'PERCEPATAN',
  lost: 'PENGGANTIAN_HILANG',
  damaged: 'PENGGANTIAN_RUSAK',
} as const;

/** The row of `itemCode` in force on `date`: the latest effective_from not after it, its latest revision. */
export function feeInForce(rows: readonly FeeRow[], itemCode: string, date: IsoDate): FeeRow | null {
  let best: FeeRow | null = null;
  for (const r of rows) {
    if (r.itemCode !== itemCode || r.effectiveFrom > date) continue;
    if (!best || r.effectiveFrom > best.effectiveFrom || (r.effectiveFrom === best.effectiveFrom && r.revision > best.revision)) best = r;
  }
  return best;
}

/** The items an application is charged for. */
export function feeItems(p: { serviceCode: string; reason: ApplicationReason; accelerated: boolean }): string[] {
  const items = [p.serviceCode];
  if (p.accelerated) items.push(ADDON_ITEMS.accelerated);
  if (p.reason === 'lost') items.push(ADDON_ITEMS.lost);
  if (p.reason === 'damaged') items.push(ADDON_ITEMS.damaged);
  return items;
}

export class MissingFeeError extends Error {
  constructor(
    readonly itemCode: string,
    readonly date: IsoDate,
  ) {
    super(`No fee for ${itemCode} is in force on ${date}`);
    this.name = 'MissingFeeError';
  }
}

/** Lines and total for an application on its application date. Throws MissingFeeError when the schedule has a gap. */
export function quoteFee(
  rows: readonly FeeRow[],
  p: { serviceCode: string; reason: ApplicationReason; accelerated: boolean },
  date: IsoDate,
): FeeQuote {
  const lines = feeItems(p).map((item) => {
    const row = feeInForce(rows, item, date);
    if (!row) throw new MissingFeeError(item, date);
    return { itemCode: item, amount: row.amount, effectiveFrom: row.effectiveFrom, verified: row.verified, legalBasis: row.legalBasis };
  });
  return { date, lines, total: lines.reduce((s, l) => s + l.amount, 0), unverified: lines.some((l) => !l.verified) };
}

/** "Rp 1.650.000": Indonesian grouping, no decimals (money is integer rupiah). */
export function formatRupiah(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  return `${sign}Rp ${String(Math.abs(Math.trunc(amount))).replace(/\B(?=(\d{3})+(?!\d))/g, '.')}`;
}
