import { describe, expect, it } from 'vitest';
import { feeInForce, feeItems, formatRupiah, MissingFeeError, quoteFee, type FeeRow } from '@common/domain/applications/fees.js';

const row = (itemCode: string, amount: number, effectiveFrom: string, revision = 1, verified = true): FeeRow => ({
  itemCode,
  amount,
  effectiveFrom,
  revision,
  verified,
  legalBasis: effectiveFrom < '2024-12-17' ? 'PP 28/2019' : 'PP 45/2024',
});

// PP 28/2019 amounts before PP 45/2024 took over on 17 December 2024.
const ROWS: FeeRow[] = [
  row('PASPOR_ELEKTRONIK_10', 650_000, '2019-05-01'),
  row('PASPOR_ELEKTRONIK_10', 950_000, '2024-12-17'),
  row('PASPOR_BIASA_5', 350_000, '2024-12-17'),
  row('PERCEPATAN', 1_000_000, '2024-12-17'),
  row('PENGGANTIAN_HILANG', 1_000_000, '2024-12-17', 1, false),
  row('PENGGANTIAN_RUSAK', 500_000, '2024-12-17', 1, false),
  row('PENGGANTIAN_RUSAK', 550_000, '2024-12-17', 2, false),
];

describe('fees in force on a date', () => {
  it('picks the latest schedule not after the date', () => {
    expect(feeInForce(ROWS, 'PASPOR_ELEKTRONIK_10', '2024-12-16')?.amount).toBe(650_000);
    expect(feeInForce(ROWS, 'PASPOR_ELEKTRONIK_10', '2024-12-17')?.amount).toBe(950_000);
    expect(feeInForce(ROWS, 'PASPOR_ELEKTRONIK_10', '2026-11-30')?.amount).toBe(950_000);
    expect(feeInForce(ROWS, 'PASPOR_ELEKTRONIK_10', '2019-04-30')).toBeNull();
  });

  it('takes the highest revision of a correction for the same date', () => {
    expect(feeInForce(ROWS, 'PENGGANTIAN_RUSAK', '2026-01-01')?.amount).toBe(550_000);
  });

  it('a row added for a later date changes the fee from that date only', () => {
    const rows = [...ROWS, row('PASPOR_BIASA_5', 400_000, '2027-01-01')];
    expect(quoteFee(rows, { serviceCode: 'PASPOR_BIASA_5', reason: 'new', accelerated: false }, '2026-12-31').total).toBe(350_000);
    expect(quoteFee(rows, { serviceCode: 'PASPOR_BIASA_5', reason: 'new', accelerated: false }, '2027-01-01').total).toBe(400_000);
  });

  it('adds percepatan and replacement on top of the passport fee', () => {
    expect(feeItems({ serviceCode: 'PASPOR_BIASA_5', reason: 'lost', accelerated: true })).toEqual([
      'PASPOR_BIASA_5',
      'PERCEPATAN',
      'PENGGANTIAN_HILANG',
    ]);
    const q = quoteFee(ROWS, { serviceCode: 'PASPOR_ELEKTRONIK_10', reason: 'renewal', accelerated: true }, '2026-11-30');
    expect(q.lines.map((l) => [l.itemCode, l.amount])).toEqual([
      ['PASPOR_ELEKTRONIK_10', 950_000],
      ['PERCEPATAN', 1_000_000],
    ]);
    expect(q).toMatchObject({ total: 1_950_000, unverified: false });
  });

  it('marks a quote holding an unconfirmed amount', () => {
    const q = quoteFee(ROWS, { serviceCode: 'PASPOR_BIASA_5', reason: 'damaged', accelerated: false }, '2026-11-30');
    expect(q).toMatchObject({ total: 900_000, unverified: true });
  });

  it('refuses a date with no schedule in force, naming the item', () => {
    expect(() => quoteFee(ROWS, { serviceCode: 'PASPOR_BIASA_5', reason: 'new', accelerated: false }, '2020-01-01')).toThrow(
      MissingFeeError,
    );
    expect(() => quoteFee(ROWS, { serviceCode: 'ITK_7', reason: 'new', accelerated: false }, '2026-11-30')).toThrow(/ITK_7/);
  });

  it('formats rupiah with Indonesian grouping', () => {
    expect(formatRupiah(1_950_000)).toBe('Rp 1.950.000');
    expect(formatRupiah(0)).toBe('Rp 0');
    expect(formatRupiah(350_000)).toBe('Rp 350.000');
  });
});
