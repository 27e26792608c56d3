import { z } from 'zod';
import { text } from '../schemas.js';
import { defineCall } from '../define.js';

/** An OS printer name as the print dialog shows it; null means none configured (PDFs are saved instead). */
const PrinterName = text().trim().min(1).max(200).nullable();

export const PrinterSettingsView = z.strictObject({ documentPrinter: PrinterName, ticketPrinter: PrinterName });

export const PrintOutcomeView = z.discriminatedUnion('via', [
  z.strictObject({ via: z.literal('printer'), printerName: z.string() }),
  z.strictObject({
    via: z.literal('file'),
    path: z.string(),
    reason: z.enum(['no-printer', 'printer-missing', 'print-failed']),
    detail: z.string().optional(),
  }),
  /** The web host has no printer of its own: the browser opens or downloads the PDF. */
  z.strictObject({ via: z.literal('browser') }),
]);
export type PrintOutcomeView = z.infer<typeof PrintOutcomeView>;

export const printerCalls = {
  /** Prints a receipt's PDF (as answered by receipts.issue/reprint/void) on this workstation's printer. */
  'printer.print': defineCall({
    input: z.strictObject({
      pdfBase64: z
        .string()
        .min(1)
        .max(20_000_000)
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'pdf.base64'),
      kind: z.enum(['document', 'ticket']),
      fileName: text().min(1).max(200),
    }),
    output: PrintOutcomeView,
    access: 'session',
    mutates: false,
  }),
  'printer.getSettings': defineCall({ input: z.strictObject({}), output: PrinterSettingsView, access: 'session', mutates: false }),
  'printer.updateSettings': defineCall({
    input: PrinterSettingsView.partial(),
    output: PrinterSettingsView,
    access: ['admin'],
    mutates: true,
  }),
};
