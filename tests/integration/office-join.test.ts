// Desks join an office: the first desk starts it and its admin is made at central; every later desk joins
// with an enrolment code, pulls the office's accounts and creates none, so the first login there is with
// the office's admin. A desk that tries to start an office central already holds accounts for is refused
// before it writes anything, and told to join instead.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallInput } from '@common/contract/index.js';
import { startSync } from '@main/sync/index.js';
import type { SyncClient } from '@main/sync/client.js';
import { startEmbeddedCentral } from '@server/embedded.js';
import { ADMIN_PASSWORD, tempCore, type TempCore } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { enrolmentCode } from '../support/model/workstation.js';

let central: TestCentral;
const open: Array<{ t: TempCore; client?: SyncClient }> = [];
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
});
afterAll(async () => {
  for (const d of open) {
    await d.client?.stop();
    d.t.cleanup();
  }
  await central?.close();
});

async function desk(withSync = true): Promise<{ t: TempCore; client?: SyncClient }> {
  const t = tempCore(Date.now());
  const client = withSync ? await startSync(t.core, { background: false, centralUrl: central.url }) : undefined;
  const d = { t, client };
  open.push(d);
  return d;
}

const ADMIN = { username: 'admin', fullName: 'Rina Kusuma', password: ADMIN_PASSWORD };
const setupInput = (over: Partial<CallInput<'setup.initialize'>>): CallInput<'setup.initialize'> => ({
  officeCode: 'banyumanik',
  workstationName: 'LOKET-01',
  counterNumber: 1,
  language: 'id',
  ...over,
});
const centralAccounts = (office: string) =>
  central.central.deps.store.query<{ entity_id: string; username: string; must: boolean }>(
    "SELECT entity_id, data->>'username' AS username, (data->>'mustChangePassword')::boolean AS must FROM records WHERE office_code = $1 AND entity = 'user' ORDER BY 2",
    [office],
  );
const localAccounts = (t: TempCore) => t.core.liveDb.prepare('SELECT id, username, role, disabled FROM users ORDER BY username').all();
const errorOf = (r: { ok: boolean; error?: { code: string; details?: unknown } }) => (r.ok ? 'ok' : [r.error!.code, r.error!.details]);

describe('a new office and the desks that join it', () => {
  let first: { t: TempCore; client?: SyncClient };
  let adminId: string;

  it('starts the office: its admin is made at central (its own password, no forced change) and pulled here', async () => {
    first = await desk();
    const code = await enrolmentCode(central, 'banyumanik');
    await first.t.value('setup.initialize', setupInput({ mode: 'new', admin: ADMIN, enrolmentCode: code }));
    const accounts = await centralAccounts('banyumanik');
    expect(accounts).toEqual([{ entity_id: expect.any(String), username: 'admin', must: false }]);
    adminId = accounts[0]!.entity_id;
    expect(localAccounts(first.t)).toEqual([{ id: adminId, username: 'admin', role: 'admin', disabled: 0 }]);
    const admin = await first.t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(admin.session).toMatchObject({ role: 'admin', mustChangePassword: false });
    // The set-up op is the desk's own record; the admin is already central's.
    await first.client!.runCycle();
    expect((await first.t.value('sync.status', {})).rejected).toBe(0);
  });

  it('refuses to start it again from a second desk, before writing anything, and tells it to join', async () => {
    const second = await desk();
    const r = await second.t.call(
      'setup.initialize',
      setupInput({
        mode: 'new',
        workstationName: 'LOKET-02',
        admin: { ...ADMIN, username: 'rina' },
        enrolmentCode: await enrolmentCode(central, 'banyumanik'),
      }),
    );
    expect(errorOf(r)).toEqual(['CONFLICT', expect.objectContaining({ reason: 'setup.officeHasAccounts' })]);
    expect((await second.t.value('app.status', {})).setupDone).toBe(false);
    expect((await centralAccounts('banyumanik')).map((a) => a.username)).toEqual(['admin']);
    // The same desk (already enrolled by the refused try) joins without a new code.
    await second.t.value('setup.initialize', setupInput({ mode: 'join', workstationName: 'LOKET-02', counterNumber: 2 }));
    expect(localAccounts(second.t)).toEqual([{ id: adminId, username: 'admin', role: 'admin', disabled: 0 }]);
    const login = await second.t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.session.role).toBe('admin');
  });

  it('joins with a code: the accounts arrive, none is created, the first login is the office admin', async () => {
    const third = await desk();
    const code = await enrolmentCode(central, 'banyumanik');
    await third.t.value(
      'setup.initialize',
      setupInput({ mode: 'join', workstationName: 'LOKET-03', counterNumber: 3, enrolmentCode: code }),
    );
    expect(localAccounts(third.t)).toEqual([{ id: adminId, username: 'admin', role: 'admin', disabled: 0 }]);
    const token = (await third.t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
    // An account made on this desk reaches the first one: one office, one set of accounts.
    await third.t.value(
      'users.create',
      { username: 'budi', fullName: 'Budi Santoso', role: 'officer', password: 'Sementara-2026-x' },
      token,
    );
    await third.client!.runCycle();
    await first.client!.runCycle();
    expect((localAccounts(first.t) as Array<{ username: string }>).map((u) => u.username)).toEqual(['admin', 'budi']);
    const status = await third.t.value('sync.status', {});
    expect(status).toMatchObject({ rejected: 0, conflicts: 0, pendingOps: 0 });
  });

  it('refuses to join an office central holds no account for, and a join without central', async () => {
    const lonely = await desk();
    const r = await lonely.t.call(
      'setup.initialize',
      setupInput({ mode: 'join', officeCode: 'batam', enrolmentCode: await enrolmentCode(central, 'batam') }),
    );
    expect(errorOf(r)).toEqual(['CONFLICT', { reason: 'setup.officeEmpty' }]);
    const alone = await desk(false);
    expect(errorOf(await alone.t.call('setup.initialize', setupInput({ mode: 'join' })))).toEqual([
      'OFFLINE',
      { reason: 'sync.notConfigured' },
    ]);
    const wrong = await desk();
    const bad = await wrong.t.call('setup.initialize', setupInput({ mode: 'join', enrolmentCode: 'AAAA-BBBB-CCCC' }));
    expect(errorOf(bad)).toEqual(['VALIDATION', { fields: { enrolmentCode: ['enrolment.invalid'] } }]);
    const none = await wrong.t.call('setup.initialize', setupInput({ mode: 'join' }));
    expect(errorOf(none)).toEqual(['VALIDATION', { fields: { enrolmentCode: ['required'] } }]);
  });

  it('gives one first admin to two desks starting the same office at once', async () => {
    const [a, b] = [await desk(), await desk()];
    const codes = [await enrolmentCode(central, 'batam'), await enrolmentCode(central, 'batam')];
    const results = await Promise.all(
      [a, b].map((d, i) =>
        d.t.call(
          'setup.initialize',
          setupInput({
            mode: 'new',
            officeCode: 'batam',
            workstationName: `LOKET-0${i + 1}`,
            admin: { ...ADMIN, username: `admin${i}` },
            enrolmentCode: codes[i],
          }),
        ),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map(errorOf)).toEqual([
      ['CONFLICT', expect.objectContaining({ reason: 'setup.officeHasAccounts' })],
    ]);
    expect(await centralAccounts('batam')).toHaveLength(1);
  });
});

describe('npm start: the embedded central, one machine one office', () => {
  it('starts the office from an empty data folder without any code', async () => {
    const t = tempCore(Date.now());
    const embedded = await startEmbeddedCentral({ dataDir: t.dataDir });
    const client = await startSync(t.core, { background: false, embedded: { url: embedded.url, enrolmentCode: embedded.enrolmentCode } });
    try {
      await t.value('setup.initialize', setupInput({ admin: ADMIN }));
      expect(await t.value('sync.status', {})).toMatchObject({ enrolled: true, embedded: true, officeCode: 'banyumanik' });
      expect((await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).session.role).toBe('admin');
      await client.runCycle();
      expect(await t.value('sync.status', {})).toMatchObject({ rejected: 0, pendingOps: 0 });
    } finally {
      await client.stop();
      await embedded.close();
      t.cleanup();
    }
  });
});
