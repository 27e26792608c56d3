// What is measured: the core time of one whole counter flow (check-in to printed receipt), and search
// over 1,000,000 applications by NIK, number and name prefix, each beside the raw SQL it rests on.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallOutput } from '../common/contract/index.js';
import { formatApplicationNumber } from '@common/domain/applications/number.js';
import { composeNik } from '@common/domain/applications/nik.js';
import { ftsPrefixQuery } from '@db/queries/applications/applications-search.js';
import { Core, LIVE_DB_FILE } from '../main/core/core.js';
import { dispatch } from '../main/ipc/dispatch.js';
import { coreDatabase, median, timeRuns, type BenchResult } from './types.js';
import { openDatabase, type Db } from '@db/connection.js';
import { databaseKey } from '@main/core/kernel/crypto/db-key.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';

const APPLICATIONS = 1_000_000;
const START = Date.UTC(2026, 10, 30, 1, 0, 0);

async function desk(dataDir: string) {
  let now = START;
  const core = Core.open({ dataDir, now: () => now });
  const value = async <N extends CallName>(name: N, input: CallInput<N>, token?: string): Promise<CallOutput<N>> => {
    const r = await dispatch(core, name, input, { sessionToken: token });
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as CallOutput<N>;
  };
  await value('setup.initialize', {
    officeCode: 'banyumanik',
    workstationName: 'LOKET-03',
    counterNumber: 3,
    language: 'id',
    admin: { username: 'admin', fullName: 'Rina Admin', password: 'Kantor-Loket-2026' },
  });
  const admin = (await value('auth.login', { username: 'admin', password: 'Kantor-Loket-2026' })).sessionToken;
  await value('users.create', { username: 'petugas1', fullName: 'Petugas Satu', role: 'officer', password: 'Sementara-2026-x' }, admin);
  const first = (await value('auth.login', { username: 'petugas1', password: 'Sementara-2026-x' })).sessionToken;
  await value('auth.changePassword', { currentPassword: 'Sementara-2026-x', newPassword: 'Rahasia-Loket-2026' }, first);
  const officer = (await value('auth.login', { username: 'petugas1', password: 'Rahasia-Loket-2026' })).sessionToken;
  // Captures need devices and have their own bench: the flow here is the counter's own work.
  await value('biometrics.updateSettings', { required: [] }, admin);
  return { core, value, officer, tick: () => (now += 1000) };
}

const draft = (serial: number): CallInput<'applications.create'>['draft'] => ({
  serviceCode: 'PASPOR_ELEKTRONIK_10',
  applicant: {
    nik: composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial }),
    fullName: 'Budi Santoso',
    birthPlace: 'Semarang',
    birthDate: '1990-05-17',
    sex: 'M',
    maritalStatus: 'married',
    address: 'Jl. Setiabudi No. 12, Banyumanik, Semarang',
    phone: '081234567890',
    email: null,
    fatherName: null,
    motherName: null,
    nationality: 'IDN',
    passportNumber: null,
    passportExpiry: null,
    nameChange: false,
  },
});

async function counterFlow(): Promise<BenchResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-flow-'));
  const d = await desk(dataDir);
  let serial = 1;
  const flow = async () => {
    const s = serial++;
    const app = await d.value('applications.create', { draft: draft(s) }, d.officer);
    for (const x of app.documents)
      await d.value('applications.markDocument', { id: app.id, docCode: x.docCode, state: 'present' }, d.officer);
    await d.value('applications.transition', { id: app.id, action: 'verify' }, d.officer);
    await d.value('applications.transition', { id: app.id, action: 'captureBiometrics' }, d.officer);
    await d.value('applications.setInterviewNotes', { id: app.id, notes: 'Wawancara selesai.' }, d.officer);
    await d.value('applications.transition', { id: app.id, action: 'interview' }, d.officer);
    await d.value(
      'payments.recordBilling',
      { applicationId: app.id, billingCode: `8201261130${String(s).padStart(5, '0')}`, amount: app.fee.total },
      d.officer,
    );
    await d.value('receipts.issue', { applicationId: app.id, kind: 'application' }, d.officer);
    d.tick();
  };
  const ours = await timeRuns(30, flow, 3);
  // Baseline: the same number of durable write transactions (11), each one bare insert.
  const raw = new Database(join(dataDir, 'baseline.sqlite'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)');
  const insert = raw.prepare('INSERT INTO t (v) VALUES (?)');
  const bare = await timeRuns(
    30,
    () => {
      for (let i = 0; i < 11; i++) raw.transaction(() => insert.run('x'))();
    },
    3,
  );
  raw.close();
  d.core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return {
    name: 'one counter flow through core (check-in, 3 documents, verify, biometrics step, notes, interview, billing, application receipt PDF)',
    value: median(ours),
    unit: 'ms',
    baseline: { name: '11 bare durable insert transactions (WAL, synchronous=FULL)', value: median(bare) },
    target: '< 50 ms',
  };
}

const FIRST = [
  'BUDI',
  'SITI',
  'AGUS',
  'DEWI',
  'JOKO',
  'RINA',
  'ANDI',
  'PUTRI',
  'EKO',
  'SRI',
  'JOSÉ',
  'NYOMAN',
  'WAYAN',
  'IKA',
  'HENDRA',
  'YULI',
];
const LAST = [
  'SANTOSO',
  'WIJAYA',
  'LESTARI',
  'PRASETYO',
  'HIDAYAT',
  'SETIAWAN',
  'KURNIAWAN',
  'RAHAYU',
  'SARI',
  'NUGROHO',
  'SIREGAR',
  'HARAHAP',
  'SINAGA',
  'PUTRA',
  'WULANDARI',
  'GUNAWAN',
];

function fillApplications(dataDir: string): { nik: string; number: string } {
  const db = coreDatabase(dataDir, LIVE_DB_FILE);
  const insert = db.prepare(
    `INSERT INTO applications (id, number, office_code, business_date, counter_number, service_code, reason, status, nik, full_name, birth_date, sex,
     nationality, fee_total, fee_lines, created_by, created_at, updated_at)
     VALUES (?, ?, 'banyumanik', ?, ?, 'PASPOR_BIASA_5', 'new', 'collected', ?, ?, '1990-05-17', 'M', 'IDN', 350000, '[]', 'bench', ?, ?)`,
  );
  let probe = { nik: '', number: '' };
  db.transaction(() => {
    for (let i = 0; i < APPLICATIONS; i++) {
      const day = 1 + (i % 28);
      const date = `2026-${String(1 + Math.floor(i / 100_000)).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
      const number = formatApplicationNumber({
        prefix: 'BYM',
        businessDate: date,
        counter: 1 + (Math.floor(i / 28) % 90),
        seq: 1 + (Math.floor(i / 2520) % 9999),
      });
      const nik = composeNik({
        region: `33${String(10 + (i % 80)).padStart(2, '0')}${String(10 + ((i >> 3) % 80)).padStart(2, '0')}`,
        birthDate: '1990-05-17',
        sex: 'M',
        serial: 1 + (i % 9999),
      });
      const name = `${FIRST[i % FIRST.length]} ${FIRST[(i >> 4) % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
      insert.run(`00000000-0000-7000-8000-${String(i).padStart(12, '0')}`, number, date, 3, nik, name, START + i, START + i);
      if (i === 777_777) probe = { nik, number };
    }
  })();
  db.close();
  return probe;
}

async function search(): Promise<BenchResult[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-bench-search-'));
  const d = await desk(dataDir);
  d.core.close();
  const probe = fillApplications(dataDir);
  // The same data in a plain file, as every database was before encryption at rest: the bare queries on
  // both files give the cost of the encryption itself, beside core's own.
  const plainFile = join(dataDir, 'plain.sqlite');
  copyFileSync(join(dataDir, LIVE_DB_FILE), plainFile);
  const decrypt = openDatabase(plainFile, { key: databaseKey(join(dataDir, LIVE_DB_FILE), new KeyFileWrapper(dataDir)) });
  decrypt.pragma('journal_mode = DELETE');
  decrypt.pragma(`rekey = ''`);
  decrypt.close();
  const core = Core.open({ dataDir, now: () => START });
  const officer = (await dispatch(core, 'auth.login', { username: 'petugas1', password: 'Rahasia-Loket-2026' })) as {
    ok: true;
    value: { sessionToken: string };
  };
  const token = officer.value.sessionToken;
  const raw = coreDatabase(dataDir, LIVE_DB_FILE, { readonly: true });
  const plain = openDatabase(plainFile, { readonly: true });
  const ask = (query: string) => dispatch(core, 'applications.search', { query }, { sessionToken: token });
  // Each probe must find something, or the figures would time empty answers.
  for (const q of [probe.nik, probe.number, 'sant', 'jose ku']) {
    const r = await ask(q);
    if (!r.ok || (r.value as { results: unknown[] }).results.length === 0) throw new Error(`search for ${q} found nothing`);
  }
  const statements = (db: Db) => ({
    byNik: db.prepare('SELECT id, number, full_name FROM applications WHERE nik = ? ORDER BY seq DESC LIMIT 20'),
    byNumber: db.prepare('SELECT id, number, full_name FROM applications WHERE number = ?'),
    byName: db.prepare(
      'SELECT a.id, a.number, a.full_name FROM applications_names n JOIN applications a ON a.seq = n.rowid WHERE applications_names MATCH ? ORDER BY n.rowid DESC LIMIT 20',
    ),
  });
  const enc = statements(raw);
  const clear = statements(plain);
  const measure = async (
    name: string,
    query: string,
    rawRun: (q: ReturnType<typeof statements>) => unknown,
    target: string,
  ): Promise<BenchResult[]> => {
    const ours = await timeRuns(200, () => ask(query), 20);
    const bareEncrypted = await timeRuns(200, () => rawRun(enc), 20);
    const barePlain = await timeRuns(200, () => rawRun(clear), 20);
    const what = `search ${APPLICATIONS.toLocaleString('en')} applications by ${name}`;
    return [
      {
        name: `${what} (contract call, encrypted database)`,
        value: median(ours),
        unit: 'ms',
        baseline: { name: 'the raw SQL query on the same data unencrypted', value: median(barePlain) },
        target,
      },
      {
        name: `${what} (raw SQL, encrypted database)`,
        value: median(bareEncrypted),
        unit: 'ms',
        baseline: { name: 'the same raw SQL unencrypted', value: median(barePlain) },
        target: 'reported',
      },
    ];
  };
  const results = [
    ...(await measure('NIK', probe.nik, (q) => q.byNik.all(probe.nik), '< 1 ms')),
    ...(await measure('application number', probe.number, (q) => q.byNumber.all(probe.number), '< 1 ms')),
    ...(await measure('name prefix "sant"', 'sant', (q) => q.byName.all(ftsPrefixQuery(['sant'])), '< 20 ms')),
    ...(await measure(
      'name prefix "jose ku" (accent-insensitive)',
      'jose ku',
      (q) => q.byName.all(ftsPrefixQuery(['jose', 'ku'])),
      '< 20 ms',
    )),
  ];
  plain.close();
  raw.close();
  core.close();
  rmSync(dataDir, { recursive: true, force: true });
  return results;
}

export async function run(): Promise<BenchResult[]> {
  return [await counterFlow(), ...(await search())];
}
