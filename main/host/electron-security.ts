import type { Event, Session, WebContents } from 'electron';
import { isRendererUrl } from './electron-paths.js';
import { CSP } from './web-security.js';

/**
 * webContents ids allowed to use the camera. Only the capture window registers itself; every other
 * window, and anything that slips past navigation guards, is denied every permission.
 */
export class CaptureWindows {
  private readonly ids = new Set<number>();

  register(contents: WebContents): void {
    const id = contents.id;
    this.ids.add(id);
    contents.once('destroyed', () => this.ids.delete(id));
  }

  unregister(contents: WebContents): void {
    this.ids.delete(contents.id);
  }

  has(contents: WebContents | null | undefined): boolean {
    return contents != null && !contents.isDestroyed() && this.ids.has(contents.id);
  }
}

type Headers = Record<string, string[] | string>;

/** Our policy replaces whatever the response carried, whatever the header's case. */
export function withCsp(headers: Headers | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-security-policy') continue;
    out[name] = Array.isArray(value) ? value : [value];
  }
  out['Content-Security-Policy'] = [CSP];
  return out;
}

/**
 * Camera only (no microphone), only for a registered capture window showing our own page. Checks and
 * requests use the same rule so a page cannot learn more through one than the other.
 */
function cameraAllowed(
  capture: CaptureWindows,
  rendererUrl: string,
  contents: WebContents | null,
  permission: string,
  pageUrl: string | undefined,
  videoOnly: boolean,
): boolean {
  if (permission !== 'media' || !videoOnly || !capture.has(contents)) return false;
  return isRendererUrl(pageUrl ?? contents?.getURL() ?? '', rendererUrl);
}

export function hardenSession(ses: Session, capture: CaptureWindows, rendererUrl: string): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    const types = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    const videoOnly = types.length > 0 && types.every((t) => t === 'video');
    callback(cameraAllowed(capture, rendererUrl, contents, permission, details.requestingUrl, videoOnly));
  });
  ses.setPermissionCheckHandler((contents, permission, _origin, details) => {
    const videoOnly = details.mediaType === 'video' || details.mediaType === 'unknown';
    return cameraAllowed(capture, rendererUrl, contents, permission, details.requestingUrl, videoOnly);
  });
  // HID, serial and USB from the page: devices are driven from main/devices, never from the renderer.
  ses.setDevicePermissionHandler(() => false);
}

const guarded = new WeakSet<WebContents>();

/**
 * Our page never navigates (the renderer routes by hash), opens windows or embeds webviews. Applied to
 * each window we create and, as a second line, to every webContents Electron creates.
 */
export function hardenWebContents(contents: WebContents, rendererUrl: string): void {
  if (guarded.has(contents)) return;
  guarded.add(contents);
  const stayHome = (event: Event<{ url: string }>): void => {
    if (!isRendererUrl(event.url, rendererUrl)) event.preventDefault();
  };
  contents.on('will-navigate', stayHome);
  contents.on('will-redirect', stayHome);
  contents.on('will-frame-navigate', stayHome);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
