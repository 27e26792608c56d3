// The IPC host: sender-frame check before anything else, then the real dispatcher and a real Core.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, EVENT_NAMES } from '@common/contract/index.js';
import { IPC_EVENT_CHANNEL, ipcCallChannel } from '@common/contract/bridge.js';
import { Core } from '@main/core/core.js';
import * as dispatchModule from '@main/ipc/dispatch.js';
import { bindIpc } from '@main/host/electron-ipc.js';
import { shellPaths } from '@main/host/electron-paths.js';
import { LoketWindows, createMainWindow } from '@main/host/electron-window.js';
import { FakeBrowserWindow, FakeFrame, ipcMain, resetFakeElectron, type FakeWebContents } from '../fixtures/fake-electron/index.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron/index.js')).electron);

const paths = shellPaths('/opt/loket');
let dir: string;
let core: Core;
let windows: LoketWindows;
let win: FakeBrowserWindow;
let unbind: () => void;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'loket-ipc-'));
  core = Core.open({ dataDir: dir });
  windows = new LoketWindows();
  win = createMainWindow({ paths, windows, dev: false }) as unknown as FakeBrowserWindow;
  unbind = bindIpc(core, { rendererUrl: paths.rendererUrl, windows });
});

afterEach(() => {
  unbind();
  core.close();
  resetFakeElectron();
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const fromOurPage = (contents: FakeWebContents = win.webContents) => ({ sender: contents, senderFrame: contents.mainFrame });
const call = (
  name: string,
  event: ReturnType<typeof fromOurPage> | { sender: FakeWebContents; senderFrame: FakeFrame | null },
  input?: unknown,
  token?: unknown,
) =>
  ipcMain.invoke(ipcCallChannel(name as never), event, input, token) as Promise<{ ok: boolean; value?: unknown; error?: { code: string } }>;

describe('electron IPC host', () => {
  it('binds exactly one handler per contract call', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => ipcCallChannel(n)).sort());
  });

  it('answers our page through the real core', async () => {
    const spy = vi.spyOn(dispatchModule, 'dispatch'); // the positive control for the FORBIDDEN cases below
    const res = await call('app.status', fromOurPage(), {});
    expect(spy).toHaveBeenCalledWith(core, 'app.status', {}, { sessionToken: undefined });
    expect(res.ok).toBe(true);
    expect(res.value).toMatchObject({ setupDone: false, training: false });
  });

  it('passes the session token beside the input', async () => {
    expect((await call('reference.services', fromOurPage(), {})).error?.code).toBe('UNAUTHENTICATED');
    expect((await call('reference.services', fromOurPage(), {}, 'not-a-session')).error?.code).toBe('UNAUTHENTICATED');
    expect((await call('reference.services', fromOurPage(), {}, { evil: true })).error?.code).toBe('UNAUTHENTICATED');
  });

  it('answers bad input with VALIDATION, never a throw', async () => {
    const res = await call('auth.login', fromOurPage(), { username: '', password: 42, extra: 1 });
    expect(res).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  describe('refuses foreign senders with FORBIDDEN without reaching core', () => {
    const cases: [string, () => { sender: FakeWebContents; senderFrame: FakeFrame | null }][] = [
      [
        'another URL in our window',
        () => {
          win.webContents.mainFrame.url = 'https://evil.example/';
          return fromOurPage();
        },
      ],
      [
        'another file in our window',
        () => {
          win.webContents.mainFrame.url = 'file:///opt/loket/out/renderer/evil.html';
          return fromOurPage();
        },
      ],
      ['a subframe showing our own page', () => ({ sender: win.webContents, senderFrame: win.webContents.subframe(paths.rendererUrl) })],
      ['a subframe elsewhere', () => ({ sender: win.webContents, senderFrame: win.webContents.subframe('https://evil.example/') })],
      ['a vanished frame', () => ({ sender: win.webContents, senderFrame: null })],
      [
        'a frame claiming to be our main frame from another process',
        () => {
          const forged = new FakeFrame(9999, 1);
          forged.url = paths.rendererUrl;
          return { sender: win.webContents, senderFrame: forged };
        },
      ],
      [
        'a window we did not create, showing our page',
        () => {
          const stray = new FakeBrowserWindow({});
          stray.webContents.mainFrame.url = paths.rendererUrl;
          return fromOurPage(stray.webContents);
        },
      ],
    ];
    for (const [label, event] of cases) {
      it(label, async () => {
        const spy = vi.spyOn(dispatchModule, 'dispatch');
        const warn = vi.spyOn(core.log, 'warn');
        const res = await call('app.status', event(), {});
        expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        expect(spy).not.toHaveBeenCalled();
        expect(warn).toHaveBeenCalledOnce();
        expect(warn).toHaveBeenCalledWith(expect.objectContaining({ call: 'app.status' }), expect.any(String));
      });
    }
  });

  it('answers the display board too (same page, #/display)', async () => {
    win.webContents.mainFrame.url = `${paths.rendererUrl}#/display`;
    expect((await call('app.status', fromOurPage(), {})).ok).toBe(true);
  });

  it('forwards core events to our windows', async () => {
    const res = await call('setup.enterTraining', fromOurPage(), {});
    expect(res.ok).toBe(true);
    core.events.emit('session.changed', { sessionId: 's1', state: 'locked' });
    expect(win.webContents.sent).toEqual([
      { channel: IPC_EVENT_CHANNEL, args: ['app.changed', { training: true, setupDone: true }] },
      { channel: IPC_EVENT_CHANNEL, args: ['session.changed', { sessionId: 's1', state: 'locked' }] },
    ]);
  });

  it('does not send events to a window that is not on our page, or is closed', () => {
    const away = createMainWindow({ paths, windows, dev: false }) as unknown as FakeBrowserWindow;
    away.webContents.mainFrame.url = 'https://evil.example/';
    const closed = createMainWindow({ paths, windows, dev: false }) as unknown as FakeBrowserWindow;
    closed.close();
    core.events.emit('session.changed', { sessionId: 's1', state: 'ended' });
    expect(win.webContents.sent).toHaveLength(1);
    expect(away.webContents.sent).toHaveLength(0);
    expect(closed.webContents.sent).toHaveLength(0);
  });

  it('unbinds handlers and event forwarding', () => {
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
    for (const name of EVENT_NAMES)
      core.events.emit(
        name,
        name === 'app.changed' ? { training: false, setupDone: false } : ({ sessionId: 's', state: 'ended' } as never),
      );
    expect(win.webContents.sent).toHaveLength(0);
    unbind = () => {};
  });
});
