// `npm start` on a machine without Electron: the built entry point serves the app, starts an embedded
// central beside it, enrols itself after setup and keeps its data across a restart.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { widerThanPrivate } from '@main/core/kernel/file-modes.js';
import { ADMIN_PASSWORD } from '../support/core.js';

const ENTRY = join(process.cwd(), 'out', 'main', 'start.mjs');
const dataDir = mkdtempSync(join(tmpdir(), 'loket-start-'));
const running: ChildProcess[] = [];

interface Started {
  child: ChildProcess;
  url: URL;
  lines: string[];
  /** This run's token, traded for the printed address's single-use code as the page does. */
  token: string;
}

function start(): Promise<Started> {
  const child = spawn(process.execPath, [ENTRY], {
    env: { ...process.env, LOKET_DATA_DIR: dataDir, LOKET_PORT: '0', LOKET_CENTRAL_URL: '', LOKET_WEB: '1', CI: '1', DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  const lines: string[] = [];
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`start.mjs exited with ${code}: ${err}`)));
    child.stdout!.on('data', (c: Buffer) => {
      lines.push(...c.toString().split('\n').filter(Boolean));
      const first = lines.find((l) => l.startsWith('Loket is running at '));
      if (first && lines.length >= 2) {
        const url = new URL(first.slice('Loket is running at '.length));
        exchange(url).then((token) => resolve({ child, url, lines, token }), reject);
      }
    });
  });
}

async function exchange(url: URL): Promise<string> {
  const res = await fetch(new URL('/api/session', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url.origin },
    body: JSON.stringify({ code: url.searchParams.get('code') }),
  });
  return ((await res.json()) as { token: string }).token;
}

async function call(
  s: Started,
  name: string,
  input: unknown,
  session?: string,
): Promise<{ ok: boolean; value?: Record<string, unknown>; error?: { code: string; message: string } }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-loket-token': s.token, origin: s.url.origin };
  if (session) headers['x-loket-session'] = session;
  const res = await fetch(new URL(`/api/call/${name}`, s.url), { method: 'POST', headers, body: JSON.stringify({ input }) });
  return (await res.json()) as never;
}

async function stop(s: Started): Promise<number | null> {
  const exited = new Promise<number | null>((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGTERM');
  return exited;
}

/** The child answers only over HTTP, so there is no event to await: ask until `probe` has a value. */
const waitFor = <T>(probe: () => Promise<T | undefined>): Promise<T> =>
  vi.waitFor(
    async () => {
      const v = await probe();
      if (v === undefined) throw new Error('condition not reached');
      return v;
    },
    { timeout: 20_000, interval: 100 },
  );

afterAll(() => {
  for (const c of running) if (c.exitCode === null) c.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('npm start without Electron', { timeout: 60_000 }, () => {
  it('serves the app, says where, and syncs with the embedded central after setup', async () => {
    const s = await start();
    // The printed address carries a single-use code, never the token itself.
    expect(s.lines[0]).toMatch(/^Loket is running at http:\/\/127\.0\.0\.1:\d+\/\?code=/);
    expect(s.lines[0]).not.toContain(s.token);
    expect(s.lines[1]).toContain('embedded central at http://127.0.0.1:');
    const page = await fetch(new URL('/', s.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
    expect(await page.text()).toContain('<div id="root">');

    const before = await call(s, 'sync.status', {});
    expect(before.value).toMatchObject({ embedded: true, enrolled: false });
    const setup = await call(s, 'setup.initialize', {
      officeCode: 'lombok',
      workstationName: 'LOKET-01',
      counterNumber: 1,
      language: 'id',
      admin: { username: 'admin', fullName: 'Admin Kantor', password: ADMIN_PASSWORD },
    });
    expect(setup.ok).toBe(true);
    const synced = await waitFor(async () => {
      const st = await call(s, 'sync.status', {});
      return st.value?.enrolled === true && st.value.pendingOps === 0 && st.value.lastSyncAt ? st.value : undefined;
    });
    expect(synced).toMatchObject({ officeCode: 'lombok', online: true, rejected: 0 });
    // Everything the workstation and its embedded central (PGlite, blobs, admin token) created is this
    // account's only: no file wider than 0600, no folder wider than 0700.
    expect(existsSync(join(dataDir, 'central', 'pgdata'))).toBe(true);
    expect(widerThanPrivate(dataDir).map((e) => `${e.path} ${e.mode.toString(8)}`)).toEqual([]);
    expect(await stop(s)).toBe(0);
  });

  it('comes back after a restart with the office set up and the workstation still enrolled', async () => {
    const s = await start();
    const app = await call(s, 'app.status', {});
    expect(app.value).toMatchObject({ setupDone: true });
    const login = await call(s, 'auth.login', { username: 'admin', password: ADMIN_PASSWORD });
    expect(login.ok).toBe(true);
    const st = await waitFor(async () => {
      const v = (await call(s, 'sync.status', {})).value;
      return v?.online ? v : undefined;
    });
    expect(st).toMatchObject({ enrolled: true, officeCode: 'lombok', embedded: true });

    // The office queue is central's: a walk-in ticket is numbered there, not in local mode.
    const session = login.value!.sessionToken as string;
    const config = await waitFor(async () => {
      const c = (await call(s, 'queue.config', {}, session)).value as
        { mode: string; services: Array<{ code: string; prefix: string }> } | undefined;
      return c?.mode === 'central' && c.services.length > 0 ? c : undefined;
    });
    const service = config.services[0]!;
    const issued = await call(s, 'queue.issue', { requestId: 'start-test-0001', serviceCode: service.code }, session);
    expect(issued.error).toBeUndefined();
    expect(issued.value).toMatchObject({ mode: 'central', ticket: { number: `${service.prefix}-001`, serviceCode: service.code } });
    expect(await stop(s)).toBe(0);
  });
});
