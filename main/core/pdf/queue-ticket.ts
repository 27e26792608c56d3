// The 80 mm thermal queue ticket. Thermal rolls are cut to length, so the page is exactly as tall as
// its content: the layout runs once to measure and once to draw.
import { PDFDocument } from 'pdf-lib';
import { drawQr } from './barcodes.js';
import { reprintLabel } from './blocks.js';
import { finishPdf, TRAINING_MARK } from './document.js';
import { embedFonts, type Fonts } from './fonts.js';
import { formatDay, formatTime, joined, ordered } from './format.js';
import type { Bilingual, QueueTicketModel } from './models.js';
import { INK, MM, MUTED, Sheet } from './sheet.js';
import { checkQueueTicket } from './validate.js';

const WIDTH = 80 * MM;
const MARGIN = 4 * MM;
const QR = 30 * MM;

function waitText(minutes: number | null): Bilingual {
  if (minutes === null) return { id: 'Perkiraan waktu tunggu: belum tersedia', en: 'Estimated wait: not available yet' };
  if (minutes < 1) return { id: 'Perkiraan waktu tunggu: segera dipanggil', en: 'Estimated wait: you will be called shortly' };
  return { id: `Perkiraan waktu tunggu: ± ${minutes} menit`, en: `Estimated wait: about ${minutes} min` };
}

function layout(s: Sheet, m: QueueTicketModel): void {
  const lang = m.language ?? 'id';
  const center = { align: 'center' as const };
  const pair = (text: Bilingual, size: number, bold = false) => {
    const [a, b] = ordered(text, lang);
    s.text(a, { size, bold, ...center });
    if (a !== b) s.text(b, { size: size * 0.8, color: MUTED, ...center });
  };
  // A thermal printer may print the pale diagonal mark faintly or not at all: training says so in solid ink too.
  if (m.training) s.text(TRAINING_MARK, { size: 10, bold: true, ...center });
  s.text(m.office.name, { size: 9, bold: true, ...center });
  s.text(`${formatDay(m.issuedAt, m.office.timeZone, lang)} · ${formatTime(m.issuedAt, m.office.timeZone)}`, { size: 8, ...center });
  s.gap(4);
  s.rule(0.8, INK);
  s.gap(6);
  s.text(joined({ id: 'NOMOR ANTREAN', en: 'QUEUE NUMBER' }, lang), { size: 8, color: MUTED, ...center });
  // A long offline-mode number shrinks to one line rather than breaking in the middle.
  const numberSize = Math.min(46, (s.width - 2) / s.fonts.width(m.ticketNumber, 1, true));
  s.text(m.ticketNumber, { size: numberSize, bold: true, leading: 1.15, ...center });
  s.gap(2);
  pair(m.service, 11, true);
  if (m.note) {
    s.gap(2);
    pair(m.note, 9, true);
  }
  s.gap(6);
  s.rule(0.5, INK);
  s.gap(6);
  pair({ id: `Di depan Anda: ${m.peopleAhead} orang`, en: `People ahead of you: ${m.peopleAhead}` }, 10, true);
  s.gap(2);
  pair(waitText(m.estimatedWaitMinutes), 9);
  s.gap(8);
  if (s.page) drawQr(s.page, m.ticketId, (WIDTH - QR) / 2, s.y, QR);
  s.y -= QR + 3;
  s.text(m.ticketId, { size: 6, color: MUTED, ...center });
  s.gap(6);
  if (m.reprint) {
    s.text(reprintLabel(m.reprint, lang), { size: 8, bold: true, ...center });
    s.text(`${joined({ id: 'Alasan', en: 'Reason' }, lang)}: ${m.reprint.reason}`, { size: 7, ...center });
    s.gap(3);
  }
  pair(
    {
      id: 'Harap menunggu sampai nomor Anda dipanggil. Tiket berlaku hari ini saja.',
      en: 'Please wait until your number is called. Valid today only.',
    },
    7.5,
  );
}

function measure(fonts: Fonts, m: QueueTicketModel): number {
  const probe = new Sheet(null, fonts, { size: [WIDTH, 10_000], margin: MARGIN, footer: 0 });
  layout(probe, m);
  return 10_000 - probe.y + MARGIN;
}

export async function renderQueueTicket(model: QueueTicketModel): Promise<Uint8Array> {
  checkQueueTicket(model);
  const doc = await PDFDocument.create();
  const fonts = await embedFonts(doc);
  const s = new Sheet(doc, fonts, { size: [WIDTH, Math.ceil(measure(fonts, model))], margin: MARGIN, footer: 0 });
  layout(s, model);
  const lang = model.language ?? 'id';
  return finishPdf(doc, s, {
    title: `${joined({ id: 'Tiket Antrean', en: 'Queue ticket' }, lang)} ${model.ticketNumber}`,
    author: model.office.name,
    language: lang,
    at: model.issuedAt,
    training: model.training,
  });
}
