// The capture window (main/host/electron-capture.ts): the shell's window gets the camera while it shows
// an application's capture screen, and loses it when it shows anything else.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isCaptureUrl } from '@main/host/electron-capture.js';
import { startShell, type Shell } from '@main/host/electron-app.js';
import { app, resetFakeElectron, session, type FakeWebContents } from '../fixtures/fake-electron/index.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron-extras.js')).electronWithExtras);

const APP_ID = '01a2254e-6128-72fc-810a-d0d32ac720c8';
let dir: string;
let shell: Shell | null;
beforeEach(() => {
  resetFakeElectron();
  dir = mkdtempSync(join(tmpdir(), 'loket-capture-win-'));
  app.userData = join(dir, 'userData');
});
afterEach(() => {
  if (shell) app.emit('will-quit');
  shell = null;
  resetFakeElectron();
  rmSync(dir, { recursive: true, force: true });
});

describe('capture window', () => {
  const renderer = 'file:///opt/loket/out/renderer/index.html';

  it('recognises only our page on a capture route with an application id', () => {
    expect(isCaptureUrl(`${renderer}#/loket/capture/${APP_ID}`, renderer)).toBe(true);
    expect(isCaptureUrl(`${renderer}#/supervisor/capture/${APP_ID}`, renderer)).toBe(true);
    expect(isCaptureUrl(`${renderer}#/loket`, renderer)).toBe(false);
    expect(isCaptureUrl(`${renderer}#/loket/capture/not-an-id`, renderer)).toBe(false);
    expect(isCaptureUrl(`file:///tmp/evil.html#/loket/capture/${APP_ID}`, renderer)).toBe(false);
    expect(isCaptureUrl(`https://evil.example/#/loket/capture/${APP_ID}`, renderer)).toBe(false);
  });

  it('grants the camera while the window shows the capture screen, and takes it back after', async () => {
    shell = await startShell({ platform: 'linux', background: false });
    const contents = shell!.mainWindow.webContents as unknown as FakeWebContents;
    const ses = session.defaultSession;
    const camera = () => ses.requestPermission(contents, 'media', { mediaTypes: ['video'] });
    expect(await camera()).toBe(false);

    contents.emit('did-navigate-in-page', {}, `${renderer}#/loket/capture/${APP_ID}`);
    expect(await camera()).toBe(true);
    expect(ses.checkPermission(contents, 'media', { mediaType: 'video' })).toBe(true);
    // Video only, even there.
    expect(await ses.requestPermission(contents, 'media', { mediaTypes: ['video', 'audio'] })).toBe(false);

    contents.emit('did-navigate-in-page', {}, `${renderer}#/loket`);
    expect(await camera()).toBe(false);
    expect(ses.checkPermission(contents, 'media', { mediaType: 'video' })).toBe(false);
  });
});
