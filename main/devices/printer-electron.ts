// Silent printing of PDF bytes through Chromium's own PDF viewer in a hidden window: Electron prints
// PDFs silently since electron/electron#47378 (backported to 35+). The window gets its own in-memory
// session so the app's CSP and permission hooks on the default session do not reach the viewer.
import { BrowserWindow } from 'electron';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPrinter, type PdfPrintEngine, type Printer, type PrinterSettings, type PrintKind } from './printer.js';

export interface ElectronPrintOptions {
  /** Give up on a job the printer has not accepted after this long. Default 60 s. */
  timeoutMs?: number;
  /** Time for the PDF viewer to lay the pages out after the load event. Default 400 ms. */
  settleMs?: number;
  /** Where the PDF is written for the viewer to load. Default the OS temp folder. */
  tempDir?: string;
}

export const PRINT_PARTITION = 'loket-print';

/** A hidden window that shows one local PDF and can do nothing else: no permissions, popups or navigation. */
function hiddenWindow(): BrowserWindow {
  const win = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: {
      partition: PRINT_PARTITION,
      plugins: true,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  const contents = win.webContents;
  contents.session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  contents.session.setPermissionCheckHandler(() => false);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => event.preventDefault());
  return win;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function electronPrintEngine(opts: ElectronPrintOptions = {}): PdfPrintEngine {
  const timeoutMs = opts.timeoutMs ?? 60_000;
  return {
    async printers() {
      const win = hiddenWindow();
      try {
        return (await win.webContents.getPrintersAsync()).map((p) => p.name);
      } finally {
        win.close();
      }
    },

    async print(bytes: Uint8Array, printerName: string, kind: PrintKind) {
      const dir = await mkdtemp(join(opts.tempDir ?? tmpdir(), 'loket-print-'));
      const file = join(dir, 'job.pdf');
      const win = hiddenWindow();
      let timer: NodeJS.Timeout | undefined;
      try {
        await writeFile(file, bytes);
        await win.loadFile(file);
        await delay(opts.settleMs ?? 400);
        await new Promise<void>((resolve, reject) => {
          timer = setTimeout(
            () => reject(new Error(`The printer ${printerName} did not accept the job within ${timeoutMs / 1000} s`)),
            timeoutMs,
          );
          win.webContents.print(
            // The PDF carries its own page size; a ticket must not get the printer's default margins.
            {
              silent: true,
              deviceName: printerName,
              printBackground: true,
              ...(kind === 'ticket' ? { margins: { marginType: 'none' as const } } : {}),
            },
            (success, failureReason) =>
              success ? resolve() : reject(new Error(failureReason || `The printer ${printerName} refused the job`)),
          );
        });
      } finally {
        clearTimeout(timer);
        if (!win.isDestroyed()) win.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}

/** What the Electron shell installs: silent printing with the save-as-PDF fallback. */
export function createElectronPrinter(settings: () => PrinterSettings, opts: ElectronPrintOptions = {}): Printer {
  return createPrinter(electronPrintEngine(opts), settings);
}
