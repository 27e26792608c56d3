// What training mode hands out through the real calls: tickets and application numbers in a shape no real
// office's queue or numbering produces (and that search and the hand-over scan still read in training),
// and every PDF with the LATIHAN — SPECIMEN mark. A real desk next to it: real numbers, no mark, and a
// practice number scanned at a real desk finds nothing, not even the real application its tail resembles.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_NUMBER } from '@common/domain/applications/number.js';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { tempCore, type TempCore } from '../support/core.js';
import { noCapturesRequired, openDesk, walkInDraft, type Desk } from '../support/applications-fixtures.js';
import { pdfDiagonalMarks, pdfText, rasteriser } from '../support/pdf.js';

const MARK = 'LATIHAN—SPECIMEN';
const rid = () => randomUUID().replace(/-/g, '');
const rasterise = rasteriser();
function read(base64: string, name: string) {
  const { pdf } = rasterise(Buffer.from(base64, 'base64'), name, 40);
  return { text: pdfText(pdf), marks: pdfDiagonalMarks(pdf).flat() };
}

let t: TempCore;
let officer: string;
let supervisor: string;
let real: Desk;
beforeAll(async () => {
  t = tempCore(Date.UTC(2026, 10, 30, 2, 0, 0));
  await t.value('setup.enterTraining', {});
  officer = (await t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD })).sessionToken;
  supervisor = (await t.value('auth.login', { username: 'supervisor', password: TRAINING_PASSWORD })).sessionToken;
  real = await openDesk();
  await noCapturesRequired(real);
});
afterAll(() => {
  t?.cleanup();
  real?.t.cleanup();
});

describe('training numbering and paper', { timeout: 60_000 }, () => {
  it('numbers practice tickets LAT-… and marks the ticket', async () => {
    const first = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PASPOR_PRIORITAS' }, officer);
    const second = await t.value('queue.issue', { requestId: rid(), serviceCode: 'PASPOR_PRIORITAS' }, officer);
    expect([first.ticket.number, second.ticket.number]).toEqual(['LAT-B-001', 'LAT-B-002']);
    const ticket = read(second.ticketPdf, 'training-ticket');
    expect(ticket.text).toContain('LAT-B-002');
    expect(ticket.marks).toContain(MARK);
    expect((await t.value('queue.board', {}, officer)).services.find((s) => s.serviceCode === 'PASPOR_PRIORITAS')?.waiting).toBe(2);
  });

  it('numbers practice applications LAT-…, which search and the hand-over scan find in training', async () => {
    const app = await t.value('applications.create', { draft: walkInDraft() }, officer);
    expect(app.number).toMatch(/^LAT-BYM-261130-01-0001$/);
    expect(APPLICATION_NUMBER.test(app.number)).toBe(false);
    for (const query of [app.number, ` ${app.number.toLowerCase()} `]) {
      const found = await t.value('applications.search', { query, limit: 10 }, officer);
      expect(found).toMatchObject({ kinds: ['number'], results: [{ id: app.id, number: app.number }] });
    }
    for (const code of [app.number, `https://loket.example/a?n=${app.number}`])
      expect((await t.value('applications.findForHandOver', { code }, officer)).id).toBe(app.id);
  });

  it('marks every PDF a training desk prints: receipts, the deficiency notice and the end-of-day report', async () => {
    const [app] = (await t.value('applications.search', { query: 'LAT-BYM-261130-01-0001', limit: 1 }, officer)).results;
    const receipt = await t.value('receipts.issue', { applicationId: app!.id, kind: 'application' }, officer);
    const text = read(receipt.pdfBase64, 'training-receipt');
    expect(text.text).toContain('LAT-BYM-261130-01-0001');
    expect(text.marks).toContain(MARK);
    await t.value('applications.markDocument', { id: app!.id, docCode: 'KK', state: 'missing' }, officer);
    const notice = await t.value('receipts.issue', { applicationId: app!.id, kind: 'deficiency' }, officer);
    expect(read(notice.pdfBase64, 'training-notice').marks).toContain(MARK);
    const copy = await t.value('receipts.reprint', { receiptId: receipt.receipt.id, reason: 'Latihan cetak ulang' }, officer);
    expect(read(copy.pdfBase64, 'training-copy').marks).toContain(MARK);
    const eod = await t.value('endOfDay.pdf', { date: '2026-11-30', language: 'id' }, supervisor);
    const report = pdfDiagonalMarks(rasterise(Buffer.from(eod.pdfBase64, 'base64'), 'training-eod', 40).pdf);
    for (const page of report) expect(page).toContain(MARK);
  });

  it('keeps real numbers and unmarked paper at a real desk, where a practice number finds nothing', async () => {
    const ticket = await real.t.value('queue.issue', { requestId: rid(), serviceCode: 'PASPOR_PRIORITAS' }, real.officer);
    expect(ticket.ticket.number).toBe('L3B-001');
    expect(read(ticket.ticketPdf, 'real-ticket').marks).toEqual([]);

    const app = await real.t.value('applications.create', { draft: walkInDraft() }, real.officer);
    expect(app.number).toMatch(APPLICATION_NUMBER);
    const receipt = await real.t.value('receipts.issue', { applicationId: app.id, kind: 'application' }, real.officer);
    const paper = read(receipt.pdfBase64, 'real-receipt');
    expect(paper.marks).toEqual([]);
    expect(paper.text).not.toMatch(/LATIHAN|SPECIMEN/);
    const eod = await real.t.value('endOfDay.pdf', { date: '2026-11-30', language: 'id' }, real.supervisor);
    expect(read(eod.pdfBase64, 'real-eod').text).not.toMatch(/LATIHAN|SPECIMEN/);

    // A practice receipt brought to a real counter: its tail is this desk's real number, and still nothing is found.
    const practice = `LAT-${app.number}`;
    for (const code of [practice, `https://loket.example/a?n=${practice}`]) {
      const scanned = await real.t.call('applications.findForHandOver', { code }, real.officer);
      expect(scanned.ok ? 'found' : scanned.error.code).toBe('VALIDATION');
    }
    expect((await real.t.value('applications.search', { query: practice, limit: 10 }, real.officer)).results).toEqual([]);
  });
});
