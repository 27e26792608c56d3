// The end-of-day figures: the report of a day with 3,000 applications (their payments, 300
// receipts with reprints and voids) and 6,000 tickets of the office as central published them (plus 200
// local-mode ones central has not seen yet), through core (dispatch, zod, the
// report's grouping), beside the bare SQL aggregate over the same rows; and its PDF beside the report.
import type { Db } from '../db/connection.js';
import { setUp, tempCore, userSession } from '../tests/support/core.js';
import { median, timeRuns, type BenchResult } from './types.js';

const DAY = '2026-11-30';
const APPLICATIONS = 3_000;
const TICKETS = 6_000;
const LOCAL_TICKETS = 200;
const RUNS = 15;
const SERVICES: [string, number][] = [
  ['PASPOR_BIASA_5', 350_000],
  ['PASPOR_BIASA_10', 650_000],
  ['PASPOR_ELEKTRONIK_5', 650_000],
  ['PASPOR_ELEKTRONIK_10', 950_000],
  ['SPLP_WNI', 100_000],
];
const AT = Date.UTC(2026, 10, 30, 2, 0, 0);

/** A believable day: most paid through central, some manual, some unpaid, a few waived or cancelled. */
export function seed(db: Db, officers: string[]): void {
  const app = db.prepare(
    `INSERT INTO applications (id, number, office_code, business_date, counter_number, service_code, reason, status, full_name, birth_date, sex, nationality, fee_total, fee_lines, created_by, created_at, updated_at)
     VALUES (?, ?, 'banyumanik', ?, 3, ?, 'new', ?, ?, '1990-01-01', 'M', 'IDN', ?, '[]', ?, ?, ?)`,
  );
  const pay = db.prepare(
    `INSERT INTO payments (id, application_id, kind, billing_code, amount, status, status_source, issued_at, reason, reconciliation, created_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const receipt = db.prepare(
    `INSERT INTO receipts (id, application_id, kind, content, content_hash, status, print_count, created_by, created_at, voided_at, voided_by, void_reason) VALUES (?, ?, 'application', '{}', 'h', ?, ?, ?, ?, ?, ?, ?)`,
  );
  const print = db.prepare('INSERT INTO receipt_prints (id, receipt_id, copy_no, at, user_id, reason) VALUES (?, ?, ?, ?, ?, ?)');
  const ticket = db.prepare(
    `INSERT INTO office_tickets (id, day, service_code, number, status, arrived_at, officer, version) VALUES (?, ?, ?, ?, ?, ?, ?, 2)`,
  );
  const local = db.prepare(
    `INSERT INTO queue_local_tickets (id, day, service_code, number, status, arrived_at, officer) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < APPLICATIONS; i++) {
      const [service, fee] = SERVICES[i % SERVICES.length]!;
      const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
      const by = officers[i % officers.length]!;
      const at = AT + i * 10_000;
      const r = i % 100;
      const status = r < 2 ? 'cancelled' : r < 7 ? 'verified' : r < 60 ? 'submitted' : 'paid';
      app.run(id, `BYM-261130-03-${String(i + 1).padStart(4, '0')}`, DAY, service, status, `Pemohon ${i}`, fee, by, at, at);
      const billing = `8201${String(i).padStart(11, '0')}`;
      if (r >= 7 && r < 10) pay.run(`p${id}`, id, 'waiver', null, 0, 'waived', null, at, 'PMI pertama', 'none', by, at, at);
      else if (r >= 10 && r < 14) pay.run(`p${id}`, id, 'billing', billing, fee, 'paid', 'manual', at, null, 'pending', by, at, at);
      else if (r >= 2 && r < 7) pay.run(`p${id}`, id, 'billing', billing, fee, 'unpaid', null, at, null, 'none', by, at, at);
      else if (r >= 14)
        pay.run(`p${id}`, id, 'billing', billing, fee, 'paid', 'central', at, null, r === 99 ? 'mismatch' : 'none', by, at, at);
      if (i % 10 === 0) {
        const voided = i % 100 === 0;
        receipt.run(
          `r${id}`,
          id,
          voided ? 'void' : 'active',
          i % 50 === 0 ? 2 : 1,
          by,
          at,
          voided ? at + 60_000 : null,
          voided ? by : null,
          voided ? 'Salah cetak' : null,
        );
        print.run(`rp1${id}`, `r${id}`, 1, at, by, null);
        if (i % 50 === 0) print.run(`rp2${id}`, `r${id}`, 2, at + 30_000, by, 'Kertas macet');
      }
    }
    const statuses = ['done', 'done', 'done', 'done', 'no_show', 'cancelled', 'waiting', 'serving'];
    for (let i = 0; i < TICKETS; i++) {
      const status = statuses[i % statuses.length]!;
      ticket.run(
        `t${i}`,
        DAY,
        SERVICES[i % SERVICES.length]![0],
        `A-${i}`,
        status,
        AT + i * 5_000,
        status === 'waiting' ? null : `petugas${i % 12}`,
      );
    }
    for (let i = 0; i < LOCAL_TICKETS; i++)
      local.run(`l${i}`, DAY, SERVICES[i % SERVICES.length]![0], `L3A-${i}`, 'done', AT + i * 7_000, 'petugas0');
  })();
}

/** What the report needs at the very least, straight from SQLite: the grouped counts and sums. */
function bareAggregate(db: Db): unknown[] {
  return [
    db
      .prepare(
        `SELECT a.service_code, a.created_by, a.status, count(*) AS n, sum(a.fee_total) AS expected FROM applications a WHERE a.business_date = ? AND a.office_code = 'banyumanik' GROUP BY 1, 2, 3`,
      )
      .all(DAY),
    db
      .prepare(
        `SELECT a.service_code, p.status, p.status_source, sum(p.amount) AS amount FROM applications a JOIN payments p ON p.application_id = a.id WHERE a.business_date = ? GROUP BY 1, 2, 3`,
      )
      .all(DAY),
    db
      .prepare(
        `SELECT service_code, officer, status, count(*) FROM (
           SELECT service_code, officer, status FROM office_tickets WHERE day = ?
           UNION ALL SELECT service_code, officer, status FROM queue_local_tickets q WHERE day = ? AND NOT EXISTS (SELECT 1 FROM office_tickets o WHERE o.id = q.id)
         ) GROUP BY 1, 2, 3`,
      )
      .all(DAY, DAY),
  ];
}

const DESKS = 20;

/** The same day spread over an office of 20 desks (150 applications each): 19 arrived by pull, one is this desk's. */
function spreadOverDesks(db: Db): void {
  db.transaction(() => {
    db.prepare(
      `UPDATE applications SET origin_workstation_id = CASE WHEN rowid % ${DESKS} = 0 THEN NULL ELSE 'ws-' || (rowid % ${DESKS}) END`,
    ).run();
    db.prepare(
      'UPDATE payments SET origin_workstation_id = (SELECT origin_workstation_id FROM applications a WHERE a.id = application_id)',
    ).run();
    db.prepare(
      'UPDATE receipts SET origin_workstation_id = (SELECT origin_workstation_id FROM applications a WHERE a.id = application_id)',
    ).run();
  })();
}

/** The office's per-desk figures straight from SQLite: applications and money grouped by desk, receipts by desk. */
function bareDeskAggregate(db: Db): unknown[] {
  return [
    ...bareAggregate(db),
    db
      .prepare(
        `SELECT a.origin_workstation_id, a.status, count(*), sum(a.fee_total), sum(p.amount) FROM applications a LEFT JOIN payments p ON p.application_id = a.id
         WHERE a.business_date = ? AND a.office_code = 'banyumanik' GROUP BY 1, 2`,
      )
      .all(DAY),
    db.prepare('SELECT origin_workstation_id, count(*), sum(voided_at IS NOT NULL) FROM receipts GROUP BY 1').all(),
  ];
}

async function officeRun(): Promise<BenchResult> {
  const t = tempCore(Date.UTC(2026, 10, 30, 10, 0, 0));
  try {
    const admin = await setUp(t);
    const supervisor = await userSession(t, admin, 'supervisor1', 'supervisor');
    const officers = (t.core.db.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id);
    seed(t.core.db, officers);
    spreadOverDesks(t.core.db);
    const report = await t.value('endOfDay.report', { date: DAY }, supervisor);
    if (report.byDesk.length !== DESKS) throw new Error(`counted ${report.byDesk.length} desks, expected ${DESKS}`);
    const ours = await timeRuns(RUNS, () => t.value('endOfDay.report', { date: DAY }, supervisor), 2);
    const base = await timeRuns(RUNS, () => bareDeskAggregate(t.core.db), 2);
    return {
      name: `office end-of-day report in core, ${DESKS} desks x ${APPLICATIONS / DESKS} applications (payments, receipts, ${TICKETS} tickets), per desk and officer, median`,
      value: median(ours),
      unit: 'ms',
      baseline: { name: 'bare SQL aggregate incl. per-desk grouping, same rows', value: median(base) },
      target: '< 1000 ms',
    };
  } finally {
    t.cleanup();
  }
}

export async function run(): Promise<BenchResult[]> {
  const office = await officeRun();
  const t = tempCore(Date.UTC(2026, 10, 30, 10, 0, 0));
  try {
    const admin = await setUp(t);
    const supervisor = await userSession(t, admin, 'supervisor1', 'supervisor');
    const officers = (t.core.db.prepare('SELECT id FROM users').all() as { id: string }[]).map((u) => u.id);
    seed(t.core.db, officers);
    const report = await t.value('endOfDay.report', { date: DAY }, supervisor);
    if (report.total.applications !== APPLICATIONS)
      throw new Error(`seeded ${report.total.applications} applications, expected ${APPLICATIONS}`);
    const ours = await timeRuns(RUNS, () => t.value('endOfDay.report', { date: DAY }, supervisor), 2);
    const base = await timeRuns(RUNS, () => bareAggregate(t.core.db), 2);
    const pdfRuns = await timeRuns(5, () => t.value('endOfDay.pdf', { date: DAY, language: 'id' }, supervisor), 1);
    const pdf = await t.value('endOfDay.pdf', { date: DAY, language: 'id' }, supervisor);
    const csvRuns = await timeRuns(RUNS, () => t.value('endOfDay.csv', { date: DAY, language: 'id' }, supervisor), 2);
    const d = report.discrepancies.length;
    return [
      office,
      {
        name: `end-of-day report in core, ${APPLICATIONS} applications + ${TICKETS} tickets (${d} discrepancies), median`,
        value: median(ours),
        unit: 'ms',
        baseline: { name: 'bare SQL aggregate, same rows', value: median(base) },
        target: '< 300 ms',
      },
      {
        name: `end-of-day PDF (${((pdf.pdfBase64.length * 0.75) / 1024) | 0} KB), median`,
        value: median(pdfRuns),
        unit: 'ms',
        baseline: { name: 'the report alone (above)', value: median(ours) },
        target: '< 1000 ms',
      },
      {
        name: 'end-of-day CSV, median',
        value: median(csvRuns),
        unit: 'ms',
        baseline: { name: 'the report alone (above)', value: median(ours) },
      },
    ];
  } finally {
    t.cleanup();
  }
}
