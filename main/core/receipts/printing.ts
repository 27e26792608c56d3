// Printing receipts on this workstation. Core never drives devices itself (lint keeps electron out):
// the Electron shell attaches its printer (main/devices/printer-electron.ts) as core.ports.print.
// Without one, in the web host, the answer is that the browser opens or downloads the PDF.
import { AppError } from '@common/contract/result.js';
import type { PrintOutcomeView } from '@common/contract/applications/printer.js';
import { getSetting, setSetting } from '@db/queries/office/settings.js';
import type { Db } from '@db/connection.js';
import { write, type Handlers } from '../kernel/context.js';

export interface PrintPort {
  print(job: { bytes: Uint8Array; fileName: string; kind: 'document' | 'ticket' }): Promise<PrintOutcomeView>;
}

const KEYS = { documentPrinter: 'printer_document', ticketPrinter: 'printer_ticket' } as const;

/** The printer names an admin set for this workstation (the same in training: it is the same hardware). */
export function printerSettings(db: Db): { documentPrinter: string | null; ticketPrinter: string | null } {
  return { documentPrinter: getSetting(db, KEYS.documentPrinter) || null, ticketPrinter: getSetting(db, KEYS.ticketPrinter) || null };
}

/** A PDF starts with %PDF-: anything else would print garbage or nothing at all. */
function pdfBytes(base64: string): Uint8Array {
  const bytes = Buffer.from(base64, 'base64');
  if (bytes.subarray(0, 5).toString('latin1') !== '%PDF-')
    throw new AppError('VALIDATION', 'That is not a PDF document', { fields: { pdfBase64: ['pdf.invalid'] } });
  return new Uint8Array(bytes);
}

export const printingHandlers = {
  'printer.print': async (ctx, input) => {
    const bytes = pdfBytes(input.pdfBase64);
    const port = ctx.core.ports.print;
    if (!port) return { via: 'browser' as const };
    return port.print({ bytes, fileName: input.fileName, kind: input.kind });
  },
  'printer.getSettings': (ctx) => printerSettings(ctx.core.liveDb),
  'printer.updateSettings': (ctx, input) => {
    const entries = Object.entries(input).filter(([, v]) => v !== undefined);
    if (entries.length === 0) throw new AppError('VALIDATION', 'Nothing to change');
    write(ctx, 'printer.updateSettings', () => {
      for (const [k, v] of entries) setSetting(ctx.core.liveDb, KEYS[k as keyof typeof KEYS], v ?? '');
      return { change: { entity: 'workstation', summary: input } };
    });
    return printerSettings(ctx.core.liveDb);
  },
} satisfies Partial<Handlers>;
