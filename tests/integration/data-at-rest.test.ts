// Personal data at rest: the workstation's databases (live and training, with their WAL and FTS tables)
// are encrypted, a plain database from an earlier version is encrypted on the first start without losing
// anything, and the data folder is this OS account's only.
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '@db/connection.js';
import { composeNik } from '@common/domain/applications/nik.js';
import { TRAINING_PASSWORD } from '@main/core/office/training-seed.js';
import { LIVE_DB_FILE, TRAINING_DB_FILE } from '@main/core/core.js';
import { dbKeyFile, databaseKey } from '@main/core/kernel/crypto/db-key.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { securePrivateDir, widerThanPrivate } from '@main/core/kernel/file-modes.js';
import { pino } from 'pino';
import { ADMIN_PASSWORD, setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { BUDI_NIK, walkInDraft } from '../support/applications-fixtures.js';

const NAME = 'Budi Santoso';
const OTHER_NIK = composeNik({ region: '337410', birthDate: '1990-05-17', sex: 'M', serial: 2 });
const OTHER_NAME = 'Kusumawardhani';

let t: TempCore | undefined;
afterEach(() => {
  t?.cleanup();
  t = undefined;
});

/** Every byte of a database and its WAL, as someone who copied the files would read them. */
const rawBytes = (dataDir: string, db: string): Buffer =>
  Buffer.concat(
    readdirSync(dataDir)
      .filter((f) => f === db || f === `${db}-wal`)
      .map((f) => readFileSync(join(dataDir, f))),
  );
/** As written, as stored (names are kept in capitals) and as the search index keeps its terms (lower case). */
const holds = (bytes: Buffer, text: string): boolean =>
  [text, text.toUpperCase(), text.toLowerCase()].some((form) => bytes.includes(Buffer.from(form, 'utf8')));

async function writePersonalData(tc: TempCore): Promise<string> {
  const admin = await setUp(tc);
  const officer = await userSession(tc, admin, 'petugas1', 'officer');
  await tc.value('applications.create', { draft: walkInDraft() }, officer);
  await tc.value('applications.create', { draft: walkInDraft({ nik: OTHER_NIK, fullName: OTHER_NAME }) }, officer);
  return officer;
}

describe('workstation data at rest', () => {
  // Central's accounts flow down to every desk: their password hashes are in these files too ('scrypt$').
  it('keeps no NIK, name, phone, address or password hash in clear in the database files, the WAL or the search index', async () => {
    t = tempCore();
    const officer = await writePersonalData(t);
    // Before any checkpoint, the new pages are in the WAL: it must be encrypted as well.
    expect(existsSync(join(t.dataDir, `${LIVE_DB_FILE}-wal`))).toBe(true);
    const bytes = rawBytes(t.dataDir, LIVE_DB_FILE);
    expect(bytes.length).toBeGreaterThan(0);
    for (const secret of [BUDI_NIK, NAME, 'Santoso', OTHER_NIK, OTHER_NAME, 'Setiabudi', '0812 3456 7890', 'scrypt$']) {
      expect(holds(bytes, secret), secret).toBe(false);
    }
    // Core still reads and searches it (FTS5 over encrypted pages).
    const found = await t.value('applications.search', { query: 'kusuma' }, officer);
    expect(found.results.map((r) => r.fullName)).toEqual([OTHER_NAME.toUpperCase()]);
    // Without the key the file is not a database at all.
    expect(() => openDatabase(join(t!.dataDir, LIVE_DB_FILE)).prepare('SELECT * FROM applications').all()).toThrow(/not a database/);
  });

  it('encrypts the training database under its own key', async () => {
    t = tempCore();
    await t.value('setup.enterTraining', {});
    const trainer = (await t.value('auth.login', { username: 'petugas1', password: TRAINING_PASSWORD })).sessionToken;
    await t.value('applications.create', { draft: walkInDraft({ fullName: OTHER_NAME }) }, trainer);
    const bytes = rawBytes(t.dataDir, TRAINING_DB_FILE);
    expect(bytes.length).toBeGreaterThan(0);
    expect(holds(bytes, BUDI_NIK) || holds(bytes, OTHER_NAME)).toBe(false);
    expect(existsSync(dbKeyFile(join(t.dataDir, TRAINING_DB_FILE)))).toBe(true);
  });

  it('encrypts a plain database from an earlier version on the first start, losing nothing', async () => {
    t = tempCore();
    const officer = await writePersonalData(t);
    t.core.close();
    // Make it what an earlier version left: a plain SQLite file (rekeyed to no key), no key file.
    const file = join(t.dataDir, LIVE_DB_FILE);
    const key = databaseKey(file, new KeyFileWrapper(t.dataDir));
    const db = openDatabase(file, { key });
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey = ''`);
    db.close();
    rmSync(dbKeyFile(file));
    const plain = openDatabase(file);
    expect((plain.prepare('SELECT count(*) AS n FROM applications').get() as { n: number }).n).toBe(2);
    plain.close();
    // The grep below would see clear data: the plain file holds the NIK, the name and the password hashes.
    for (const secret of [BUDI_NIK, NAME, 'scrypt$']) expect(holds(readFileSync(file), secret), secret).toBe(true);
    // A crash during an earlier try left a half-written copy beside it: it is thrown away, not used.
    writeFileSync(`${file}.encrypting`, 'half a copy');

    t.reopen();
    expect(existsSync(`${file}.encrypting`)).toBe(false);
    expect(holds(rawBytes(t.dataDir, LIVE_DB_FILE), BUDI_NIK)).toBe(false);
    expect(holds(rawBytes(t.dataDir, LIVE_DB_FILE), NAME)).toBe(false);
    const relogged = (await t.value('auth.login', { username: 'petugas1', password: 'Rahasia-1sagutep-26' })).sessionToken;
    expect(relogged).not.toBe(officer);
    const found = await t.value('applications.search', { query: BUDI_NIK }, relogged);
    expect(found.results.map((r) => r.fullName)).toEqual([NAME.toUpperCase()]);
    expect(
      (await t.value('audit.verify', {}, (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken)).ok,
    ).toBe(true);
  });

  it('refuses an encrypted database whose key file is gone rather than start over', async () => {
    t = tempCore();
    await setUp(t);
    t.core.close();
    rmSync(dbKeyFile(join(t.dataDir, LIVE_DB_FILE)));
    expect(() => t!.reopen()).toThrow(/key file .* is missing/);
    t = undefined;
  });
});

describe('the data folder', () => {
  it('is tightened at start when an earlier version or a copy left it readable by others, and says so', async () => {
    t = tempCore();
    await setUp(t);
    t.core.close();
    const dir = t.dataDir;
    mkdirSync(join(dir, 'central', 'pgdata'), { recursive: true });
    writeFileSync(join(dir, 'central', 'pgdata', 'PG_VERSION'), '17');
    chmodSync(join(dir, 'central', 'pgdata', 'PG_VERSION'), 0o666);
    chmodSync(join(dir, 'central', 'pgdata'), 0o777);
    chmodSync(join(dir, LIVE_DB_FILE), 0o644);
    chmodSync(dir, 0o755);
    const wide = widerThanPrivate(dir).map((e) => e.path);
    expect(wide).toEqual(
      expect.arrayContaining([dir, join(dir, LIVE_DB_FILE), join(dir, 'central', 'pgdata'), join(dir, 'central', 'pgdata', 'PG_VERSION')]),
    );
    const lines: Array<{ msg?: string; tightened?: number; level?: number }> = [];
    const log = pino({}, { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    expect(securePrivateDir(dir, log)).toBe(wide.length);
    expect(lines.some((l) => l.msg?.includes('readable by other accounts') && l.tightened === wide.length && l.level === 40)).toBe(true);
    expect(widerThanPrivate(dir)).toEqual([]);
    expect(statSync(join(dir, LIVE_DB_FILE)).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'central', 'pgdata')).mode & 0o777).toBe(0o700);
    t.reopen();
  });
});
