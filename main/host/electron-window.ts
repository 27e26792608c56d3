import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type WebContents, type WebPreferences } from 'electron';
import { SILENT_LOG, type Log } from '../core/log.js';
import type { ShellPaths } from './electron-paths.js';
import { hardenWebContents } from './electron-security.js';

type WindowShape = Omit<BrowserWindowConstructorOptions, 'webPreferences'>;

/**
 * The only place a BrowserWindow is made: docs/architecture.md's "Security" preferences, written out
 * literally so electronegativity (and a reviewer) can see them, whatever the window shows.
 */
function secureWindow(
  shape: WindowShape,
  preload: string,
  devTools: boolean,
  autoplayPolicy?: WebPreferences['autoplayPolicy'],
): BrowserWindow {
  return new BrowserWindow({
    ...shape,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      // Middle-click would otherwise ask for a new window; the open handler denies it anyway.
      disableBlinkFeatures: 'Auxclick',
      devTools,
      ...(autoplayPolicy ? { autoplayPolicy } : {}),
    },
  });
}

/** The windows we created: the IPC host trusts these and nothing else. */
export class LoketWindows {
  private readonly set = new Set<BrowserWindow>();

  add(win: BrowserWindow): BrowserWindow {
    this.set.add(win);
    win.once('closed', () => this.set.delete(win));
    return win;
  }

  all(): BrowserWindow[] {
    return [...this.set].filter((w) => !w.isDestroyed());
  }

  owns(contents: WebContents): boolean {
    return this.all().some((w) => w.webContents.id === contents.id);
  }
}

export interface WindowOptions {
  paths: ShellPaths;
  windows: LoketWindows;
  /** Unpackaged runs keep DevTools; installed workstations do not. */
  dev: boolean;
  /** The shell's log (silent when left out, as in the window tests). */
  log?: Log;
}

function load(win: BrowserWindow, opts: WindowOptions, hash?: string): void {
  win.loadFile(opts.paths.rendererIndex, hash ? { hash } : {}).catch((err: unknown) => {
    (opts.log ?? SILENT_LOG).error({ err }, 'the renderer failed to load');
  });
}

export function createMainWindow(opts: WindowOptions): BrowserWindow {
  const { paths, windows, dev } = opts;
  const win = secureWindow(
    {
      width: 1366,
      height: 768,
      minWidth: 1024,
      minHeight: 640,
      show: false,
      title: 'Loket',
      backgroundColor: '#f5f7fa',
      autoHideMenuBar: !dev,
    },
    paths.preload,
    dev,
  );
  hardenWebContents(win.webContents, paths.rendererUrl);
  windows.add(win);
  win.once('ready-to-show', () => win.show());
  load(win, opts);
  return win;
}

/**
 * The waiting-room board, fullscreen on the chosen display (or the first one that is not the
 * counter's own screen). Same page and bridge; the renderer shows the board for `#/display`.
 */
export function createDisplayWindow(opts: WindowOptions & { displayId?: number }): BrowserWindow {
  const primary = screen.getPrimaryDisplay();
  const displays = screen.getAllDisplays();
  const target = displays.find((d) => d.id === opts.displayId) ?? displays.find((d) => d.id !== primary.id) ?? primary;
  const win = secureWindow(
    { x: target.bounds.x, y: target.bounds.y, fullscreen: true, frame: false, title: 'Loket — Antrean', backgroundColor: '#000000' },
    opts.paths.preload,
    opts.dev,
    // Nobody clicks a board on a wall: its chime and spoken call play without a gesture, whatever
    // Electron's default becomes (the page still offers a control if sound is held back).
    'no-user-gesture-required',
  );
  hardenWebContents(win.webContents, opts.paths.rendererUrl);
  opts.windows.add(win);
  load(win, opts, '/display');
  return win;
}
