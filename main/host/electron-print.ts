// The shell's printer: silent printing to the printers an admin named in the workstation settings, and
// the save-as-PDF fallback in <data>/printed so a counter never loses a receipt.
import { session, type WebContents } from 'electron';
import { join } from 'node:path';
import type { Core } from '../core/core.js';
import { printerSettings } from '../core/receipts/printing.js';
import { createElectronPrinter, PRINT_PARTITION } from '../devices/printer-electron.js';

export function installShellPrinter(core: Core): () => void {
  const printer = createElectronPrinter(() => ({ ...printerSettings(core.liveDb), fallbackDir: join(core.dataDir, 'printed') }));
  return core.attach('print', printer);
}

/**
 * The hidden print window shows Chromium's PDF viewer, whose own frames the app's navigation guard would
 * stop. It has its own session and its own guards (printer-electron.ts), so the app's guard leaves it be.
 */
export function isPrintContents(contents: WebContents): boolean {
  return contents.session === session.fromPartition(PRINT_PARTITION);
}
