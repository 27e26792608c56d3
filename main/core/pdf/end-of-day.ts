// Laporan Akhir Hari: one business day's applications, money, discrepancies with their notes,
// receipts, sync state and the office's queue tickets per service and officer, closed by the supervisor's name and the SHA-256 of the report's content.
import type { EndOfDayReportView } from '@common/contract/end-of-day.js';
import { closing, fieldGrid, note, type Field } from './blocks.js';
import { renderDocument } from './document.js';
import { formatDateTime, formatIsoDate, formatRupiah, formatTime, joined, ordered } from './format.js';
import type { Bilingual, DocumentBase, PdfLanguage } from './models.js';
import { ALERT, MUTED, RULE, SHADE, type Sheet } from './sheet.js';

export interface EndOfDayModel extends DocumentBase {
  report: EndOfDayReportView;
  contentHash: string;
  /** Who signed the day off; null while it is still open (the PDF then says DRAFT). */
  signedBy: string | null;
}

const KIND: Record<string, Bilingual> = {
  'payment.missing': { id: 'Tanpa pembayaran setelah status dibayar', en: 'No payment past the paid step' },
  'payment.outstanding': { id: 'Belum dibayar', en: 'Not paid yet' },
  'payment.manual': { id: 'Konfirmasi manual, belum dicocokkan pusat', en: 'Manual confirmation not matched by central' },
  'payment.mismatch': { id: 'Jumlah tidak cocok', en: 'Amount mismatch' },
};

function table(s: Sheet, header: string[], rows: string[][], widths: number[]): void {
  const total = widths.reduce((a, b) => a + b, 0);
  const xs: number[] = [];
  widths.reduce((x, w) => (xs.push(x), x + (w / total) * s.width), s.left);
  const w = (i: number) => ((widths[i] ?? 0) / total) * s.width - 4;
  const row = (cells: string[], bold: boolean, shade: boolean) => {
    const h = Math.max(...cells.map((c, i) => s.textHeight(c, { size: 7.5, bold, width: w(i) }))) + 3;
    const pages = s.pages.length;
    s.ensure(h);
    // A table that runs onto a new page repeats its header there.
    if (s.pages.length !== pages && !bold) row(header, true, true);
    if (shade) s.box(s.left, s.y, s.width, h, { fill: SHADE });
    cells.forEach((c, i) =>
      s.textAt(c, s.y - 1.5, {
        size: 7.5,
        bold,
        x: (xs[i] ?? s.left) + 2,
        width: w(i),
        align: i > 0 && /^[-\d.,Rp\s]+$/.test(c) ? 'right' : 'left',
      }),
    );
    s.y -= h;
  };
  row(header, true, true);
  rows.forEach((r) => row(r, false, false));
  s.rule(0.4, RULE);
  s.gap(8);
}

function heading(s: Sheet, text: Bilingual, lang: PdfLanguage): void {
  s.ensure(30);
  s.text(joined(text, lang), { size: 10, bold: true });
  s.gap(3);
}

/** The service's Indonesian name with its code beside it; the code alone when the name is unknown. */
function serviceLabel(r: EndOfDayReportView, code: string): string {
  const name = r.serviceNames.find((n) => n.code === code)?.nameId;
  return name ? `${name} (${code})` : code;
}

type TicketCounts = EndOfDayReportView['tickets']['total'];
const ticketCells = (c: TicketCounts): string[] => [c.issued, c.served, c.noShow, c.transferred, c.cancelled, c.open].map(String);

function ticketTables(s: Sheet, r: EndOfDayReportView, lang: PdfLanguage): void {
  const t = r.tickets;
  if (t.total.issued === 0) {
    heading(s, { id: 'Antrean', en: 'Queue' }, lang);
    return note(s, { id: 'Tidak ada tiket antrean pada hari ini.', en: 'No queue tickets on this day.' }, lang);
  }
  heading(s, { id: 'Antrean per layanan', en: 'Queue per service' }, lang);
  const counts = [
    joined({ id: 'Terbit', en: 'Issued' }, lang),
    joined({ id: 'Dilayani', en: 'Served' }, lang),
    joined({ id: 'Tidak hadir', en: 'No-show' }, lang),
    joined({ id: 'Dialihkan', en: 'Transferred' }, lang),
    joined({ id: 'Dibatalkan', en: 'Cancelled' }, lang),
    joined({ id: 'Belum selesai', en: 'Still open' }, lang),
  ];
  const widths = [3.4, 1.1, 1.1, 1.1, 1.1, 1.1, 1.1];
  const total = [joined({ id: 'Jumlah', en: 'Total' }, lang), ...ticketCells(t.total)];
  table(
    s,
    [joined({ id: 'Layanan', en: 'Service' }, lang), ...counts],
    [...t.byService.map((g) => [serviceLabel(r, g.serviceCode), ...ticketCells(g)]), total],
    widths,
  );
  heading(s, { id: 'Antrean per petugas', en: 'Queue per officer' }, lang);
  const nobody = joined({ id: 'Belum dipanggil', en: 'Not called' }, lang);
  table(
    s,
    [joined({ id: 'Petugas', en: 'Officer' }, lang), ...counts],
    t.byOfficer.map((g) => [g.officer === null ? nobody : g.name ? `${g.name} (${g.officer})` : g.officer, ...ticketCells(g)]),
    widths,
  );
}

/** An application status as the screens name it (renderer/i18n applications.status). */
export const STATUS: Record<string, Bilingual> = {
  checked_in: { id: 'Terdaftar', en: 'Checked in' },
  incomplete: { id: 'Berkas kurang', en: 'Documents missing' },
  verified: { id: 'Berkas terverifikasi', en: 'Verified' },
  biometrics_captured: { id: 'Biometrik terekam', en: 'Biometrics captured' },
  interviewed: { id: 'Wawancara selesai', en: 'Interviewed' },
  paid: { id: 'Lunas', en: 'Paid' },
  submitted: { id: 'Menunggu keputusan', en: 'Awaiting decision' },
  approved: { id: 'Disetujui', en: 'Approved' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  printed: { id: 'Dicetak', en: 'Printed' },
  ready: { id: 'Siap diambil', en: 'Ready for collection' },
  collected: { id: 'Sudah diambil', en: 'Collected' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  expired: { id: 'Kedaluwarsa (tidak diambil)', en: 'Expired (not collected)' },
};

const statuses = (byStatus: Record<string, number>, lang: PdfLanguage) =>
  Object.entries(byStatus)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${STATUS[k] ? ordered(STATUS[k], lang)[0] : k} ${n}`)
    .join(', ');

/** Every desk of the office as central knew it when the report was made. */
function officeDesks(s: Sheet, r: EndOfDayReportView, lang: PdfLanguage): void {
  heading(s, { id: 'Stasiun kerja kantor', en: 'Office workstations' }, lang);
  if (r.office.status === 'offline')
    return note(
      s,
      {
        id: 'Pusat tidak dapat dihubungi: stasiun kerja lain tidak diperiksa.',
        en: 'Central could not be reached: other workstations were not checked.',
      },
      lang,
    );
  if (r.office.status === 'standalone')
    return note(
      s,
      { id: 'Tidak terdaftar di pusat: tidak ada stasiun kerja lain.', en: 'Not enrolled with central: no other workstations.' },
      lang,
    );
  const head = [
    joined({ id: 'Stasiun', en: 'Workstation' }, lang),
    joined({ id: 'Terakhir tersambung', en: 'Last connected' }, lang),
    joined({ id: 'Belum terkirim', en: 'Unsent' }, lang),
    joined({ id: 'Konflik', en: 'Conflicts' }, lang),
    joined({ id: 'Ditolak', en: 'Rejected' }, lang),
  ];
  const rows = r.office.workstations.map((w) => [
    w.name,
    w.lastSeenAt === null ? '-' : formatTime(w.lastSeenAt, r.tz),
    String(w.pending),
    String(w.conflicts),
    String(w.rejected),
  ]);
  table(s, head, rows, [3, 2.6, 1.6, 1.4, 1.4]);
}

/** Desks the supervisor signed without, and why, in the supervisor's own words. */
function acknowledgement(s: Sheet, r: EndOfDayReportView, lang: PdfLanguage): void {
  const a = r.acknowledged;
  if (!a) return;
  heading(s, { id: 'Ditandatangani tanpa menunggu stasiun kerja', en: 'Signed without waiting for workstations' }, lang);
  const names = a.workstations.map((w) => `${w.name} (${w.pending})`).join(', ');
  note(
    s,
    {
      id: `${names} belum melapor setelah pekerjaan terakhirnya. Alasan (${a.by}): ${a.reason}`,
      en: `${names} had not reported since its last work. Reason (${a.by}): ${a.reason}`,
    },
    lang,
  );
}

const LATE_STATUS: Record<string, Bilingual> = {
  held: { id: 'Menunggu keputusan', en: 'Waiting for a decision' },
  accepted: { id: 'Diterima', en: 'Accepted' },
  returned: { id: 'Dikembalikan', en: 'Returned' },
  resent: { id: 'Dikirim ulang', en: 'Resent' },
  failed: { id: 'Gagal diterapkan', en: 'Could not be applied' },
};

/** Changes that reached central after the day was signed, and earlier sign-offs of the day. */
function lateChanges(s: Sheet, r: EndOfDayReportView, lang: PdfLanguage): void {
  if (r.lateChanges.length > 0) {
    heading(s, { id: 'Perubahan terlambat', en: 'Late changes' }, lang);
    table(
      s,
      [
        joined({ id: 'Stasiun', en: 'Workstation' }, lang),
        'Op',
        joined({ id: 'Dibuat', en: 'Made' }, lang),
        'Status',
        joined({ id: 'Catatan', en: 'Note' }, lang),
      ],
      r.lateChanges.map((l) => [
        l.workstation,
        `${l.op} ${String(l.summary.number ?? l.entityId)}`,
        formatTime(l.createdAt, r.tz),
        `${ordered(LATE_STATUS[l.status] ?? { id: l.status, en: l.status }, lang)[0]}${l.decidedBy ? ` (${l.decidedBy})` : ''}`,
        l.note ?? '-',
      ]),
      [2, 3.5, 1.2, 2.2, 3],
    );
  }
  if (r.earlierSignoffs.length > 0) {
    heading(s, { id: 'Tanda tangan sebelumnya', en: 'Earlier sign-offs' }, lang);
    table(
      s,
      ['#', 'Supervisor', joined({ id: 'Waktu', en: 'Time' }, lang), joined({ id: 'Seharusnya', en: 'Expected' }, lang), 'SHA-256'],
      r.earlierSignoffs.map((e) => [
        String(e.n),
        e.signedBy,
        formatDateTime(e.signedAt, r.tz, lang),
        formatRupiah(e.total.expected),
        e.reportHash.slice(0, 16),
      ]),
      [0.6, 2.4, 2.6, 2, 3],
    );
  }
}

export async function renderEndOfDay(model: EndOfDayModel): Promise<Uint8Array> {
  const r = model.report;
  const title = { id: 'Laporan Akhir Hari', en: 'End-of-Day Report' };
  return renderDocument(model, { title, docId: r.date }, (s, lang) => {
    const fields: Field[] = [
      { label: { id: 'Hari layanan', en: 'Business day' }, value: formatIsoDate(r.date, lang) },
      { label: { id: 'Stasiun kerja', en: 'Workstation' }, value: r.workstation },
      { label: { id: 'Permohonan', en: 'Applications' }, value: String(r.total.applications) },
      {
        label: { id: 'Status', en: 'Status' },
        value: model.signedBy
          ? joined({ id: 'Ditutup', en: 'Closed' }, lang)
          : joined({ id: 'DRAF - belum ditutup', en: 'DRAFT - not signed off' }, lang),
      },
    ];
    fieldGrid(s, fields, lang);
    const moneyHeader = [
      joined({ id: 'Kelompok', en: 'Group' }, lang),
      'n',
      joined({ id: 'Seharusnya', en: 'Expected' }, lang),
      joined({ id: 'Pusat', en: 'Central' }, lang),
      'Manual',
      joined({ id: 'Dibebaskan', en: 'Waived' }, lang),
    ];
    const moneyRow = (g: EndOfDayReportView['total'], label: string) => [
      label,
      String(g.applications),
      formatRupiah(g.money.expected),
      formatRupiah(g.money.central),
      formatRupiah(g.money.manual),
      formatRupiah(g.money.waived),
    ];
    heading(s, { id: 'Per layanan', en: 'Per service' }, lang);
    table(
      s,
      moneyHeader,
      [...r.byService.map((g) => moneyRow(g, serviceLabel(r, g.key))), moneyRow(r.total, joined({ id: 'Jumlah', en: 'Total' }, lang))],
      [4.5, 0.8, 2, 2, 2, 2],
    );
    heading(s, { id: 'Per petugas', en: 'Per officer' }, lang);
    table(
      s,
      moneyHeader,
      r.byOfficer.map((g) => moneyRow(g, g.label)),
      [4.5, 0.8, 2, 2, 2, 2],
    );
    if (r.byDesk.length > 0) {
      heading(s, { id: 'Per stasiun kerja', en: 'Per workstation' }, lang);
      table(
        s,
        moneyHeader,
        r.byDesk.map((g) => moneyRow(g, g.label)),
        [4.5, 0.8, 2, 2, 2, 2],
      );
    }
    heading(s, { id: 'Permohonan menurut status', en: 'Applications by status' }, lang);
    table(
      s,
      [joined({ id: 'Layanan', en: 'Service' }, lang), 'Status'],
      r.byService.map((g) => [serviceLabel(r, g.key), statuses(g.byStatus, lang)]),
      [4.5, 8.8],
    );
    heading(s, { id: 'Selisih', en: 'Discrepancies' }, lang);
    if (r.discrepancies.length === 0) note(s, { id: 'Tidak ada selisih.', en: 'No discrepancies.' }, lang);
    else
      table(
        s,
        [
          joined({ id: 'Permohonan', en: 'Application' }, lang),
          joined({ id: 'Stasiun / petugas', en: 'Desk / officer' }, lang),
          joined({ id: 'Jenis', en: 'Kind' }, lang),
          joined({ id: 'Seharusnya', en: 'Expected' }, lang),
          joined({ id: 'Diterima', en: 'Received' }, lang),
          joined({ id: 'Catatan', en: 'Note' }, lang),
        ],
        r.discrepancies.map((d) => [
          d.applicationNumber,
          [d.workstation, d.officer].filter(Boolean).join(' / ') || '-',
          ordered(KIND[d.kind] ?? { id: d.kind, en: d.kind }, lang)[0],
          formatRupiah(d.expected),
          formatRupiah(d.received),
          d.note ? `${d.note} (${d.notedBy ?? ''})` : '-',
        ]),
        [2.2, 1.8, 2.2, 1.5, 1.5, 3],
      );
    heading(s, { id: 'Tanda terima', en: 'Receipts' }, lang);
    note(
      s,
      {
        id: `Dicetak ${r.receipts.printed}, dicetak ulang ${r.receipts.reprinted.length}, dibatalkan ${r.receipts.voided.length}.`,
        en: `Printed ${r.receipts.printed}, reprinted ${r.receipts.reprinted.length}, voided ${r.receipts.voided.length}.`,
      },
      lang,
    );
    const events = [
      ...r.receipts.reprinted.map((e) => ({ ...e, what: joined({ id: 'Cetak ulang', en: 'Reprint' }, lang) })),
      ...r.receipts.voided.map((e) => ({ ...e, what: joined({ id: 'Batal', en: 'Void' }, lang) })),
    ];
    if (r.receipts.byDesk.length)
      table(
        s,
        [
          joined({ id: 'Stasiun', en: 'Workstation' }, lang),
          joined({ id: 'Diterbitkan', en: 'Issued' }, lang),
          joined({ id: 'Dibatalkan', en: 'Voided' }, lang),
        ],
        r.receipts.byDesk.map((d) => [d.workstation, String(d.issued), String(d.voided)]),
        [4, 2, 2],
      );
    if (events.length)
      table(
        s,
        [
          joined({ id: 'Waktu', en: 'Time' }, lang),
          joined({ id: 'Permohonan', en: 'Application' }, lang),
          '',
          joined({ id: 'Alasan', en: 'Reason' }, lang),
        ],
        events.map((e) => [formatTime(e.at, r.tz), e.applicationNumber, `${e.what} (${e.kind})`, e.reason ?? '-']),
        [1.2, 2.4, 2.4, 4],
      );
    heading(s, { id: 'Sinkronisasi', en: 'Sync' }, lang);
    note(
      s,
      {
        id: `Belum terkirim ${r.sync.unsynced}, konflik ${r.sync.conflicts}, ditolak pusat ${r.sync.rejected.length}.`,
        en: `Unsynced ${r.sync.unsynced}, conflicts ${r.sync.conflicts}, rejected by central ${r.sync.rejected.length}.`,
      },
      lang,
    );
    if (r.sync.rejected.length)
      table(
        s,
        ['#', 'Op', joined({ id: 'Alasan', en: 'Reason' }, lang)],
        r.sync.rejected.map((o) => [String(o.deviceSeq), `${o.op} ${o.entityId}`, o.reason ?? '-']),
        [1, 4, 5],
      );
    if (r.sync.capturesNotUploaded.length) {
      note(
        s,
        {
          id: `Rekaman biometrik belum terkirim ke pusat: ${r.sync.capturesNotUploaded.length}.`,
          en: `Biometric captures not yet uploaded to central: ${r.sync.capturesNotUploaded.length}.`,
        },
        lang,
      );
      table(
        s,
        [
          joined({ id: 'Permohonan', en: 'Application' }, lang),
          joined({ id: 'Modalitas', en: 'Modality' }, lang),
          joined({ id: 'Gambar', en: 'Images' }, lang),
          joined({ id: 'Waktu rekam', en: 'Captured' }, lang),
        ],
        r.sync.capturesNotUploaded.map((c) => [
          c.applicationNumber ?? c.applicationId,
          c.modality,
          String(c.images),
          formatDateTime(c.capturedAt, r.tz, lang),
        ]),
        [3, 2.4, 1.2, 2],
      );
    }
    officeDesks(s, r, lang);
    acknowledgement(s, r, lang);
    lateChanges(s, r, lang);
    ticketTables(s, r, lang);
    s.gap(6);
    s.text(`SHA-256: ${model.contentHash}`, { size: 7, color: model.signedBy ? MUTED : ALERT });
    s.gap(8);
    const hashNote = {
      id: 'Hash SHA-256 di atas dihitung dari isi laporan; laporan yang diubah menghasilkan hash lain.',
      en: 'The SHA-256 above is computed from the report content; any altered report gives another hash.',
    };
    closing(s, [hashNote], { id: 'Supervisor', en: 'Supervisor' }, model.signedBy ?? '....................', lang);
  });
}
