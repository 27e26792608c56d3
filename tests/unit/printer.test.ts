// Printing through Electron's hidden-window silent print, with the save-as-PDF fallback, against the
// fake 'electron' module (the real binary cannot be downloaded on the build machines).
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron } from '../fixtures/fake-electron/index.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron/index.js')).electron);

const { createElectronPrinter, electronPrintEngine, PRINT_PARTITION } = await import('@main/devices/printer-electron.js');
const { createPrinter, savePdf } = await import('@main/devices/printer.js');

type Callback = (success: boolean, failureReason: string) => void;
interface PrintCall {
  options: Record<string, unknown>;
  url: string;
  bytes: Uint8Array;
}

// What the OS has and how the (fake) printer answers; the fake WebContents gets print() for these tests.
let osPrinters: string[] = [];
let answer: (cb: Callback) => void = (cb) => cb(true, '');
const calls: PrintCall[] = [];
const proto = FakeWebContents.prototype as unknown as Record<string, unknown>;

const PDF = new TextEncoder().encode('%PDF-1.7\n% Loket test receipt\n%%EOF\n');
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'loket-printer-'));
  osPrinters = ['HP_LaserJet_M404', 'EPSON_TM-T82X'];
  answer = (cb) => cb(true, '');
  calls.length = 0;
  proto.getPrintersAsync = async () => osPrinters.map((name) => ({ name, displayName: name, description: '', options: {} }));
  proto.print = function (this: FakeWebContents, options: Record<string, unknown>, cb: Callback) {
    const url = this.getURL();
    // The viewer loads the PDF from disk: it must be there, whole, while the job prints.
    calls.push({ options, url, bytes: readFileSync(fileURLToPath(url)) });
    answer(cb);
  };
});

afterEach(() => {
  resetFakeElectron();
  delete proto.print;
  delete proto.getPrintersAsync;
  rmSync(dir, { recursive: true, force: true });
});

const settings =
  (over: Partial<{ documentPrinter: string | null; ticketPrinter: string | null }> = {}) =>
  () => ({
    documentPrinter: 'HP_LaserJet_M404',
    ticketPrinter: 'EPSON_TM-T82X',
    fallbackDir: join(dir, 'saved'),
    ...over,
  });
const engine = () => electronPrintEngine({ settleMs: 0, tempDir: dir });
const saved = () => (existsSync(join(dir, 'saved')) ? readdirSync(join(dir, 'saved')) : []);

describe('Electron silent printing', () => {
  it('prints the bytes silently to the configured printer from a hidden, isolated window, then cleans up', async () => {
    const outcome = await createPrinter(engine(), settings()).print({ bytes: PDF, fileName: 'BYM-261130-03-0001.pdf', kind: 'document' });
    expect(outcome).toEqual({ via: 'printer', printerName: 'HP_LaserJet_M404' });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.options).toMatchObject({ silent: true, deviceName: 'HP_LaserJet_M404' });
    expect(calls[0]!.options).not.toHaveProperty('margins');
    expect(Buffer.from(calls[0]!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(calls[0]!.url).toMatch(/^file:.*\.pdf$/);
    const printWindow = FakeBrowserWindow.instances.at(-1)!;
    expect(printWindow.options).toMatchObject({
      show: false,
      webPreferences: { partition: PRINT_PARTITION, plugins: true, sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(printWindow.visible).toBe(false);
    // The viewer window may not open popups, navigate away or get any permission.
    expect(printWindow.webContents.openWindow('https://example.com').action).toBe('deny');
    expect(printWindow.webContents.attempt('will-navigate', 'https://example.com')).toBe(true);
    expect(await printWindow.webContents.session.requestPermission(printWindow.webContents, 'media', {})).toBe(false);
    expect(printWindow.webContents.session.checkPermission(printWindow.webContents, 'notifications', {})).toBe(false);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
    expect(existsSync(fileURLToPath(calls[0]!.url))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.startsWith('loket-print-'))).toEqual([]);
    expect(saved()).toEqual([]);
  });

  it('sends tickets to the ticket printer without page margins', async () => {
    const outcome = await createElectronPrinter(settings(), { settleMs: 0, tempDir: dir }).print({
      bytes: PDF,
      fileName: 'A-023.pdf',
      kind: 'ticket',
    });
    expect(outcome).toEqual({ via: 'printer', printerName: 'EPSON_TM-T82X' });
    expect(calls[0]!.options).toMatchObject({ silent: true, deviceName: 'EPSON_TM-T82X', margins: { marginType: 'none' } });
  });
});

describe('save-as-PDF fallback', () => {
  it('saves the PDF when no printer is configured, without opening a window', async () => {
    const outcome = await createPrinter(engine(), settings({ documentPrinter: null })).print({
      bytes: PDF,
      fileName: 'BYM-261130-03-0001-tanda-terima.pdf',
      kind: 'document',
    });
    expect(outcome).toEqual({ via: 'file', reason: 'no-printer', path: join(dir, 'saved', 'BYM-261130-03-0001-tanda-terima.pdf') });
    expect(readFileSync(join(dir, 'saved', 'BYM-261130-03-0001-tanda-terima.pdf'))).toEqual(Buffer.from(PDF));
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('saves the PDF (web host: no engine at all)', async () => {
    const outcome = await createPrinter(null, settings()).print({ bytes: PDF, fileName: 'x.pdf', kind: 'document' });
    expect(outcome).toMatchObject({ via: 'file', reason: 'no-printer' });
  });

  it('saves the PDF when the configured printer is not installed', async () => {
    osPrinters = ['Some_Other_Printer'];
    const outcome = await createPrinter(engine(), settings()).print({ bytes: PDF, fileName: 'r.pdf', kind: 'document' });
    expect(outcome).toEqual({ via: 'file', reason: 'printer-missing', detail: 'HP_LaserJet_M404', path: join(dir, 'saved', 'r.pdf') });
    expect(calls).toHaveLength(0);
  });

  it('saves the PDF with the reason when the printer refuses the job, and closes the window', async () => {
    answer = (cb) => cb(false, 'Printer is offline');
    const outcome = await createPrinter(engine(), settings()).print({ bytes: PDF, fileName: 'r.pdf', kind: 'document' });
    expect(outcome).toEqual({ via: 'file', reason: 'print-failed', detail: 'Printer is offline', path: join(dir, 'saved', 'r.pdf') });
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('saves the PDF when the printer never answers', async () => {
    answer = () => undefined;
    const printer = createPrinter(electronPrintEngine({ settleMs: 0, tempDir: dir, timeoutMs: 20 }), settings());
    const outcome = await printer.print({ bytes: PDF, fileName: 'r.pdf', kind: 'document' });
    expect(outcome).toMatchObject({
      via: 'file',
      reason: 'print-failed',
      detail: 'The printer HP_LaserJet_M404 did not accept the job within 0.02 s',
    });
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(0);
  });

  it('never overwrites an earlier file and keeps names inside the folder', async () => {
    const first = await savePdf(join(dir, 'saved'), 'BYM-261130-03-0001.pdf', PDF);
    const second = await savePdf(join(dir, 'saved'), 'BYM-261130-03-0001.pdf', new Uint8Array([1, 2, 3]));
    const sneaky = await savePdf(join(dir, 'saved'), '../../etc/passwd', PDF);
    expect([first, second].map((p) => p.slice(join(dir, 'saved').length + 1))).toEqual([
      'BYM-261130-03-0001.pdf',
      'BYM-261130-03-0001-2.pdf',
    ]);
    expect(readFileSync(first)).toEqual(Buffer.from(PDF));
    expect(dirname(sneaky)).toBe(join(dir, 'saved'));
    expect(saved().sort()).toEqual(['BYM-261130-03-0001-2.pdf', 'BYM-261130-03-0001.pdf', 'passwd.pdf']);
  });
});
