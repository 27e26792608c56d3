// The end-of-day report as CSV (RFC 4180, CRLF, one row per fact with a section column) so a
// spreadsheet can total it. Text cells that a spreadsheet would run as a formula are prefixed with '.
import type { EndOfDayReportView } from '@common/contract/end-of-day.js';

type Cell = string | number | null;

export function csvCell(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const safe = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const HEADERS = {
  id: ['bagian', 'kunci', 'label', 'status', 'jumlah', 'seharusnya', 'pusat', 'manual', 'dibebaskan', 'catatan'],
  en: ['section', 'key', 'label', 'status', 'count', 'expected', 'central', 'manual', 'waived', 'note'],
};

/** A ticket group's figures, one row each with the figure's name in the status column (a spreadsheet pivots on it). */
const TICKET_COLUMNS = ['issued', 'served', 'noShow', 'transferred', 'cancelled', 'open'] as const;

export function endOfDayCsv(r: EndOfDayReportView, lang: 'id' | 'en', contentHash: string): string {
  const rows: Cell[][] = [HEADERS[lang]];
  const nameOf = (code: string) => r.serviceNames.find((n) => n.code === code)?.[lang === 'en' ? 'nameEn' : 'nameId'] ?? code;
  const groups = (section: string, gs: EndOfDayReportView['byService'], label = (g: EndOfDayReportView['total']) => g.label) => {
    for (const g of gs) {
      rows.push([section, g.key, label(g), null, g.applications, g.money.expected, g.money.central, g.money.manual, g.money.waived, null]);
      for (const [status, n] of Object.entries(g.byStatus).sort(([a], [b]) => a.localeCompare(b)))
        rows.push([`${section}.status`, g.key, label(g), status, n, null, null, null, null, null]);
    }
  };
  groups('service', r.byService, (g) => nameOf(g.key));
  groups('officer', r.byOfficer);
  groups('desk', r.byDesk);
  groups('total', [r.total]);
  for (const d of r.discrepancies) rows.push(['discrepancy', d.key, d.applicationNumber, d.kind, 1, d.expected, null, null, null, d.note]);
  // The desk and officer that took each application, so a discrepancy is traced to both.
  for (const d of r.discrepancies)
    rows.push(['discrepancy.desk', d.key, d.workstation, d.officer, null, null, null, null, null, d.workstationId]);
  rows.push(['receipts.printed', null, null, null, r.receipts.printed, null, null, null, null, null]);
  for (const e of r.receipts.reprinted)
    rows.push(['receipts.reprint', e.kind, e.applicationNumber, `copy ${e.copyNo}`, 1, null, null, null, null, e.reason]);
  for (const e of r.receipts.voided) rows.push(['receipts.void', e.kind, e.applicationNumber, 'void', 1, null, null, null, null, e.reason]);
  for (const d of r.receipts.byDesk)
    rows.push([
      'receipts.desk',
      d.workstationId,
      d.workstation,
      `issued ${d.issued}, voided ${d.voided}`,
      d.issued,
      null,
      null,
      null,
      null,
      null,
    ]);
  rows.push(['sync.unsynced', null, null, null, r.sync.unsynced, null, null, null, null, null]);
  rows.push(['sync.conflicts', null, null, null, r.sync.conflicts, null, null, null, null, null]);
  for (const o of r.sync.rejected)
    rows.push(['sync.rejected', String(o.deviceSeq), `${o.op} ${o.entityId}`, o.status, 1, null, null, null, null, o.reason]);
  for (const c of r.sync.capturesNotUploaded)
    rows.push(['sync.captureNotUploaded', c.applicationId, c.applicationNumber, c.modality, c.images, null, null, null, null, null]);
  rows.push(['office.status', null, null, r.office.status, null, null, null, null, null, null]);
  for (const w of r.office.workstations)
    rows.push([
      'office.workstation',
      w.id,
      w.name,
      `pending ${w.pending}, conflicts ${w.conflicts}, rejected ${w.rejected}`,
      w.pending,
      null,
      null,
      null,
      null,
      null,
    ]);
  if (r.acknowledged)
    for (const w of r.acknowledged.workstations)
      rows.push([
        'office.acknowledged',
        w.id,
        w.name,
        `pending ${w.pending}`,
        w.pending,
        null,
        null,
        null,
        null,
        `${r.acknowledged.by}: ${r.acknowledged.reason}`,
      ]);
  for (const l of r.lateChanges)
    rows.push(['late', l.opId, `${l.workstation} ${l.op} ${l.entityId}`, l.status, 1, null, null, null, null, l.note]);
  for (const e of r.earlierSignoffs)
    rows.push([
      'signoff.earlier',
      String(e.n),
      e.signedBy,
      e.reportHash,
      null,
      e.total.expected,
      e.total.central,
      e.total.manual,
      e.total.waived,
      null,
    ]);
  const ticketRows = (section: string, key: string, label: string, c: EndOfDayReportView['tickets']['total']) => {
    for (const k of TICKET_COLUMNS) rows.push([section, key, label, k, c[k], null, null, null, null, null]);
  };
  for (const g of r.tickets.byService) ticketRows('tickets.service', g.serviceCode, nameOf(g.serviceCode), g);
  for (const g of r.tickets.byOfficer) ticketRows('tickets.officer', g.officer ?? '', g.name ?? g.officer ?? '', g);
  ticketRows('tickets.total', 'total', 'total', r.tickets.total);
  rows.push(['report', r.date, r.officeCode, r.closure?.status ?? 'open', null, null, null, null, null, `sha256 ${contentHash}`]);
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
