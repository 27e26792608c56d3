// The window and session hardening of docs/architecture.md's "Security", against a fake 'electron'.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakeBrowserWindow, app, resetFakeElectron, session } from '../fixtures/fake-electron/index.js';
import { shellPaths, isRendererUrl } from '@main/host/electron-paths.js';
import { CaptureWindows, hardenSession, hardenWebContents } from '@main/host/electron-security.js';
import { LoketWindows, createDisplayWindow, createMainWindow } from '@main/host/electron-window.js';
import { CSP } from '@main/host/web-security.js';

vi.mock('electron', async () => (await import('../fixtures/fake-electron/index.js')).electron);

const paths = shellPaths('/opt/loket');
const ses = session.defaultSession;

function openMain(): FakeBrowserWindow {
  return createMainWindow({ paths, windows: new LoketWindows(), dev: false }) as unknown as FakeBrowserWindow;
}

beforeEach(() => resetFakeElectron());
afterEach(() => resetFakeElectron());

describe('main window', () => {
  it('has the secure webPreferences and our preload', () => {
    const win = openMain();
    expect(win.options.webPreferences).toMatchObject({
      preload: '/opt/loket/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      devTools: false,
    });
  });

  it('loads out/renderer/index.html from a file', () => {
    const win = openMain();
    expect(win.webContents.getURL()).toBe('file:///opt/loket/out/renderer/index.html');
    expect(isRendererUrl(win.webContents.getURL(), paths.rendererUrl)).toBe(true);
  });

  it('prevents navigation, redirects and frame navigation away from our page', () => {
    const { webContents } = openMain();
    for (const url of [
      'https://evil.example/',
      'file:///etc/passwd',
      'file:///opt/loket/out/renderer/other.html',
      `${paths.rendererUrl}?x=1`,
      'javascript:alert(1)',
    ]) {
      expect(webContents.attempt('will-navigate', url), url).toBe(true);
      expect(webContents.attempt('will-redirect', url), url).toBe(true);
      expect(webContents.attempt('will-frame-navigate', url), url).toBe(true);
    }
    expect(webContents.attempt('will-navigate', `${paths.rendererUrl}#/queue`)).toBe(false);
  });

  it('denies window.open and webview attachment', () => {
    const { webContents } = openMain();
    expect(webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
    expect(webContents.openWindow(paths.rendererUrl)).toEqual({ action: 'deny' });
    expect(webContents.attempt('will-attach-webview', 'https://evil.example/')).toBe(true);
  });

  it('guards every webContents Electron creates, not only our windows', () => {
    app.on('web-contents-created', (_e: unknown, contents: unknown) => hardenWebContents(contents as never, paths.rendererUrl));
    const stray = new FakeBrowserWindow({}); // e.g. a window some future code forgets to harden
    expect(stray.webContents.attempt('will-navigate', 'https://evil.example/')).toBe(true);
    expect(stray.webContents.openWindow('https://evil.example/')).toEqual({ action: 'deny' });
  });

  it('opens the display board fullscreen on the second display at #/display', () => {
    const win = createDisplayWindow({ paths, windows: new LoketWindows(), dev: false }) as unknown as FakeBrowserWindow;
    expect(win.options).toMatchObject({ x: 1920, fullscreen: true });
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      autoplayPolicy: 'no-user-gesture-required',
    });
    expect(win.webContents.getURL()).toBe(`${paths.rendererUrl}#/display`);
  });
});

describe('isRendererUrl', () => {
  const win = 'file:///C:/Program%20Files/Loket/resources/app.asar/out/renderer/index.html';
  it('accepts our page with any hash, whatever the drive letter case', () => {
    expect(isRendererUrl(`${win}#/display`, win)).toBe(true);
    expect(isRendererUrl(win.replace('C:', 'c:'), win)).toBe(true);
  });
  it('refuses look-alikes', () => {
    for (const url of [
      'file:///C:/Program%20Files/Loket/resources/app.asar/out/renderer/index.html.evil',
      'file:///C:/Program%20Files/Loket/resources/app.asar/out/renderer/../renderer2/index.html',
      'file://evil-host/C:/Program%20Files/Loket/resources/app.asar/out/renderer/index.html',
      'http://localhost/C:/Program%20Files/Loket/resources/app.asar/out/renderer/index.html',
      `${win}?inject=1`,
      'not a url',
      '',
    ]) {
      expect(isRendererUrl(url, win), url).toBe(false);
    }
  });
});

describe('session', () => {
  it('sets our CSP on every response, replacing any the response carried', async () => {
    hardenSession(ses as never, new CaptureWindows(), paths.rendererUrl);
    const headers = await ses.respond(paths.rendererUrl, { 'content-security-policy': ['default-src *'], 'X-Other': ['1'] });
    expect(headers?.['Content-Security-Policy']).toEqual([CSP]);
    expect(headers?.['content-security-policy']).toBeUndefined();
    expect(headers?.['X-Other']).toEqual(['1']);
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("object-src 'none'");
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('denies every permission request and check', async () => {
    hardenSession(ses as never, new CaptureWindows(), paths.rendererUrl);
    const { webContents } = openMain();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'display-capture']) {
      expect(await ses.requestPermission(webContents, permission, { mediaTypes: ['video'] }), permission).toBe(false);
      expect(ses.checkPermission(webContents, permission, { mediaType: 'video' }), permission).toBe(false);
    }
    expect((ses.devicePermissionHandler as () => boolean)()).toBe(false);
  });

  it('allows the camera, and only the camera, to a registered capture window', async () => {
    const capture = new CaptureWindows();
    hardenSession(ses as never, capture, paths.rendererUrl);
    const counter = openMain();
    const captureWin = openMain();
    capture.register(captureWin.webContents as never);

    expect(await ses.requestPermission(captureWin.webContents, 'media', { mediaTypes: ['video'] })).toBe(true);
    expect(ses.checkPermission(captureWin.webContents, 'media', { mediaType: 'video' })).toBe(true);
    expect(await ses.requestPermission(captureWin.webContents, 'media', { mediaTypes: ['video', 'audio'] })).toBe(false);
    expect(await ses.requestPermission(captureWin.webContents, 'media', { mediaTypes: ['audio'] })).toBe(false);
    expect(await ses.requestPermission(captureWin.webContents, 'geolocation', {})).toBe(false);
    expect(await ses.requestPermission(counter.webContents, 'media', { mediaTypes: ['video'] })).toBe(false);
    expect(ses.checkPermission(null, 'media', { mediaType: 'video' })).toBe(false);

    // A capture window that left our page (should navigation guards ever fail) loses the camera.
    expect(
      await ses.requestPermission(captureWin.webContents, 'media', { mediaTypes: ['video'], requestingUrl: 'https://evil.example/' }),
    ).toBe(false);
    // And a closed one is forgotten, so a recycled id cannot inherit it.
    captureWin.close();
    expect(capture.has(captureWin.webContents as never)).toBe(false);
  });
});
