// Printing for the hosts. A counter must never lose a receipt because a printer is missing, jammed or
// misnamed: every job either reaches the configured printer or is saved as a PDF in the fallback
// folder, and the outcome says which and why so the screen can tell the officer.
import { randomUUID } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join, parse } from 'node:path';

/** 'document' goes to the A4/A5 printer, 'ticket' to the 80 mm thermal printer. */
export type PrintKind = 'document' | 'ticket';

export interface PrintJob {
  bytes: Uint8Array;
  /** e.g. "BYM-261130-03-0001-tanda-terima.pdf"; used for the fallback file. */
  fileName: string;
  kind: PrintKind;
}

export interface PrinterSettings {
  /** OS printer name for documents; null when none is configured. */
  documentPrinter: string | null;
  /** OS printer name for queue tickets; null when none is configured. */
  ticketPrinter: string | null;
  /** Folder where jobs are saved as PDF when they cannot be printed. */
  fallbackDir: string;
}

export type FallbackReason = 'no-printer' | 'printer-missing' | 'print-failed';

export type PrintOutcome = { via: 'printer'; printerName: string } | { via: 'file'; path: string; reason: FallbackReason; detail?: string };

/** Something that can put PDF bytes on paper: Electron in the shell, a fake in tests. */
export interface PdfPrintEngine {
  /** Printer names the OS knows. */
  printers(): Promise<string[]>;
  /** Resolves when the printer accepted the job; rejects with the reason otherwise. */
  print(bytes: Uint8Array, printerName: string, kind: PrintKind): Promise<void>;
}

export interface Printer {
  print(job: PrintJob): Promise<PrintOutcome>;
}

/** A name that cannot climb out of the folder or clash with a file already there. */
function safeName(fileName: string): string {
  const base =
    parse(fileName)
      .name.replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^[-.]+/, '')
      .slice(0, 100) || 'loket';
  return `${base}.pdf`;
}

/** Saves PDF bytes in `dir` under a fresh name (-2, -3 ... when taken); written then renamed, never half a file. */
export async function savePdf(dir: string, fileName: string, bytes: Uint8Array): Promise<string> {
  await mkdir(dir, { recursive: true });
  const { name } = parse(safeName(fileName));
  const temp = join(dir, `.${name}.${randomUUID()}.part`);
  await writeFile(temp, bytes);
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `${name}.pdf` : `${name}-${n}.pdf`);
    try {
      // Claim the name first ('wx' fails when it is taken), so two jobs never pick the same file.
      await writeFile(path, new Uint8Array(0), { flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    await rename(temp, path);
    return path;
  }
}

/** Prints through `engine` when a printer is configured and present; otherwise, or on failure, saves the PDF. */
export function createPrinter(engine: PdfPrintEngine | null, settings: () => PrinterSettings): Printer {
  return {
    async print(job) {
      const s = settings();
      const name = job.kind === 'ticket' ? s.ticketPrinter : s.documentPrinter;
      const fallback = async (reason: FallbackReason, detail?: string): Promise<PrintOutcome> => {
        const path = await savePdf(s.fallbackDir, job.fileName, job.bytes);
        return detail === undefined ? { via: 'file', path, reason } : { via: 'file', path, reason, detail };
      };
      if (!engine || !name) return fallback('no-printer');
      let known: string[];
      try {
        known = await engine.printers();
      } catch (err) {
        return fallback('print-failed', message(err));
      }
      if (!known.includes(name)) return fallback('printer-missing', name);
      try {
        await engine.print(job.bytes, name, job.kind);
        return { via: 'printer', printerName: name };
      } catch (err) {
        return fallback('print-failed', message(err));
      }
    },
  };
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));
