import { describe, expect, it } from 'vitest';
import { buildMoneyReport, settle, unresolved, type EodApplicationRow, type EodPaymentRow } from '@common/domain/end-of-day/report.js';
import { csvCell } from '@common/domain/end-of-day/csv.js';

const app = (over: Partial<EodApplicationRow> = {}): EodApplicationRow => ({
  id: 'a1',
  number: 'BYM-261130-03-0001',
  service_code: 'PASPOR_ELEKTRONIK_10',
  status: 'checked_in',
  fee_total: 950_000,
  created_by: 'u1',
  officer: 'petugas1',
  ...over,
});
const pay = (over: Partial<EodPaymentRow> = {}): EodPaymentRow => ({
  application_id: 'a1',
  kind: 'billing',
  amount: 950_000,
  status: 'paid',
  status_source: 'central',
  reconciliation: 'none',
  ...over,
});

describe('end-of-day money', () => {
  it('is clean when central confirmed exactly the fee', () => {
    expect(settle(app({ status: 'submitted' }), [pay()])).toEqual({
      money: { expected: 950_000, central: 950_000, manual: 0, waived: 0 },
      problems: [],
    });
  });
  it('tells a missing payment past the paid step from one not paid yet', () => {
    expect(settle(app({ status: 'approved' }), []).problems).toEqual([{ kind: 'payment.missing', received: 0 }]);
    expect(settle(app({ status: 'verified' }), [pay({ status: 'unpaid' })]).problems).toEqual([
      { kind: 'payment.outstanding', received: 0 },
    ]);
  });
  it('flags a manual confirmation until central matched it, and a wrong amount always', () => {
    expect(settle(app(), [pay({ status_source: 'manual', reconciliation: 'pending' })]).problems).toEqual([
      { kind: 'payment.manual', received: 950_000 },
    ]);
    expect(settle(app(), [pay({ status_source: 'manual', reconciliation: 'matched' })]).problems).toEqual([]);
    expect(settle(app(), [pay({ amount: 650_000 })]).problems).toEqual([{ kind: 'payment.mismatch', received: 650_000 }]);
    expect(settle(app(), [pay({ reconciliation: 'mismatch' })]).problems).toEqual([{ kind: 'payment.mismatch', received: 950_000 }]);
  });
  it('expects nothing from a waiver or an application abandoned before paying', () => {
    expect(settle(app(), [pay({ kind: 'waiver', amount: 0, status: 'waived', status_source: null })])).toEqual({
      money: { expected: 0, central: 0, manual: 0, waived: 950_000 },
      problems: [],
    });
    expect(settle(app({ status: 'cancelled' }), [])).toEqual({ money: { expected: 0, central: 0, manual: 0, waived: 0 }, problems: [] });
  });
  it('groups per service and officer and keeps notes attached by key', () => {
    const r = buildMoneyReport(
      [
        app(),
        app({
          id: 'a2',
          number: 'BYM-261130-03-0002',
          service_code: 'SPLP_WNI',
          fee_total: 100_000,
          created_by: 'u2',
          officer: 'petugas2',
        }),
      ],
      [pay({ application_id: 'a2', amount: 100_000 })],
      [{ discrepancy_key: 'payment.outstanding:a1', note: 'Bayar besok', username: 'supervisor1' }],
      (c) => c,
    );
    expect(r.byService.map((g) => [g.key, g.money.expected, g.money.central])).toEqual([
      ['PASPOR_ELEKTRONIK_10', 950_000, 0],
      ['SPLP_WNI', 100_000, 100_000],
    ]);
    expect(r.byOfficer.map((g) => g.label)).toEqual(['petugas1', 'petugas2']);
    expect(r.total.money).toEqual({ expected: 1_050_000, central: 100_000, manual: 0, waived: 0 });
    expect(r.discrepancies).toMatchObject([{ key: 'payment.outstanding:a1', note: 'Bayar besok', notedBy: 'supervisor1' }]);
    expect(unresolved(r.discrepancies)).toEqual([]);
  });
});

describe('end-of-day CSV cells', () => {
  it('quotes separators and quotes, and defuses spreadsheet formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(null)).toBe('');
  });
});
