import { z } from 'zod';
import { defineCall } from '../define.js';
import { ApplicationIdSchema, ReasonText, ReceiptKind, ReceiptView } from './schemas.js';
import { Language, text } from '../schemas.js';

export const PrintedReceipt = z.strictObject({
  receipt: ReceiptView,
  copyNo: z.number().int(),
  fileName: z.string(),
  /** The PDF itself, for the renderer to open, download or hand to the printer. */
  pdfBase64: z.string(),
});

export const receiptsCalls = {
  /** Renders and records a new receipt (an earlier active one of the same kind is superseded) and prints copy 1. */
  'receipts.issue': defineCall({
    input: z.strictObject({ applicationId: ApplicationIdSchema, kind: ReceiptKind, language: Language.default('id') }),
    output: PrintedReceipt,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** A copy of the same facts with a reprint marker; the reason is audited. */
  'receipts.reprint': defineCall({
    input: z.strictObject({ receiptId: z.string().uuid(), reason: ReasonText, language: Language.default('id') }),
    output: PrintedReceipt,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
  /** Voids a receipt with a supervisor override ('receipt.void'); answers the void-marked PDF. */
  'receipts.void': defineCall({
    input: z.strictObject({ receiptId: z.string().uuid(), reason: ReasonText, overrideToken: text().min(10).max(200) }),
    output: PrintedReceipt,
    access: ['officer', 'supervisor'],
    mutates: true,
  }),
};
