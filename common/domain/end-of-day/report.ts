// End of day: the pure part. Rows of one business day go in, the report comes out; every money
// discrepancy carries a stable key (kind:applicationId) so a supervisor's note stays attached to it
// however often the report is recomputed.
import type { ApplicationStatus } from '../applications/flow.js';

export interface EodApplicationRow {
  id: string;
  number: string;
  service_code: string;
  status: ApplicationStatus;
  fee_total: number;
  created_by: string;
  officer: string | null;
  /** Central's id of the desk that took it; null: this desk. */
  origin_workstation_id?: string | null;
}

/** The desk an application belongs to, as the report names it. */
export interface DeskOf {
  (a: EodApplicationRow): { key: string; label: string };
}

export interface EodPaymentRow {
  application_id: string;
  kind: 'billing' | 'waiver';
  amount: number;
  status: 'unpaid' | 'paid' | 'expired' | 'waived';
  status_source: 'central' | 'manual' | null;
  reconciliation: 'none' | 'pending' | 'matched' | 'mismatch';
}

export type DiscrepancyKind = 'payment.missing' | 'payment.outstanding' | 'payment.manual' | 'payment.mismatch';

export interface Discrepancy {
  key: string;
  kind: DiscrepancyKind;
  applicationId: string;
  applicationNumber: string;
  serviceCode: string;
  expected: number;
  received: number;
  note: string | null;
  notedBy: string | null;
  workstationId: string | null;
  workstation: string;
  officer: string | null;
}

export interface Money {
  expected: number;
  central: number;
  manual: number;
  waived: number;
}

export interface EodGroup {
  key: string;
  label: string;
  applications: number;
  byStatus: Record<string, number>;
  money: Money;
}

/** Statuses that passed the pay transition: no settled payment there is money missing, not pending. */
const PAID_OR_LATER: ReadonlySet<ApplicationStatus> = new Set([
  'paid',
  'submitted',
  'approved',
  'rejected',
  'printed',
  'ready',
  'collected',
]);
/** Abandoned before paying: nothing is expected from them. */
const NOTHING_DUE: ReadonlySet<ApplicationStatus> = new Set(['cancelled', 'expired']);

const emptyMoney = (): Money => ({ expected: 0, central: 0, manual: 0, waived: 0 });

function addMoney(into: Money, m: Money): void {
  into.expected += m.expected;
  into.central += m.central;
  into.manual += m.manual;
  into.waived += m.waived;
}

/** One application's money and what is wrong with it, if anything. */
export function settle(
  a: EodApplicationRow,
  payments: readonly EodPaymentRow[],
): { money: Money; problems: { kind: DiscrepancyKind; received: number }[] } {
  const money = emptyMoney();
  const waiver = payments.find((p) => p.status === 'waived');
  const paid = payments.filter((p) => p.status === 'paid');
  const central = paid.filter((p) => p.status_source !== 'manual').reduce((s, p) => s + p.amount, 0);
  const manual = paid.filter((p) => p.status_source === 'manual').reduce((s, p) => s + p.amount, 0);
  money.central = central;
  money.manual = manual;
  if (waiver) {
    money.waived = a.fee_total;
    return { money, problems: [] };
  }
  const received = central + manual;
  const due = NOTHING_DUE.has(a.status) && received === 0 ? 0 : a.fee_total;
  money.expected = due;
  const problems: { kind: DiscrepancyKind; received: number }[] = [];
  if (due > 0 && received === 0) problems.push({ kind: PAID_OR_LATER.has(a.status) ? 'payment.missing' : 'payment.outstanding', received });
  if (received > 0 && (received !== due || paid.some((p) => p.reconciliation === 'mismatch')))
    problems.push({ kind: 'payment.mismatch', received });
  else if (paid.some((p) => p.status_source === 'manual' && p.reconciliation !== 'matched'))
    problems.push({ kind: 'payment.manual', received });
  return { money, problems };
}

export interface NoteRow {
  discrepancy_key: string;
  note: string;
  username: string;
}

export interface MoneyReport {
  byService: EodGroup[];
  byOfficer: EodGroup[];
  byDesk: EodGroup[];
  total: EodGroup;
  discrepancies: Discrepancy[];
}

const thisDesk: DeskOf = () => ({ key: 'self', label: 'self' });

/** Groups applications per service and per officer, with their money, and lists every discrepancy. */
export function buildMoneyReport(
  apps: readonly EodApplicationRow[],
  payments: readonly EodPaymentRow[],
  notes: readonly NoteRow[],
  serviceName: (code: string) => string,
  deskOf: DeskOf = thisDesk,
): MoneyReport {
  const paymentsOf = new Map<string, EodPaymentRow[]>();
  for (const p of payments) {
    const list = paymentsOf.get(p.application_id);
    if (list) list.push(p);
    else paymentsOf.set(p.application_id, [p]);
  }
  const noteOf = new Map(notes.map((n) => [n.discrepancy_key, n]));
  const services = new Map<string, EodGroup>();
  const officers = new Map<string, EodGroup>();
  const desks = new Map<string, EodGroup>();
  const total: EodGroup = { key: 'total', label: 'total', applications: 0, byStatus: {}, money: emptyMoney() };
  const discrepancies: Discrepancy[] = [];
  const group = (map: Map<string, EodGroup>, key: string, label: string): EodGroup => {
    let g = map.get(key);
    if (!g) map.set(key, (g = { key, label, applications: 0, byStatus: {}, money: emptyMoney() }));
    return g;
  };
  for (const a of apps) {
    const { money, problems } = settle(a, paymentsOf.get(a.id) ?? []);
    const desk = deskOf(a);
    for (const g of [
      group(services, a.service_code, serviceName(a.service_code)),
      group(officers, a.created_by, a.officer ?? a.created_by),
      group(desks, desk.key, desk.label),
      total,
    ]) {
      g.applications += 1;
      g.byStatus[a.status] = (g.byStatus[a.status] ?? 0) + 1;
      addMoney(g.money, money);
    }
    for (const p of problems) {
      const key = `${p.kind}:${a.id}`;
      const n = noteOf.get(key);
      discrepancies.push({
        key,
        kind: p.kind,
        applicationId: a.id,
        applicationNumber: a.number,
        serviceCode: a.service_code,
        expected: money.expected,
        received: p.received,
        note: n?.note ?? null,
        notedBy: n?.username ?? null,
        workstationId: desk.key,
        workstation: desk.label,
        officer: a.officer ?? a.created_by,
      });
    }
  }
  const sorted = (m: Map<string, EodGroup>) => [...m.values()].sort((x, y) => x.label.localeCompare(y.label));
  discrepancies.sort((x, y) => x.applicationNumber.localeCompare(y.applicationNumber) || x.kind.localeCompare(y.kind));
  return { byService: sorted(services), byOfficer: sorted(officers), byDesk: sorted(desks), total, discrepancies };
}

export const unresolved = (ds: readonly Discrepancy[]): Discrepancy[] => ds.filter((d) => d.note === null);
