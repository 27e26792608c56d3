// The shell's start-up and shutdown (main/host/electron-app.ts and the main/electron.ts entry).
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES } from '@common/contract/index.js';
import { startShell, type Shell } from '@main/host/electron-app.js';
import { FakeBrowserWindow, Menu, app, dialog, ipcMain, resetFakeElectron, safeStorage, session } from '../fixtures/fake-electron/index.js';
import { workstationLog } from '../support/log.js';

// The extras add net, powerMonitor and safeStorage's sealing, which the shell's background uses.
vi.mock('electron', async () => (await import('../fixtures/fake-electron-extras.js')).electronWithExtras);

let dir: string;
let shell: Shell | null = null;

beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'loket-shell-'));
  app.userData = join(dir, 'userData');
});

afterEach(() => {
  if (shell) app.emit('will-quit');
  shell = null;
  resetFakeElectron();
  rmSync(dir, { recursive: true, force: true });
});

describe('electron shell', () => {
  it('starts sandboxed, opens core in userData, hardens the session, binds IPC and opens the window', async () => {
    app.isPackaged = true;
    shell = await startShell({ platform: 'linux', background: false });
    expect(shell).not.toBeNull();
    expect(app.sandboxEnabled).toBe(true);
    expect(existsSync(join(app.userData, 'loket.sqlite'))).toBe(true);
    expect(shell?.core.dataDir).toBe(app.userData);
    const ses = session.defaultSession;
    expect(ses.headersListener && ses.permissionRequestHandler && ses.permissionCheckHandler && ses.devicePermissionHandler).toBeTruthy();
    expect(ipcMain.handlers.size).toBe(CALL_NAMES.length);
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
    expect(shell?.mainWindow.webContents.getURL()).toBe('file:///opt/loket/out/renderer/index.html');
    expect(Menu.current).toBeNull(); // no menu on an installed Linux or Windows counter
  });

  it('opens the waiting-room board beside the counter window when LOKET_DISPLAY_BOARD is set', async () => {
    vi.stubEnv('LOKET_DISPLAY_BOARD', '1');
    try {
      shell = await startShell({ platform: 'linux', background: false });
      const [, board] = FakeBrowserWindow.getAllWindows() as FakeBrowserWindow[];
      expect(board?.options).toMatchObject({ fullscreen: true, frame: false });
      expect(board?.webContents.getURL()).toBe('file:///opt/loket/out/renderer/index.html#/display');
      expect(shell?.mainWindow.webContents.getURL()).toBe('file:///opt/loket/out/renderer/index.html');
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it('hardens webContents it did not create itself', async () => {
    shell = await startShell({ platform: 'linux', background: false });
    const stray = new FakeBrowserWindow({});
    expect(stray.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('refuses to start on the Linux basic_text safeStorage backend, before touching any data', async () => {
    safeStorage.backend = 'basic_text';
    shell = await startShell({ platform: 'linux' });
    expect(shell).toBeNull();
    expect(dialog.errors).toHaveLength(1);
    expect(dialog.errors[0]?.content).toMatch(/keyring/i);
    expect(app.exitCodes).toEqual([1]);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    expect(ipcMain.handlers.size).toBe(0);
    expect(existsSync(app.userData) ? readdirSync(app.userData) : []).toEqual([]);
  });

  it('refuses to start when the OS cannot encrypt at all', async () => {
    safeStorage.available = false;
    shell = await startShell({ platform: 'win32' });
    expect(shell).toBeNull();
    expect(app.exitCodes).toEqual([1]);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('starts with a real keyring backend', async () => {
    for (const backend of ['gnome_libsecret', 'kwallet6']) {
      resetFakeElectron();
      app.userData = join(dir, backend);
      safeStorage.backend = backend;
      const started = await startShell({ platform: 'linux', background: false });
      expect(started, backend).not.toBeNull();
      app.emit('will-quit');
    }
  });

  it('leaves to the running instance when it is not the first', async () => {
    app.singleInstance = false;
    shell = await startShell({ platform: 'linux' });
    expect(shell).toBeNull();
    expect(app.quitCalls).toBe(1);
    expect(existsSync(app.userData)).toBe(false);
  });

  it('quits when the last window closes and closes core on quit', async () => {
    shell = await startShell({ platform: 'win32', background: false });
    const core = shell?.core;
    shell?.mainWindow.close();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(1);
    expect(core?.liveDb.open).toBe(false);
    expect(ipcMain.handlers.size).toBe(0);
    shell = null;
  });

  it('stays open on macOS when the last window closes, and reopens it on activate', async () => {
    shell = await startShell({ platform: 'darwin', background: false });
    shell?.mainWindow.close();
    app.emit('window-all-closed');
    expect(app.quitCalls).toBe(0);
    app.emit('activate');
    expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1);
  });

  it('keeps reload and DevTools for unpackaged runs only', async () => {
    app.isPackaged = false;
    shell = await startShell({ platform: 'linux', background: false });
    expect(JSON.stringify(Menu.current)).toContain('toggleDevTools');
    expect(shell?.mainWindow.webContents).toBeDefined();
    expect((FakeBrowserWindow.instances[0]?.options.webPreferences ?? {}).devTools).toBe(true);
  });

  it('the entry point starts the shell with its background, and quitting stops both', { timeout: 30_000 }, async () => {
    await import('@main/electron.js');
    await vi.waitFor(() => expect(FakeBrowserWindow.getAllWindows()).toHaveLength(1));
    expect(app.sandboxEnabled).toBe(true);
    expect(ipcMain.handlers.size).toBe(CALL_NAMES.length);
    await vi.waitFor(
      () =>
        expect(workstationLog(app.userData)).toContainEqual(
          expect.objectContaining({ embedded: true, central: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/) }),
        ),
      { timeout: 20_000 },
    );
    app.emit('will-quit', { preventDefault() {} });
    await vi.waitFor(() => expect(app.exitCodes).toEqual([0]), { timeout: 20_000 });
  });
});
