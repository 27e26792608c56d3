// The capture window: a Loket window becomes one while it shows the capture screen of an application
// (#/<section>/capture/<uuid>) and stops being one when it leaves it, so the camera is granted to that
// screen alone (electron-security.ts) and released with it.
import type { WebContents } from 'electron';
import { isRendererUrl } from './electron-paths.js';
import type { CaptureWindows } from './electron-security.js';

const CAPTURE_HASH = /^#\/[a-z]+\/capture\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for our own page showing the capture screen; any other page or screen is not a capture window. */
export function isCaptureUrl(url: string, rendererUrl: string): boolean {
  if (!isRendererUrl(url, rendererUrl)) return false;
  try {
    return CAPTURE_HASH.test(new URL(url).hash);
  } catch {
    return false;
  }
}

export function followCaptureRoute(contents: WebContents, capture: CaptureWindows, rendererUrl: string): void {
  const follow = (url: string): void => {
    if (isCaptureUrl(url, rendererUrl)) capture.register(contents);
    else capture.unregister(contents);
  };
  // Hash routing never reloads the page: in-page navigations carry every screen change.
  contents.on('did-navigate-in-page', (_event, url) => follow(url));
  contents.on('did-navigate', (_event, url) => follow(url));
}
