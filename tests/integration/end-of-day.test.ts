// End of day on a real SQLite file: the report of a business day, notes on its discrepancies, the
// sign-off with fresh authentication that closes the day (DAY_CLOSED afterwards), the admin's
// reopening, and the PDF and CSV exports checked with poppler.
import { afterEach, describe, expect, it } from 'vitest';
import { composeNik } from '@common/domain/applications/nik.js';
import { ADMIN_PASSWORD, passwordOf, tempCore, userSession } from '../support/core.js';
import { noCapturesRequired, openDesk, override, walkInDraft, type Desk } from '../support/applications-fixtures.js';
import { pdfFonts, pdfText, rasterise } from '../support/pdf.js';
import { applyPulled } from '@main/core/replication/apply.js';

/** Two of the office's tickets as central published them: one served by petugas2, one still waiting. */
function officeTickets(desk: Desk): void {
  const base = {
    day: DAY,
    serviceCode: 'PENGAMBILAN',
    slotAt: null,
    priorityGroup: null,
    bookingCode: null,
    outcome: null,
    transferredFrom: null,
  };
  const arrived = Date.UTC(2026, 10, 30, 1, 10);
  const served = {
    ...base,
    number: 'C-001',
    status: 'done',
    arrivedAt: arrived,
    counterId: '2',
    officer: 'petugas2',
    calledAt: arrived + 60_000,
    callCount: 1,
    startedAt: arrived + 60_000,
    finishedAt: arrived + 600_000,
    outcome: 'served',
  };
  const waiting = {
    ...base,
    number: 'C-002',
    status: 'waiting',
    arrivedAt: arrived + 1_000,
    counterId: null,
    officer: null,
    calledAt: null,
    callCount: 0,
    startedAt: null,
    finishedAt: null,
  };
  applyPulled(desk.t.core, desk.t.core.db, [
    { entity: 'ticket', entityId: 'office-t1', version: 2, data: served, deleted: false },
    { entity: 'ticket', entityId: 'office-t2', version: 1, data: waiting, deleted: false },
  ]);
}

const DAY = '2026-11-30';
let d: Desk | undefined;
afterEach(() => d?.t.cleanup());

const errorOf = (r: { ok: boolean; error?: { code: string; message?: string; details?: unknown } }) =>
  r.ok ? ['ok'] : [r.error!.code, r.error!.details];

/** Central accepted every op this workstation sent: what a completed sync leaves behind. */
const syncCompleted = (desk: Desk) => desk.t.core.db.prepare(`UPDATE outbox SET status = 'applied' WHERE status = 'pending'`).run();

async function dayWithTwoApplications(desk: Desk) {
  const { t, officer } = desk;
  await noCapturesRequired(desk);
  const unpaid = await t.value('applications.create', { draft: walkInDraft() }, officer);
  const secondNik = composeNik({ region: '337410', birthDate: '1985-02-03', sex: 'F', serial: 7 });
  const manual = await t.value(
    'applications.create',
    { draft: walkInDraft({ nik: secondNik, fullName: 'Siti Aminah', birthDate: '1985-02-03', sex: 'F' }) },
    officer,
  );
  const billed = await t.value(
    'payments.recordBilling',
    { applicationId: manual.id, billingCode: '820123456789012', amount: 950_000 },
    officer,
  );
  await t.value(
    'payments.confirmManual',
    { paymentId: billed.payments[0]!.id, proofReference: 'NTPN 1234ABCD', overrideToken: await override(desk, 'payment.manual') },
    officer,
  );
  const receipt = await t.value('receipts.issue', { applicationId: unpaid.id, kind: 'application' }, officer);
  await t.value('receipts.reprint', { receiptId: receipt.receipt.id, reason: 'Kertas macet di printer' }, officer);
  return { unpaid, manual };
}

describe('end of day', () => {
  it('reports the day per service and officer, and lists every money discrepancy by application', async () => {
    d = await openDesk();
    const { unpaid, manual } = await dayWithTwoApplications(d);
    const r = await d.t.value('endOfDay.report', { date: DAY }, d.supervisor);
    expect(r.total).toMatchObject({
      applications: 2,
      byStatus: { checked_in: 2 },
      money: { expected: 1_900_000, central: 0, manual: 950_000, waived: 0 },
    });
    expect(r.byService.map((g) => [g.key, g.applications])).toEqual([['PASPOR_ELEKTRONIK_10', 2]]);
    expect(r.byOfficer.map((g) => [g.label, g.applications])).toEqual([['petugas1', 2]]);
    expect(r.discrepancies.map((x) => [x.applicationNumber, x.kind, x.expected, x.received, x.note])).toEqual(
      [
        [unpaid.number, 'payment.outstanding', 950_000, 0, null],
        [manual.number, 'payment.manual', 950_000, 950_000, null],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    expect(r.receipts.printed).toBe(1);
    expect(r.receipts.reprinted.map((e) => [e.applicationNumber, e.copyNo, e.reason])).toEqual([
      [unpaid.number, 2, 'Kertas macet di printer'],
    ]);
    expect(r.sync.unsynced).toBeGreaterThan(0);
    // No queue ticket that day: the figures are there, empty.
    expect(r.tickets).toEqual({
      byService: [],
      byOfficer: [],
      total: { issued: 0, served: 0, noShow: 0, transferred: 0, cancelled: 0, open: 0 },
    });
    expect(r.serviceNames).toEqual([
      { code: 'PASPOR_ELEKTRONIK_10', nameId: 'Paspor elektronik 10 tahun', nameEn: 'Electronic passport, 10 years' },
    ]);
    expect(r.blockers).toEqual(['eod.unresolved', 'eod.unsynced']);
    expect(errorOf(await d.t.call('endOfDay.report', { date: DAY }, d.officer))[0]).toBe('FORBIDDEN');
    expect(errorOf(await d.t.call('endOfDay.report', { date: '2026-12-01' }, d.supervisor))).toEqual([
      'VALIDATION',
      { fields: { date: ['date.future'] } },
    ]);
    // Another day holds none of them.
    expect((await d.t.value('endOfDay.report', { date: '2026-11-29' }, d.supervisor)).total.applications).toBe(0);
  });

  it('counts a late evening in the office time zone on its own business day', async () => {
    d = await openDesk();
    await noCapturesRequired(d);
    // 23:30 WIB on 30 November is 16:30 UTC; 00:30 WIB on 1 December is 17:30 UTC.
    const login = async (username: string) => (await d!.t.value('auth.login', { username, password: passwordOf(username) })).sessionToken;
    d.t.advance(15.5 * 3_600_000);
    await d.t.value('applications.create', { draft: walkInDraft() }, await login('petugas1'));
    d.t.advance(3_600_000);
    await d.t.value(
      'applications.create',
      {
        draft: walkInDraft({
          nik: composeNik({ region: '337410', birthDate: '1985-02-03', sex: 'F', serial: 7 }),
          fullName: 'Siti Aminah',
          birthDate: '1985-02-03',
          sex: 'F',
        }),
      },
      await login('petugas1'),
    );
    const supervisor = await login('supervisor1');
    expect((await d.t.value('endOfDay.report', { date: DAY }, supervisor)).total.applications).toBe(1);
    expect((await d.t.value('endOfDay.report', { date: '2026-12-01' }, supervisor)).total.applications).toBe(1);
  });

  it('counts by the office own zone: 16:30 UTC is already the next day in Lombok (WITA)', async () => {
    const t = tempCore(Date.UTC(2026, 10, 30, 16, 30, 0));
    d = { t } as Desk;
    await t.value('setup.initialize', {
      officeCode: 'lombok',
      workstationName: 'LOKET-01',
      counterNumber: 1,
      language: 'id',
      admin: { username: 'admin', fullName: 'Rina Admin', password: ADMIN_PASSWORD },
    });
    const admin = (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
    const officer = await userSession(t, admin, 'petugas1', 'officer');
    const supervisor = await userSession(t, admin, 'supervisor1', 'supervisor');
    await t.value('biometrics.updateSettings', { required: [] }, admin);
    const a = await t.value('applications.create', { draft: walkInDraft() }, officer);
    expect(a.number).toMatch(/^LMB-261201-/);
    expect((await t.value('endOfDay.report', {}, supervisor)).date).toBe('2026-12-01');
    expect((await t.value('endOfDay.report', { date: DAY }, supervisor)).total.applications).toBe(0);
    expect((await t.value('endOfDay.report', { date: '2026-12-01' }, supervisor)).tz).toBe('Asia/Makassar');
  });

  it('signs off only with every discrepancy noted, nothing unsynced and the password again; a closed day refuses changes until an admin reopens it', async () => {
    d = await openDesk();
    const { unpaid } = await dayWithTwoApplications(d);
    const { t, supervisor, admin, officer } = d;
    const pw = passwordOf('supervisor1');
    const before = await t.value('endOfDay.report', { date: DAY }, supervisor);
    const blocked = errorOf(await t.call('endOfDay.signOff', { date: DAY, password: pw }, supervisor));
    expect(blocked).toEqual(['CONFLICT', { code: 'eod.unresolved', keys: before.discrepancies.map((x) => x.key) }]);

    expect(errorOf(await t.call('endOfDay.note', { date: DAY, key: 'payment.missing:nope', note: 'Tidak ada' }, supervisor))[0]).toBe(
      'NOT_FOUND',
    );
    expect(errorOf(await t.call('endOfDay.note', { date: DAY, key: before.discrepancies[0]!.key, note: '  ' }, supervisor))).toEqual([
      'VALIDATION',
      expect.anything(),
    ]);
    for (const x of before.discrepancies) await t.value('endOfDay.note', { date: DAY, key: x.key, note: `Dicek: ${x.kind}` }, supervisor);
    const noted = await t.value('endOfDay.report', { date: DAY }, supervisor);
    expect(noted.discrepancies.every((x) => x.note?.startsWith('Dicek') && x.notedBy === 'supervisor1')).toBe(true);
    expect(noted.blockers).toEqual(['eod.unsynced']);

    const unsynced = await t.call('endOfDay.signOff', { date: DAY, password: pw }, supervisor);
    expect(errorOf(unsynced)).toEqual(['CONFLICT', { code: 'eod.unsynced', unsynced: noted.sync.unsynced, conflicts: 0 }]);
    expect(unsynced.ok ? '' : unsynced.error.message).toMatch(/sync/);

    syncCompleted(d);
    expect(errorOf(await t.call('endOfDay.signOff', { date: DAY, password: 'salah-sandi-123' }, supervisor))[0]).toBe(
      'INVALID_CREDENTIALS',
    );
    expect((await t.value('endOfDay.report', { date: DAY }, supervisor)).closure).toBeNull();
    syncCompleted(d);
    const closed = await t.value('endOfDay.signOff', { date: DAY, password: pw }, supervisor);
    expect(closed.closure).toMatchObject({ status: 'closed', closedBy: 'Nama supervisor1' });
    expect(closed.closure!.reportHash).toMatch(/^[0-9a-f]{64}$/);
    expect(closed.blockers).toEqual(['eod.closed']);

    // Changes dated in the closed day: refused with a message saying what to do, nothing written.
    const count = () => (t.core.db.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n;
    const refusedCreate = await t.call(
      'applications.create',
      {
        draft: walkInDraft({
          nik: composeNik({ region: '337410', birthDate: '1970-01-01', sex: 'M', serial: 9 }),
          fullName: 'Agus',
          birthDate: '1970-01-01',
        }),
      },
      officer,
    );
    expect(errorOf(refusedCreate)).toEqual([
      'DAY_CLOSED',
      expect.objectContaining({ code: 'day.closed', date: DAY, closedBy: 'Nama supervisor1' }),
    ]);
    expect(refusedCreate.ok ? '' : refusedCreate.error.message).toMatch(/admin to reopen/);
    expect(count()).toBe(2);
    expect(
      errorOf(
        await t.call('payments.recordBilling', { applicationId: unpaid.id, billingCode: '820123456789013', amount: 950_000 }, officer),
      )[0],
    ).toBe('DAY_CLOSED');
    expect(errorOf(await t.call('receipts.issue', { applicationId: unpaid.id, kind: 'application' }, officer))[0]).toBe('DAY_CLOSED');
    expect(errorOf(await t.call('applications.setInterviewNotes', { id: unpaid.id, notes: 'Wawancara selesai' }, officer))[0]).toBe(
      'DAY_CLOSED',
    );
    expect(errorOf(await t.call('endOfDay.note', { date: DAY, key: before.discrepancies[0]!.key, note: 'Diubah' }, supervisor))[0]).toBe(
      'DAY_CLOSED',
    );
    expect(errorOf(await t.call('endOfDay.signOff', { date: DAY, password: pw }, supervisor))[0]).toBe('DAY_CLOSED');

    // Reopening: admins only, with a reason and their password; audited.
    expect(errorOf(await t.call('endOfDay.reopen', { date: DAY, reason: 'Koreksi pembayaran', password: pw }, supervisor))[0]).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await t.call('endOfDay.reopen', { date: DAY, reason: '', password: 'Kantor-Loket-2026' }, admin))[0]).toBe('VALIDATION');
    const reopened = await t.value('endOfDay.reopen', { date: DAY, reason: 'Koreksi pembayaran', password: 'Kantor-Loket-2026' }, admin);
    expect(reopened.closure).toMatchObject({ status: 'reopened', reopenedBy: 'admin', reopenReason: 'Koreksi pembayaran' });
    await t.value(
      'applications.create',
      {
        draft: walkInDraft({
          nik: composeNik({ region: '337410', birthDate: '1970-01-01', sex: 'M', serial: 9 }),
          fullName: 'Agus',
          birthDate: '1970-01-01',
        }),
      },
      officer,
    );
    expect(count()).toBe(3);
    const audit = t.core.db
      .prepare(`SELECT action, username FROM audit_events WHERE action LIKE 'endOfDay.%' AND action NOT LIKE '%.failed' ORDER BY seq`)
      .all();
    expect(audit).toEqual([
      ...before.discrepancies.map(() => ({ action: 'endOfDay.note', username: 'supervisor1' })),
      { action: 'endOfDay.signOff', username: 'supervisor1' },
      { action: 'endOfDay.reopen', username: 'admin' },
    ]);
  });

  it('closes only its own day: the next business day takes changes again', async () => {
    d = await openDesk();
    syncCompleted(d);
    await d.t.value('endOfDay.signOff', { date: DAY, password: passwordOf('supervisor1') }, d.supervisor);
    expect(errorOf(await d.t.call('applications.create', { draft: walkInDraft() }, d.officer))[0]).toBe('DAY_CLOSED');
    d.t.advance(24 * 3_600_000);
    const officer = (await d.t.value('auth.login', { username: 'petugas1', password: passwordOf('petugas1') })).sessionToken;
    const next = await d.t.value('applications.create', { draft: walkInDraft() }, officer);
    expect(next.number).toMatch(/^BYM-261201-/);
  });

  it('still shows, prints and exports a day signed by an earlier Loket (local tickets per service, no service names)', async () => {
    d = await openDesk();
    syncCompleted(d);
    const { t, supervisor } = d;
    const signed = await t.value('endOfDay.signOff', { date: DAY, password: passwordOf('supervisor1') }, supervisor);
    const older = {
      ...(JSON.parse(t.core.db.prepare('SELECT report FROM day_closures WHERE business_date = ?').pluck().get(DAY) as string) as Record<
        string,
        unknown
      >),
    };
    delete older.serviceNames;
    older.tickets = [{ serviceCode: 'PENGAMBILAN', byStatus: { done: 2, waiting: 1 } }];
    t.core.db.prepare('UPDATE day_closures SET report = ? WHERE business_date = ?').run(JSON.stringify(older), DAY);

    const r = await t.value('endOfDay.report', { date: DAY }, supervisor);
    expect(r.tickets).toEqual({
      byService: [{ serviceCode: 'PENGAMBILAN', issued: 3, served: 2, noShow: 0, transferred: 0, cancelled: 0, open: 1 }],
      byOfficer: [],
      total: { issued: 3, served: 2, noShow: 0, transferred: 0, cancelled: 0, open: 1 },
    });
    expect(r.serviceNames).toEqual([]);
    const pdf = await t.value('endOfDay.pdf', { date: DAY, language: 'id' }, supervisor);
    expect(pdf.contentHash).toBe(signed.closure!.reportHash);
    expect(pdfText(rasterise(Buffer.from(pdf.pdfBase64, 'base64'), 'eod-older').pdf).replace(/\s+/g, ' ')).toMatch(
      /PENGAMBILAN 3 2 0 0 0 1/,
    );
    expect((await t.value('endOfDay.csv', { date: DAY, language: 'id' }, supervisor)).csv).toContain(
      'tickets.service,PENGAMBILAN,PENGAMBILAN,served,2,,,,,',
    );
  });

  it('prints the report as a PDF with the supervisor and the content hash, and exports the same figures as CSV', async () => {
    d = await openDesk();
    const { unpaid } = await dayWithTwoApplications(d);
    officeTickets(d);
    const { t, supervisor } = d;
    for (const x of (await t.value('endOfDay.report', { date: DAY }, supervisor)).discrepancies)
      await t.value('endOfDay.note', { date: DAY, key: x.key, note: 'Bayar di bank, "besok"' }, supervisor);
    const draft = await t.value('endOfDay.pdf', { date: DAY, language: 'id' }, supervisor);
    expect(pdfText(rasterise(Buffer.from(draft.pdfBase64, 'base64'), 'eod-draft').pdf)).toMatch(/DRAF - belum ditutup/);
    syncCompleted(d);
    const closed = await t.value('endOfDay.signOff', { date: DAY, password: passwordOf('supervisor1') }, supervisor);

    const pdf = await t.value('endOfDay.pdf', { date: DAY, language: 'id' }, supervisor);
    expect(pdf.contentHash).toBe(closed.closure!.reportHash);
    const rendered = rasterise(Buffer.from(pdf.pdfBase64, 'base64'), 'eod');
    const text = pdfText(rendered.pdf).replace(/\s+/g, ' ');
    expect(text).toContain('LAPORAN AKHIR HARI');
    expect(text).toContain('Nama supervisor1');
    expect(text).toContain(`SHA-256: ${closed.closure!.reportHash}`);
    expect(text).toContain(unpaid.number);
    expect(text).toContain('Kertas macet di printer');
    expect(text).toContain('Rp 1.900.000');
    // Services by their Indonesian name with the code beside it; the queue per service and per officer.
    expect(text).toMatch(/Paspor elektronik 10 tahun [\d Rp.]*\(PASPOR_ELEKTRONIK_10\)/);
    expect(text).toMatch(/Pengambilan paspor \(PENGAMBILAN\) 2 1 0 0 0 1/);
    expect(text).toMatch(/petugas2 1 1 0 0 0 0/);
    expect(text).toMatch(/Belum dipanggil \/ Not called 1 0 0 0 0 1/);
    expect(pdfFonts(rendered.pdf).every((f) => f.embedded)).toBe(true);
    expect(rendered.pngs.length).toBeGreaterThan(0);

    const en = await t.value('endOfDay.pdf', { date: DAY, language: 'en' }, supervisor);
    expect(pdfText(rasterise(Buffer.from(en.pdfBase64, 'base64'), 'eod-en').pdf)).toMatch(/END-OF-DAY REPORT/);

    const csv = await t.value('endOfDay.csv', { date: DAY, language: 'en' }, supervisor);
    const lines = csv.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('section,key,label,status,count,expected,central,manual,waived,note');
    expect(lines).toContain('total,total,total,,2,1900000,0,950000,0,');
    expect(lines.filter((l) => l.startsWith('discrepancy,'))).toHaveLength(2);
    expect(lines).toContain('service,PASPOR_ELEKTRONIK_10,"Electronic passport, 10 years",,2,1900000,0,950000,0,');
    expect(lines).toContain('tickets.service,PENGAMBILAN,Passport collection,open,1,,,,,');
    expect(lines).toContain('tickets.officer,petugas2,petugas2,served,1,,,,,');
    expect(lines.some((l) => l.endsWith(',"Bayar di bank, ""besok"""'))).toBe(true);
    expect(lines.at(-1)).toBe(`report,${DAY},banyumanik,closed,,,,,,sha256 ${closed.closure!.reportHash}`);
  });
});
