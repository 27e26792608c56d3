import { app, dialog, session, type BrowserWindow } from 'electron';
import { installShellPrinter, isPrintContents } from './electron-print.js';
import { Core } from '../core/core.js';
import { openWorkstationLog } from '../logging.js';
import { startShellBackground, type ShellBackground } from './electron-background.js';
import { safeStorageKeyWrapper } from './electron-keys.js';
import { followCaptureRoute } from './electron-capture.js';
import { bindIpc } from './electron-ipc.js';
import { installMenu } from './electron-menu.js';
import { shellPaths, type ShellPaths } from './electron-paths.js';
import { CaptureWindows, hardenSession, hardenWebContents } from './electron-security.js';
import { storageRefusal } from './electron-storage.js';
import { LoketWindows, createDisplayWindow, createMainWindow } from './electron-window.js';

export interface ShellOptions {
  /** Tests pretend to be Linux, Windows or macOS; the real shell uses process.platform. */
  platform?: NodeJS.Platform;
  /**
   * The central (embedded unless LOKET_CENTRAL_URL is set), background sync and the biometric devices.
   * On by default; shell tests that are about windows and IPC turn it off.
   */
  background?: boolean;
  centralUrl?: string | undefined;
}

export interface Shell {
  core: Core;
  paths: ShellPaths;
  windows: LoketWindows;
  capture: CaptureWindows;
  mainWindow: BrowserWindow;
  /** Resolves once central, sync and devices run; undefined when turned off or when they failed to start. */
  background: Promise<ShellBackground | undefined>;
}

/** How long quitting waits for sync and the embedded central to finish before Loket exits anyway. */
export const SHUTDOWN_GRACE_MS = 5_000;

function giveUp(title: string, message: string): null {
  dialog.showErrorBox(title, message);
  app.exit(1);
  return null;
}

/**
 * The Electron shell: one instance, sandboxed renderers, the storage refusal before any data is
 * touched, then core, IPC and the window. Resolves to null when Loket does not start.
 */
export async function startShell(opts: ShellOptions = {}): Promise<Shell | null> {
  const platform = opts.platform ?? process.platform;
  app.enableSandbox();
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return null;
  }
  if (platform === 'win32') app.setAppUserModelId('id.go.imigrasi.loket');

  const paths = shellPaths(app.getAppPath());
  const windows = new LoketWindows();
  const capture = new CaptureWindows();
  const dev = !app.isPackaged;
  // Second line of defence: whatever webContents Electron creates gets the same guards.
  app.on('web-contents-created', (_event, contents) => {
    if (!isPrintContents(contents)) hardenWebContents(contents, paths.rendererUrl);
  });

  await app.whenReady();
  const refusal = storageRefusal(platform);
  if (refusal) return giveUp(refusal.title, refusal.message);

  const log = await openWorkstationLog(app.getPath('userData'));
  let core: Core;
  try {
    core = Core.open({ dataDir: app.getPath('userData'), version: app.getVersion(), log, keyWrapper: safeStorageKeyWrapper(platform) });
  } catch (err) {
    log.error({ err }, 'could not open the workstation database');
    const detail = err instanceof Error ? err.message : String(err);
    return giveUp(
      'Loket tidak dapat dimulai / Loket cannot start',
      `Basis data lokal tidak dapat dibuka.\nThe local database could not be opened.\n\n${detail}`,
    );
  }
  log.info({ host: 'electron', version: app.getVersion() }, 'Loket started');
  core.startIdleSweep();
  hardenSession(session.defaultSession, capture, paths.rendererUrl);
  installShellPrinter(core);
  installMenu(platform, dev);
  const unbind = bindIpc(core, { rendererUrl: paths.rendererUrl, windows });
  const open = (): BrowserWindow => {
    const win = createMainWindow({ paths, windows, dev, log });
    followCaptureRoute(win.webContents, capture, paths.rendererUrl);
    return win;
  };
  const mainWindow = open();
  // LOKET_DISPLAY_BOARD=1 (first screen that is not the counter's) or =<display id>: the waiting-room board.
  const board = process.env.LOKET_DISPLAY_BOARD;
  if (board)
    createDisplayWindow({
      paths,
      windows,
      dev,
      log,
      ...(board !== '1' && Number.isInteger(Number(board)) ? { displayId: Number(board) } : {}),
    });

  app.on('second-instance', () => {
    const win = windows.all()[0];
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('activate', () => {
    if (windows.all().length === 0) open();
  });
  app.on('window-all-closed', () => {
    if (platform !== 'darwin') app.quit();
  });
  // Started after the window so the counter sees Loket at once; sync and devices report their own state.
  const background: Promise<ShellBackground | undefined> =
    opts.background === false
      ? Promise.resolve(undefined)
      : startShellBackground(core, { platform, centralUrl: opts.centralUrl ?? (process.env.LOKET_CENTRAL_URL || undefined) }).catch(
          (err: unknown) => {
            log.error({ err }, 'central, sync or the biometric devices did not start');
            return undefined;
          },
        );
  let closed = false;
  app.on('will-quit', (event?: { preventDefault(): void }) => {
    if (closed) return;
    closed = true;
    unbind();
    if (opts.background === false) return core.close();
    // Sync and the embedded central finish their writes before the database closes, then Loket exits.
    event?.preventDefault();
    void background
      .then((running) => Promise.race([running?.stop(), new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref())]))
      .catch((err: unknown) => log.error({ err }, 'stopping the background failed'))
      .finally(() => {
        core.close();
        app.exit(0);
      });
  });
  return { core, paths, windows, capture, mainWindow, background };
}
