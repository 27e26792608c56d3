// The parts the A4/A5 documents share: the letterhead (kop surat), the bilingual title, the reprint
// and void banners, the label/value grid, the fee table, the application-number band with its QR and
// Code 128, and the footer with the print time in the office's zone.
import { code128Width, drawCode128, drawQr } from './barcodes.js';
import { formatDateTime, formatRupiah, joined, ordered } from './format.js';
import type { Bilingual, DocumentBase, FeeLine, OfficeInfo, PdfLanguage, ReprintMarker, VoidMarker } from './models.js';
import { ALERT, INK, MUTED, RULE, SHADE, type Sheet } from './sheet.js';

const MINISTRY = 'KEMENTERIAN IMIGRASI DAN PEMASYARAKATAN REPUBLIK INDONESIA';
const DIRECTORATE = 'DIREKTORAT JENDERAL IMIGRASI';

export function letterhead(s: Sheet, office: OfficeInfo): void {
  s.text(MINISTRY, { size: 8.5, align: 'center', color: MUTED });
  s.text(DIRECTORATE, { size: 10, bold: true, align: 'center' });
  s.text(office.name.toUpperCase(), { size: 12, bold: true, align: 'center' });
  s.text(office.address, { size: 8, align: 'center', color: MUTED });
  s.gap(5);
  s.rule(2, INK);
  s.gap(2.5);
  s.rule(0.6, INK);
  s.gap(12);
}

export function title(s: Sheet, text: Bilingual, lang: PdfLanguage): void {
  const [primary, secondary] = ordered(text, lang);
  s.text(primary.toUpperCase(), { size: 14, bold: true, align: 'center' });
  s.text(secondary, { size: 9, align: 'center', color: MUTED });
  s.gap(10);
}

function banner(s: Sheet, heading: string, detail: string, color = INK): void {
  const pad = 6 * s.k;
  const inner = { x: s.left + pad, width: s.width - 2 * pad };
  const h = s.textHeight(heading, { size: 10, bold: true, ...inner }) + s.textHeight(detail, { size: 8, ...inner }) + 2 * pad;
  s.ensure(h);
  s.box(s.left, s.y, s.width, h, { border: color, borderWidth: 1.5 });
  const top = s.y - pad;
  const used = s.textAt(heading, top, { size: 10, bold: true, color, ...inner });
  s.textAt(detail, top - used, { size: 8, color, ...inner });
  s.y -= h + 8 * s.k;
}

export function reprintLabel(r: ReprintMarker, lang: PdfLanguage): string {
  return joined({ id: `SALINAN · CETAK ULANG ke-${r.count}`, en: `COPY · REPRINT no. ${r.count}` }, lang);
}

export function reprintBanner(s: Sheet, r: ReprintMarker | null, lang: PdfLanguage): void {
  if (!r) return;
  banner(s, reprintLabel(r, lang), `${joined({ id: 'Alasan', en: 'Reason' }, lang)}: ${r.reason}`);
}

export function voidBanner(s: Sheet, v: VoidMarker | null, office: OfficeInfo, lang: PdfLanguage): void {
  if (!v) return;
  const by = v.by ? ` · ${joined({ id: 'Oleh', en: 'By' }, lang)}: ${v.by}` : '';
  const at = v.at !== undefined ? ` · ${formatDateTime(v.at, office.timeZone, lang)}` : '';
  banner(
    s,
    joined({ id: 'DIBATALKAN — DOKUMEN TIDAK BERLAKU', en: 'VOIDED — NOT VALID' }, lang),
    `${joined({ id: 'Alasan', en: 'Reason' }, lang)}: ${v.reason}${by}${at}`,
    ALERT,
  );
}

export interface Field {
  label: Bilingual;
  value: string;
  /** A second line under the value, e.g. the service name in the other language. */
  note?: string;
  strong?: boolean;
}

/** Label (both languages) on the left, value on the right, a hairline under each row. */
export function fieldGrid(s: Sheet, fields: Field[], lang: PdfLanguage): void {
  const labelWidth = Math.min(170 * s.k, s.width * 0.36);
  const valueX = s.left + labelWidth + 8 * s.k;
  const label = { x: s.left, width: labelWidth };
  const value = { x: valueX, width: s.right - valueX };
  const pad = 3.5 * s.k;
  for (const f of fields) {
    const [l1, l2] = ordered(f.label, lang);
    const lh = s.textHeight(l1, { size: 9, ...label }) + (l1 === l2 ? 0 : s.textHeight(l2, { size: 7, ...label }));
    const vh = s.textHeight(f.value, { size: 10, bold: f.strong, ...value }) + (f.note ? s.textHeight(f.note, { size: 8, ...value }) : 0);
    const h = Math.max(lh, vh) + 2 * pad;
    s.ensure(h);
    const top = s.y - pad;
    const used = s.textAt(l1, top, { size: 9, ...label });
    if (l1 !== l2) s.textAt(l2, top - used, { size: 7, color: MUTED, ...label });
    const vUsed = s.textAt(f.value, top, { size: 10, bold: f.strong, ...value });
    if (f.note) s.textAt(f.note, top - vUsed, { size: 8, color: MUTED, ...value });
    s.y -= h;
    s.rule(0.4, RULE);
  }
  s.gap(10);
}

/** Fee lines with amounts right-aligned and the total in bold on a shaded row. */
export function feeTable(s: Sheet, fees: FeeLine[], total: number, lang: PdfLanguage): void {
  const amountWidth = 110 * s.k;
  const pad = 4 * s.k;
  const labelStyle = { x: s.left + pad, width: s.width - amountWidth - 3 * pad };
  const amountStyle = { x: s.right - amountWidth - pad, width: amountWidth, align: 'right' as const };
  const head = joined({ id: 'Rincian Biaya (PNBP)', en: 'Fees (PNBP)' }, lang);
  s.ensure(s.textHeight(head, { size: 9, bold: true }) + 40 * s.k);
  s.text(head, { size: 9, bold: true });
  s.gap(3);
  s.rule(0.8, INK);
  const row = (label: string, sub: string | null, amount: string, strong: boolean, shade: boolean) => {
    const h =
      s.textHeight(label, { size: 9.5, bold: strong, ...labelStyle }) +
      (sub ? s.textHeight(sub, { size: 7.5, ...labelStyle }) : 0) +
      2 * pad;
    s.ensure(h);
    if (shade) s.box(s.left, s.y, s.width, h, { fill: SHADE });
    const used = s.textAt(label, s.y - pad, { size: 9.5, bold: strong, ...labelStyle });
    if (sub) s.textAt(sub, s.y - pad - used, { size: 7.5, color: MUTED, ...labelStyle });
    s.textAt(amount, s.y - pad, { size: 9.5, bold: strong, ...amountStyle });
    s.y -= h;
  };
  if (fees.length === 0) row(joined({ id: 'Tanpa biaya', en: 'No fee' }, lang), null, formatRupiah(0), false, false);
  for (const f of fees) {
    const [a, b] = ordered(f.label, lang);
    row(a, a === b ? null : b, formatRupiah(f.amount), false, false);
    s.rule(0.4, RULE);
  }
  row(joined({ id: 'JUMLAH', en: 'TOTAL' }, lang), null, formatRupiah(total), true, true);
  s.rule(0.8, INK);
  s.gap(12);
}

/** The application number large, its Code 128 under it and the QR on the right. */
export function numberBand(s: Sheet, caption: Bilingual, number: string, qrCaption: Bilingual, lang: PdfLanguage): void {
  const qr = 78 * s.k;
  const module = 1.05 * s.k;
  const barHeight = 30 * s.k;
  const [c1, c2] = ordered(caption, lang);
  const left = { x: s.left, width: s.width - qr - 16 * s.k };
  const capH = s.textHeight(`${c1} / ${c2}`, { size: 8, ...left });
  const numH = s.textHeight(number, { size: 17, bold: true, ...left });
  const qrCap = joined(qrCaption, lang);
  const qrCapH = s.textHeight(qrCap, { size: 6.5, x: s.right - qr, width: qr }) + 4 * s.k;
  const h = Math.max(capH + numH + 6 * s.k + barHeight, qr + qrCapH);
  s.ensure(h);
  const top = s.y;
  const used = s.textAt(`${c1} / ${c2}`, top, { size: 8, color: MUTED, ...left });
  const usedNum = s.textAt(number, top - used, { size: 17, bold: true, ...left });
  if (s.page) {
    // Keep the bars inside the left column and the quiet zone to its left clear (the margin is).
    const width = code128Width(number, module);
    const m = width > left.width ? module * (left.width / width) : module;
    drawCode128(s.page, number, s.left, top - used - usedNum - 6 * s.k, m, barHeight);
    drawQr(s.page, number, s.right - qr, top, qr);
  }
  s.textAt(qrCap, top - qr - 4 * s.k, { size: 6.5, color: MUTED, x: s.right - qr, width: qr, align: 'center' });
  s.y -= h + 8 * s.k;
}

/** A short paragraph in both languages, primary first. */
export function note(s: Sheet, text: Bilingual, lang: PdfLanguage): void {
  const [a, b] = ordered(text, lang);
  s.text(a, { size: 8.5 });
  if (a !== b) s.text(b, { size: 7.5, color: MUTED });
  s.gap(5);
}

/** The closing notes on the left and the officer's name under a signature space on the right. */
export function closing(s: Sheet, notes: Bilingual[], role: Bilingual, name: string, lang: PdfLanguage): void {
  const sigWidth = 170 * s.k;
  const gutter = 16 * s.k;
  const left = { x: s.left, width: s.width - sigWidth - gutter };
  const sig = { x: s.right - sigWidth, width: sigWidth, align: 'center' as const };
  const paragraphs = notes.map((n) => ordered(n, lang));
  const notesHeight = paragraphs.reduce(
    (h, [a, b]) => h + s.textHeight(a, { size: 8.5, ...left }) + (a === b ? 0 : s.textHeight(b, { size: 7.5, ...left })) + 5 * s.k,
    0,
  );
  const roleText = joined(role, lang);
  const space = 34 * s.k;
  const sigHeight = s.textHeight(roleText, { size: 8.5, ...sig }) + space + 3 * s.k + s.textHeight(name, { size: 9, bold: true, ...sig });
  s.ensure(Math.max(notesHeight, sigHeight));
  let y = s.y;
  for (const [a, b] of paragraphs) {
    y -= s.textAt(a, y, { size: 8.5, ...left });
    if (a !== b) y -= s.textAt(b, y, { size: 7.5, color: MUTED, ...left });
    y -= 5 * s.k;
  }
  let sy = s.y - s.textAt(roleText, s.y, { size: 8.5, ...sig }) - space;
  s.page?.drawLine({ start: { x: sig.x + 12 * s.k, y: sy }, end: { x: s.right - 12 * s.k, y: sy }, thickness: 0.6, color: INK });
  sy -= 3 * s.k;
  sy -= s.textAt(name, sy, { size: 9, bold: true, ...sig });
  s.y = Math.min(y, sy);
}

/** Print time, officer, office and page number on every page, plus the reprint or void mark. */
export function footer(s: Sheet, doc: DocumentBase, docId: string): void {
  const lang = doc.language ?? 'id';
  const printed = `${joined({ id: 'Dicetak', en: 'Printed' }, lang)}: ${formatDateTime(doc.printedAt, doc.office.timeZone, lang)} · ${joined({ id: 'Petugas', en: 'Officer' }, lang)}: ${doc.officerName}`;
  const mark = doc.void ? joined({ id: 'BATAL', en: 'VOID' }, lang) : doc.reprint ? reprintLabel(doc.reprint, lang) : '';
  const total = s.pages.length;
  s.pages.forEach((page, i) => {
    const base = s.opts.margin;
    page.drawLine({ start: { x: s.left, y: base + 22 * s.k }, end: { x: s.right, y: base + 22 * s.k }, thickness: 0.4, color: RULE });
    const saved = { page: s.page };
    s.page = page;
    s.textAt(printed, base + 18 * s.k, { size: 6.5, color: MUTED, width: s.width * 0.72 });
    s.textAt(`${doc.office.code} · ${docId} · ${i + 1}/${total}`, base + 18 * s.k, { size: 6.5, color: MUTED, align: 'right' });
    if (mark) s.textAt(mark, base + 8 * s.k, { size: 6.5, bold: true, color: doc.void ? ALERT : INK, align: 'right' });
    s.page = saved.page;
  });
}
