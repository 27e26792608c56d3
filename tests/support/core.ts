import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core } from '@main/core/core.js';
import { dispatch } from '@main/ipc/dispatch.js';
import type { CallInput, CallName, CallOutput, Result } from '@common/contract/index.js';
import type { Log } from '@main/core/log.js';
import type { Role } from '@common/domain/shared/roles.js';

export const ADMIN_PASSWORD = 'Kantor-Loket-2026';

/** A Core on a real SQLite file in a fresh temp folder, with a clock the test moves by hand (and a log, if given). */
export function tempCore(start = Date.UTC(2026, 10, 30, 1, 0, 0), opts: { log?: Log } = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'loket-test-'));
  let now = start;
  let core = Core.open({ dataDir, now: () => now, log: opts.log });
  const call = <N extends CallName>(name: N, input: CallInput<N>, sessionToken?: string) =>
    dispatch(handle.core, name, input, { sessionToken }) as Promise<Result<CallOutput<N>>>;
  const value = async <N extends CallName>(name: N, input: CallInput<N>, sessionToken?: string): Promise<CallOutput<N>> => {
    const r = await call(name, input, sessionToken);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message} ${JSON.stringify(r.error.details ?? '')}`);
    return r.value;
  };
  const handle = {
    get core() {
      return core;
    },
    /** Closes and opens the same data folder, as a restart of the workstation would. */
    reopen: () => {
      core.close();
      core = Core.open({ dataDir, now: () => now, log: opts.log });
    },
    dataDir,
    call,
    value,
    advance: (ms: number) => {
      now += ms;
    },
    now: () => now,
    cleanup: () => {
      core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return handle;
}
export type TempCore = ReturnType<typeof tempCore>;

export async function setUp(t: TempCore): Promise<string> {
  await t.value('setup.initialize', {
    officeCode: 'banyumanik',
    workstationName: 'LOKET-03',
    counterNumber: 3,
    language: 'id',
    admin: { username: 'admin', fullName: 'Rina Admin', password: ADMIN_PASSWORD },
  });
  return (await t.value('auth.login', { username: 'admin', password: ADMIN_PASSWORD })).sessionToken;
}

/** Creates a user and logs them in past the forced password change; returns their session token. */
export async function userSession(t: TempCore, adminToken: string, username: string, role: Role): Promise<string> {
  const temp = 'Sementara-2026-x';
  await t.value('users.create', { username, fullName: `Nama ${username}`, role, password: temp }, adminToken);
  const token = (await t.value('auth.login', { username, password: temp })).sessionToken;
  await t.value('auth.changePassword', { currentPassword: temp, newPassword: passwordOf(username) }, token);
  return token;
}
export const passwordOf = (username: string): string => `Rahasia-${[...username].reverse().join('')}-26`;
