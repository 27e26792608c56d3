// Printing receipts through the contract: in the Electron shell (fake 'electron' module) a receipt goes
// silently to the printer an admin named, or is saved as a PDF when it cannot be printed; in the web host
// the answer is that the browser opens or downloads it. The print window's own session is what lets the
// PDF viewer past the app's navigation guard.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron } from '../fixtures/fake-electron/index.js';
import { noCapturesRequired, openDesk, walkInDraft, type Desk } from '../support/applications-fixtures.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron/index.js')).electron);

const { installShellPrinter, isPrintContents } = await import('@main/host/electron-print.js');
const { PRINT_PARTITION } = await import('@main/devices/printer-electron.js');

type Callback = (success: boolean, failureReason: string) => void;
const proto = FakeWebContents.prototype as unknown as Record<string, unknown>;
const printed: Array<{ deviceName: unknown; bytes: Buffer }> = [];

let d: Desk;
beforeEach(async () => {
  d = await openDesk();
  await noCapturesRequired(d);
  printed.length = 0;
  proto.getPrintersAsync = async () =>
    ['HP_LaserJet_M404', 'EPSON_TM-T82X'].map((name) => ({ name, displayName: name, description: '', options: {} }));
  proto.print = function (this: FakeWebContents, options: Record<string, unknown>, cb: Callback) {
    printed.push({ deviceName: options.deviceName, bytes: readFileSync(new URL(this.getURL())) });
    cb(true, '');
  };
});
afterEach(() => {
  resetFakeElectron();
  delete proto.print;
  delete proto.getPrintersAsync;
  d.t.cleanup();
});

async function receipt() {
  const app = await d.t.value('applications.create', { draft: walkInDraft() }, d.officer);
  return d.t.value('receipts.issue', { applicationId: app.id, kind: 'application' }, d.officer);
}

describe('printing a receipt', () => {
  it('in the web host answers that the browser opens the PDF', async () => {
    const r = await receipt();
    expect(await d.t.value('printer.print', { pdfBase64: r.pdfBase64, kind: 'document', fileName: r.fileName }, d.officer)).toEqual({
      via: 'browser',
    });
  });

  it('in Electron saves the PDF until an admin names a printer, then prints silently to it', async () => {
    const stop = installShellPrinter(d.t.core);
    try {
      const r = await receipt();
      const saved = await d.t.value('printer.print', { pdfBase64: r.pdfBase64, kind: 'document', fileName: r.fileName }, d.officer);
      expect(saved).toMatchObject({ via: 'file', reason: 'no-printer' });
      const folder = join(d.t.core.dataDir, 'printed');
      expect(readdirSync(folder)).toEqual([`${r.fileName.replace(/\.pdf$/, '')}.pdf`]);
      expect(readFileSync(join(folder, readdirSync(folder)[0]!)).equals(Buffer.from(r.pdfBase64, 'base64'))).toBe(true);

      expect((await d.t.call('printer.updateSettings', { documentPrinter: 'HP_LaserJet_M404' }, d.officer)).ok).toBe(false);
      expect(
        await d.t.value('printer.updateSettings', { documentPrinter: 'HP_LaserJet_M404', ticketPrinter: 'EPSON_TM-T82X' }, d.admin),
      ).toEqual({ documentPrinter: 'HP_LaserJet_M404', ticketPrinter: 'EPSON_TM-T82X' });
      expect(await d.t.value('printer.getSettings', {}, d.officer)).toEqual({
        documentPrinter: 'HP_LaserJet_M404',
        ticketPrinter: 'EPSON_TM-T82X',
      });

      expect(await d.t.value('printer.print', { pdfBase64: r.pdfBase64, kind: 'document', fileName: r.fileName }, d.officer)).toEqual({
        via: 'printer',
        printerName: 'HP_LaserJet_M404',
      });
      expect(printed.map((p) => p.deviceName)).toEqual(['HP_LaserJet_M404']);
      expect(printed[0]!.bytes.equals(Buffer.from(r.pdfBase64, 'base64'))).toBe(true);

      // A printer that left the OS: the receipt is saved, with the name that was missing.
      await d.t.value('printer.updateSettings', { documentPrinter: 'Canon_Lama' }, d.admin);
      expect(await d.t.value('printer.print', { pdfBase64: r.pdfBase64, kind: 'document', fileName: r.fileName }, d.officer)).toMatchObject(
        { via: 'file', reason: 'printer-missing', detail: 'Canon_Lama' },
      );
      expect(readdirSync(folder)).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('refuses what is not a PDF and prints nothing', async () => {
    installShellPrinter(d.t.core);
    const r = await d.t.call(
      'printer.print',
      { pdfBase64: Buffer.from('<html>bukan pdf</html>').toString('base64'), kind: 'document', fileName: 'x.pdf' },
      d.officer,
    );
    expect(r.ok ? null : [r.error.code, r.error.details]).toEqual(['VALIDATION', { fields: { pdfBase64: ['pdf.invalid'] } }]);
    expect(printed).toEqual([]);
    expect(existsSync(join(d.t.core.dataDir, 'printed'))).toBe(false);
  });

  it("tells the print window apart from the app's windows for the navigation guard", () => {
    const print = new FakeBrowserWindow({ show: false, webPreferences: { partition: PRINT_PARTITION } });
    const main = new FakeBrowserWindow({ show: true, webPreferences: {} });
    expect(isPrintContents(print.webContents as never)).toBe(true);
    expect(isPrintContents(main.webContents as never)).toBe(false);
  });
});
