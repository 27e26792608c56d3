// The receipt figures: render time (warm median) and size of the Tanda Terima, each beside a
// bare pdf-lib document holding the same text in a standard font with no barcodes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { renderApplicationReceipt, renderQueueTicket } from '../main/core/pdf/index.js';
import { applicationReceipt, queueTicket } from '@tests/support/pdf.js';
import { median, timeRuns, type BenchResult } from './types.js';

const RUNS = 60;

/** The receipt's own text lines, read back with pdftotext, so the baseline carries the same words. */
function textOf(bytes: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'loket-bench-pdf-'));
  try {
    const file = join(dir, 'r.pdf');
    writeFileSync(file, bytes);
    return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function bare(lines: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595.28, 841.89]);
  let y = 800;
  for (const line of lines) {
    if (y < 40) {
      page = doc.addPage([595.28, 841.89]);
      y = 800;
    }
    // Helvetica is WinAnsi only: the baseline keeps the length, not the exotic letters.
    page.drawText(line.replace(/[^\x20-\x7e\u00a0-\u00ff]/g, '?'), { x: 42, y, size: 9, font });
    y -= 12;
  }
  return doc.save();
}

export async function run(): Promise<BenchResult[]> {
  const model = applicationReceipt();
  const receipt = await renderApplicationReceipt(model);
  const lines = textOf(receipt);
  const bareBytes = await bare(lines);
  const ours = await timeRuns(RUNS, () => renderApplicationReceipt(model), 5);
  const base = await timeRuns(RUNS, () => bare(lines), 5);
  const ticket = queueTicket();
  const ticketRuns = await timeRuns(RUNS, () => renderQueueTicket(ticket), 5);
  const ticketBytes = await renderQueueTicket(ticket);
  return [
    {
      name: 'Tanda Terima PDF render, warm median (DejaVu subset, QR + Code 128)',
      value: median(ours),
      unit: 'ms',
      baseline: { name: `bare pdf-lib, Helvetica, same ${lines.length} lines`, value: median(base) },
      target: '< 25 ms',
    },
    {
      name: 'Tanda Terima PDF size',
      value: receipt.length / 1024,
      unit: 'KB',
      baseline: { name: 'bare pdf-lib, same text', value: bareBytes.length / 1024 },
      target: '< 80 KB',
    },
    {
      name: '80 mm queue ticket PDF render, warm median',
      value: median(ticketRuns),
      unit: 'ms',
      baseline: { name: 'bare pdf-lib receipt text (above)', value: median(base) },
    },
    { name: '80 mm queue ticket PDF size', value: ticketBytes.length / 1024, unit: 'KB' },
  ];
}
