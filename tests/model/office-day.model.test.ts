// One office's whole day on one central: three counters and a supervisor desk take applications and
// billing codes, central goes away for a while (the desks keep working), one counter drops off the network
// before the sign-off and keeps working, the supervisor signs with that desk named, and the desk's work
// reaches central afterwards as late changes: one accepted (the day is signed again), one returned. At the
// end central and every desk hold the same day, every op is applied or visibly returned, none lost, none
// doubled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { businessDateOf } from '@server/entities/business-day.js';
import type { FetchLike } from '@main/sync/transport.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';
import { passwordOf, userSession } from '../support/core.js';
import { walkInDraft } from '../support/applications-fixtures.js';

interface Desk {
  ws: TestWorkstation;
  name: string;
  officer: string;
  /** False while the desk's network is down (or central is). */
  net: { up: boolean };
}

/** A desk's network: every request fails while it is down, as a pulled cable would make it. */
const cable =
  (net: { up: boolean }): FetchLike =>
  async (url, init) => {
    if (!net.up) throw new TypeError('fetch failed (network down)');
    return fetch(url, init);
  };

let central: TestCentral;
let offset = 0;
const desks: Desk[] = [];
let spv: Desk;
let supervisor: string;
let date: string;
let billing = 0;
const nextBilling = (): string => `82026113${String(++billing).padStart(7, '0')}`;

async function deskAt(name: string, counter: number, username: string, role: 'officer' | 'supervisor'): Promise<Desk> {
  const net = { up: true };
  const ws = await startWorkstation(central, { name, counter, fetch: cable(net) });
  const officer = await userSession(ws.t, ws.adminToken, username, role);
  await ws.client.runCycle();
  return { ws, name, officer, net };
}

/** An application typed at the counter, its documents checked and its billing code recorded. */
const NAMES = ['Budi Santoso', 'Dewi Lestari', 'Agus Wijaya', 'Siti Aminah', 'Rahmat Hidayat'];

async function serve(d: Desk, serial: number, pay = true): Promise<string> {
  const fullName = `${NAMES[(serial - 1) % NAMES.length]!} ${d.name.endsWith('1') ? 'Satu' : d.name.endsWith('2') ? 'Dua' : 'Tiga'}`;
  const app = await d.ws.t.value('applications.create', { draft: walkInDraft({ fullName }) }, d.officer);
  for (const x of app.documents)
    await d.ws.t.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, d.officer);
  if (pay)
    await d.ws.t.value('payments.recordBilling', { applicationId: app.id, billingCode: nextBilling(), amount: app.fee.total }, d.officer);
  return app.id;
}

const pending = (d: Desk): number =>
  (d.ws.t.core.liveDb.prepare("SELECT count(*) AS n FROM outbox WHERE status = 'pending'").get() as { n: number }).n;

/** Sync rounds on every reachable desk until none has anything left to send and a last pull brought the rest. */
async function quiesce(): Promise<void> {
  for (let round = 0; round < 8; round++) {
    for (const d of [...desks, spv]) if (d.net.up) await d.ws.client.runCycle().catch(() => undefined);
    if ([...desks, spv].every((d) => !d.net.up || pending(d) === 0)) break;
  }
  for (const d of [...desks, spv]) if (d.net.up) await d.ws.client.runCycle().catch(() => undefined);
}

/** The day's applications and payments as one desk holds them. */
function deskView(d: Desk) {
  const db = d.ws.t.core.liveDb;
  return {
    applications: db
      .prepare('SELECT id, number, status, fee_total AS fee FROM applications WHERE business_date = ? ORDER BY number')
      .all(date) as Array<{ id: string; number: string; status: string; fee: number }>,
    payments: db
      .prepare(
        `SELECT p.id, p.amount, p.billing_code AS billingCode FROM payments p JOIN applications a ON a.id = p.application_id
          WHERE a.business_date = ? ORDER BY p.billing_code`,
      )
      .all(date) as Array<{ id: string; amount: number; billingCode: string }>,
  };
}

/** The same, as central holds it. */
async function centralView() {
  const store = central.central.deps.store;
  const apps = await store.query<{ entity_id: string; data: { number: string; status: string; feeTotal: number; businessDate: string } }>(
    "SELECT entity_id, data FROM records WHERE entity = 'application' AND NOT deleted",
  );
  const ours = apps.filter((a) => a.data.businessDate === date);
  const ids = new Set(ours.map((a) => a.entity_id));
  const pays = await store.query<{ entity_id: string; data: { applicationId: string; amount: number; billingCode: string } }>(
    "SELECT entity_id, data FROM records WHERE entity = 'payment' AND NOT deleted",
  );
  return {
    applications: ours
      .map((a) => ({ id: a.entity_id, number: a.data.number, status: a.data.status, fee: a.data.feeTotal }))
      .sort((a, b) => a.number.localeCompare(b.number)),
    payments: pays
      .filter((p) => ids.has(p.data.applicationId))
      .map((p) => ({ id: p.entity_id, amount: p.data.amount, billingCode: p.data.billingCode }))
      .sort((a, b) => a.billingCode.localeCompare(b.billingCode)),
  };
}

beforeAll(async () => {
  // Central's clock can run ahead by hand, so a silent desk's last report grows old (within the signatures' skew).
  central = await startTestCentral(preferredStore(), { now: () => Date.now() + offset });
  spv = await deskAt('SPV-01', 9, 'kepala', 'supervisor');
  supervisor = spv.officer;
  for (const [i, name] of ['LOKET-01', 'LOKET-02', 'LOKET-03'].entries())
    desks.push(await deskAt(name, i + 1, `petugas${i + 1}`, 'officer'));
  date = businessDateOf(spv.ws.t.now(), 'Asia/Jakarta');
}, 120_000);
afterAll(async () => {
  for (const d of [...desks, spv]) await d?.ws.cleanup();
  await central?.close();
});

describe('an office day with an outage, a desk offline across the sign-off, and late changes', { timeout: 300_000 }, () => {
  const made: string[] = [];
  const l1 = (): Desk => desks[0]!;
  const l2 = (): Desk => desks[1]!;
  const l3 = (): Desk => desks[2]!;

  it('serves the morning on every counter, then keeps serving while central is away', async () => {
    for (const d of desks) for (let i = 1; i <= 2; i++) made.push(await serve(d, i));
    await quiesce();
    // Central goes away: every request fails, and it restarts before it comes back.
    for (const d of [...desks, spv]) d.net.up = false;
    for (const d of desks) made.push(await serve(d, 3, d !== l2()));
    for (const d of desks) await d.ws.client.runCycle().catch(() => undefined);
    expect(desks.map(pending).every((n) => n > 0)).toBe(true);
    await central.restart();
    for (const d of [...desks, spv]) d.net.up = true;
    await quiesce();
    expect([...desks, spv].map(pending)).toEqual([0, 0, 0, 0]);
    // Every desk holds the office's nine applications, as central does.
    const truth = await centralView();
    expect(truth.applications).toHaveLength(9);
    for (const d of [...desks, spv]) expect(deskView(d), d.name).toEqual(truth);
  });

  it('signs off with the silent desk named, while that desk keeps working offline', async () => {
    l3().net.up = false;
    made.push(await serve(l3(), 4));
    made.push(await serve(l3(), 5, false));
    offset = 4 * 60_000;
    for (const d of [l1(), l2(), spv]) await d.ws.client.runCycle();

    const report = await spv.ws.t.value('endOfDay.report', { date }, supervisor);
    expect(report.office.workstations.filter((w) => w.unreported).map((w) => w.name)).toEqual(['LOKET-03']);
    expect(report.total.applications).toBe(9);
    for (const d of report.discrepancies.filter((x) => x.note === null))
      await spv.ws.t.value('endOfDay.note', { date, key: d.key, note: 'Pemohon membayar di bank besok pagi' }, supervisor);
    const refused = await spv.ws.t.call('endOfDay.signOff', { date, password: passwordOf('kepala') }, supervisor);
    expect(refused.ok ? 'ok' : (refused.error.details as { code: string }).code).toBe('eod.officeUnsynced');
    const signed = await spv.ws.t.value(
      'endOfDay.signOff',
      { date, password: passwordOf('kepala'), acknowledge: 'LOKET-03 terputus dari jaringan sejak sore, dicek besok' },
      supervisor,
    );
    expect(signed.closure?.status).toBe('closed');
    await quiesce();
    for (const d of [l1(), l2(), spv])
      expect(d.ws.t.core.liveDb.prepare('SELECT status FROM day_closures WHERE business_date = ?').pluck().get(date), d.name).toBe(
        'closed',
      );
  });

  it("holds the silent desk's work as late changes: one accepted, one returned, nothing lost", async () => {
    l3().net.up = true;
    offset = 0;
    await quiesce();
    const report = await spv.ws.t.value('endOfDay.report', { date }, supervisor);
    const held = report.lateChanges.filter((l) => l.status === 'held');
    // Each of the desk's two applications is held by its create; the ops behind each wait with it.
    const creates = held.filter((l) => l.op === 'applications.create');
    expect(creates.map((l) => l.workstation)).toEqual(['LOKET-03', 'LOKET-03']);

    // The supervisor returns the second application and accepts everything else the desk sent late.
    const reason = 'Berkas tidak lengkap: daftarkan ulang besok';
    await spv.ws.t.value('endOfDay.returnLate', { date, opId: creates[1]!.opId, reason }, supervisor);
    for (let open = held.filter((l) => l.opId !== creates[1]!.opId); open.length > 0;) {
      const decided = await spv.ws.t.value(
        'endOfDay.acceptLate',
        { date, opId: open[0]!.opId, password: passwordOf('kepala') },
        supervisor,
      );
      for (const d of decided.discrepancies.filter((x) => x.note === null))
        await spv.ws.t.value('endOfDay.note', { date, key: d.key, note: 'Diterima terlambat dari LOKET-03' }, supervisor);
      open = decided.lateChanges.filter((l) => l.status === 'held' && l.opId !== creates[1]!.opId);
    }
    const again = await spv.ws.t.value('endOfDay.report', { date }, supervisor);
    if (again.closure?.status !== 'closed')
      await spv.ws.t.value(
        'endOfDay.signOff',
        { date, password: passwordOf('kepala'), acknowledge: 'Perubahan terlambat LOKET-03 diterima' },
        supervisor,
      );
    await quiesce();

    // The returned one is visible on the desk that made it, with the supervisor's reason; nothing else is refused.
    const rejected = (await l3().ws.t.value('sync.list', { filter: 'rejected' }, l3().ws.adminToken)).items;
    expect(rejected.filter((i) => i.op === 'applications.create').map((i) => [i.entityId, i.reason])).toEqual([
      [creates[1]!.entityId, `late.returned:${reason}`],
    ]);
    expect(rejected.filter((i) => !i.reason?.startsWith('late.returned')).map((i) => [i.op, i.reason])).toEqual([]);
    for (const d of [...desks, spv]) expect(pending(d), d.name).toBe(0);

    // Central and every desk hold the same day: the nine, plus the accepted one; the returned one at central nowhere.
    const truth = await centralView();
    expect(truth.applications.map((a) => a.id).sort()).toEqual(made.filter((id) => id !== creates[1]!.entityId).sort());
    expect(new Set(truth.applications.map((a) => a.number)).size).toBe(truth.applications.length);
    for (const d of [l1(), l2(), spv]) expect(deskView(d), d.name).toEqual(truth);
    // The supervisor's signed report counts the same day central holds.
    const signed = await spv.ws.t.value('endOfDay.report', { date }, supervisor);
    expect([signed.closure?.status, signed.total.applications, signed.total.money.expected]).toEqual([
      'closed',
      truth.applications.length,
      truth.applications.reduce((sum, a) => sum + a.fee, 0),
    ]);
    const own = deskView(l3());
    expect(own.applications.filter((a) => a.id !== creates[1]!.entityId)).toEqual(truth.applications);

    // Nothing lost between desk and central: every op a desk holds as applied is one central took (each op
    // id once: central keys its ops by it), and no desk holds an op central never answered.
    const store = central.central.deps.store;
    const taken = new Set((await store.query<{ op_id: string }>('SELECT op_id FROM applied_ops')).map((r) => r.op_id));
    for (const d of [...desks, spv]) {
      const applied = d.ws.t.core.liveDb
        .prepare("SELECT op_id FROM outbox WHERE status IN ('applied', 'duplicate')")
        .pluck()
        .all() as string[];
      expect(
        applied.filter((id) => !taken.has(id)),
        d.name,
      ).toEqual([]);
    }

    // The day is closed at central with both sign-offs kept, and closed on every desk.
    const [day] = await store.query<{ data: { status: string; signoffs: Array<{ reportHash: string }> } }>(
      "SELECT data FROM records WHERE entity = 'business_day' AND entity_id = $1",
      [date],
    );
    expect(day?.data.status).toBe('closed');
    expect(day?.data.signoffs.length).toBeGreaterThanOrEqual(2);
    for (const d of [...desks, spv])
      expect(d.ws.t.core.liveDb.prepare('SELECT status FROM day_closures WHERE business_date = ?').pluck().get(date), d.name).toBe(
        'closed',
      );
  });
});
