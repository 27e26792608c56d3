// Central's store, migrations, admin API and admin CLI.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '@server/admin/cli.js';
import { ADMIN_TOKEN_FILE, AdminTokenError, loadAdminToken, writeFileAtomic } from '@server/config.js';
import { createCentral } from '@server/app.js';
import { startEmbeddedCentral } from '@server/embedded.js';
import { loadServerMigrations, migrateServer, schemaVersion } from '@server/migrate.js';
import { openStore } from '@server/store/store.js';
import { verifyPassword } from '@main/core/access/passwords.js';
import { ADMIN_TOKEN, createTestDatabase, startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { sendPlain } from '../support/central-client.js';
import { adminRoutes } from '@common/central/routes.js';

describe.each(storeKinds())('central store and migrations on %s', (kind) => {
  it('migrates an empty database once, creates every table, and rolls a failed transaction back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-store-'));
    const db = kind === 'postgres' ? await createTestDatabase() : undefined;
    const store = await openStore({ databaseUrl: db?.url, dataDir: db ? undefined : join(dir, 'pg') });
    try {
      const all = loadServerMigrations();
      expect(await migrateServer(store)).toEqual({ from: 0, to: all.length });
      expect(await migrateServer(store)).toEqual({ from: all.length, to: all.length });
      expect(await schemaVersion(store)).toBe(all.length);
      const tables = await store.query<{ t: string }>(
        "SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename",
      );
      // Later issues add their own tables; the sync core's must all be there.
      expect(tables.map((r) => r.t)).toEqual(
        expect.arrayContaining([
          'applied_ops',
          'blobs',
          'changes',
          'enrolment_codes',
          'nonces',
          'office_seq',
          'offices',
          'record_keys',
          'records',
          'schema_migrations',
          'workstations',
        ]),
      );
      await expect(
        store.tx(async (sql) => {
          await sql.query("INSERT INTO offices (code, name, city, tz, created_at) VALUES ('x', 'X', 'X', 'Asia/Jakarta', 0)");
          await sql.query("INSERT INTO offices (code, name, city, tz, created_at) VALUES ('y', 'Y', 'Y', 'Europe/Paris', 0)");
        }),
      ).rejects.toThrow();
      expect(await store.query("SELECT code FROM offices WHERE code IN ('x', 'y')")).toEqual([]);
    } finally {
      await store.close();
      await db?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('central admin API and CLI', () => {
  let central: TestCentral;
  const out: string[] = [];
  const cli = (...argv: string[]) => runCli(['--url', central.url, ...argv], { LOKET_ADMIN_TOKEN: ADMIN_TOKEN }, (s) => out.push(s));
  const lastJson = <T>(): T => JSON.parse(out.at(-1) ?? 'null') as T;

  beforeAll(async () => {
    central = await startTestCentral(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });
  afterAll(() => central?.close());

  it('seeds the reference offices on first start', async () => {
    const rows = await central.central.deps.store.query<{ n: number }>('SELECT count(*)::int AS n FROM offices');
    expect(rows[0]?.n).toBeGreaterThanOrEqual(30);
  });

  it('creates an office, an enrolment code, lists and revokes workstations from the CLI', async () => {
    expect(await cli('office-create', 'kupang', '--name', 'Kantor Imigrasi Kupang', '--city', 'Kupang, NTT', '--tz', 'Asia/Makassar')).toBe(
      0,
    );
    expect(lastJson<{ created: boolean; code: string }>()).toEqual({ created: true, code: 'kupang' });
    expect(await cli('enrol-code', 'kupang', '--ttl', '2')).toBe(0);
    const code = lastJson<{ code: string; officeCode: string; expiresAt: number }>();
    expect(code).toMatchObject({ officeCode: 'kupang', code: expect.stringMatching(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{4}$/) });
    expect(await cli('workstations', 'kupang')).toBe(0);
    expect(lastJson()).toEqual([]);
    await expect(cli('revoke', 'no-such-workstation')).rejects.toThrow(/404/);
  });

  it('creates officer accounts centrally with hashes the workstation can verify offline', async () => {
    expect(
      await cli(
        'user-create',
        '--office',
        'kupang',
        '--username',
        'Petugas7',
        '--full-name',
        'Petugas Tujuh',
        '--role',
        'officer',
        '--password',
        'Sementara-2026-x',
        '--services',
        'PASPOR_JANJI',
      ),
    ).toBe(0);
    const created = lastJson<{ id: string; username: string; version: number }>();
    expect(created).toMatchObject({ username: 'petugas7', version: 1 });
    const [rec] = await central.central.deps.store.query<{
      data: { passwordHash: string; mustChangePassword: boolean; services: string[] };
    }>("SELECT data FROM records WHERE office_code = 'kupang' AND entity = 'user' AND entity_id = $1", [created.id]);
    expect(rec?.data).toMatchObject({ mustChangePassword: true, services: ['PASPOR_JANJI'] });
    expect(await verifyPassword('Sementara-2026-x', rec?.data.passwordHash ?? '')).toBe(true);
    await expect(
      cli(
        'user-create',
        '--office',
        'kupang',
        '--username',
        'petugas7',
        '--full-name',
        'Lain',
        '--role',
        'officer',
        '--password',
        'Sementara-2026-y',
      ),
    ).rejects.toThrow(/409/);
    const updated = await central.admin(adminRoutes.updateUser, {
      params: { id: created.id },
      body: { officeCode: 'kupang', disabled: true },
    });
    expect(updated.version).toBe(2);
  });

  it('compacts an office feed from the CLI', async () => {
    expect(await cli('compact', 'kupang')).toBe(0);
    expect(lastJson<{ officeCode: string; horizon: number; removed: number }>()).toMatchObject({
      officeCode: 'kupang',
      horizon: 7,
      removed: 7,
    });
  });

  it('refuses bad admin input with specific codes', async () => {
    const res = await sendPlain(central, adminRoutes.enrolmentCode, { body: { officeCode: 'kupang', ttlHours: 'soon' } });
    expect([res.status, res.body.error?.code]).toEqual([400, 'INVALID_FIELD']);
    await expect(central.admin(adminRoutes.enrolmentCode, { body: { officeCode: 'atlantis' } })).rejects.toThrow(/404/);
  });

  it('prints usage for an unknown command', async () => {
    expect(await cli('frobnicate')).toBe(2);
    expect(out.at(-1)).toMatch(/Usage: npm run server -- admin/);
  });
});

describe('admin token', () => {
  it('is generated once with mode 0600, or taken from LOKET_ADMIN_TOKEN', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-token-'));
    try {
      const first = loadAdminToken(dir, {});
      expect(first.created).toBe(true);
      expect(statSync(first.file as string).mode & 0o777).toBe(0o600);
      expect(loadAdminToken(dir, {})).toEqual({ token: first.token, file: first.file, created: false });
      expect(readFileSync(first.file as string, 'utf8').trim()).toBe(first.token);
      const fromEnv = 'from-env-0123456789abcdef0123456789';
      expect(loadAdminToken(dir, { LOKET_ADMIN_TOKEN: fromEnv })).toEqual({ token: fromEnv, file: null, created: false });
      // Written through a temporary file renamed into place: nothing else is left in the folder.
      expect(readdirSync(dir)).toEqual([ADMIN_TOKEN_FILE]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses an empty or short token from the file or the environment, so central does not start with it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-token-'));
    try {
      writeFileSync(join(dir, ADMIN_TOKEN_FILE), '\n', { mode: 0o600 });
      expect(() => loadAdminToken(dir, {})).toThrow(AdminTokenError);
      expect(() => loadAdminToken(dir, {})).toThrow(/empty/);
      writeFileSync(join(dir, ADMIN_TOKEN_FILE), 'short-token\n', { mode: 0o600 });
      expect(() => loadAdminToken(dir, {})).toThrow(/too short/);
      expect(() => loadAdminToken(dir, { LOKET_ADMIN_TOKEN: '' })).toThrow(/empty/);
      expect(() => loadAdminToken(dir, { LOKET_ADMIN_TOKEN: 'x'.repeat(31) })).toThrow(/too short/);
      // The embedded central reads the same file: it refuses to start rather than open the admin API.
      mkdirSync(join(dir, 'ws', 'central'), { recursive: true });
      writeFileSync(join(dir, 'ws', 'central', ADMIN_TOKEN_FILE), '', { mode: 0o600 });
      await expect(startEmbeddedCentral({ dataDir: join(dir, 'ws') })).rejects.toThrow(AdminTokenError);
      await expect(createCentral({ dataDir: join(dir, 'c'), adminToken: '' })).rejects.toThrow(AdminTokenError);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a file atomically: a write that fails leaves the old file and no temporary behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loket-token-'));
    try {
      const file = join(dir, 'f');
      writeFileAtomic(file, 'one');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      writeFileAtomic(file, 'two');
      expect(readFileSync(file, 'utf8')).toBe('two');
      expect(() => writeFileAtomic(join(dir, 'missing', 'f'), 'x')).toThrow();
      expect(readdirSync(dir)).toEqual(['f']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
