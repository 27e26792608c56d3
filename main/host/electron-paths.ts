import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the shell finds its own files, all derived from app.getAppPath() (the CJS bundle has no import.meta). */
export interface ShellPaths {
  rendererIndex: string;
  /** The file:// URL Chromium reports for rendererIndex; the only page we trust. */
  rendererUrl: string;
  preload: string;
}

export function shellPaths(appPath: string): ShellPaths {
  const rendererIndex = join(appPath, 'out', 'renderer', 'index.html');
  return {
    rendererIndex,
    rendererUrl: pathToFileURL(rendererIndex).href,
    preload: join(appPath, 'out', 'preload', 'preload.cjs'),
  };
}

function normalisedPath(url: URL): string {
  const path = decodeURIComponent(url.pathname);
  // Windows drive letters come back in either case from Chromium.
  return /^\/[A-Za-z]:\//.test(path) ? path.toLowerCase() : path;
}

/**
 * True only for our renderer page itself. The hash is ignored (the display board is `#/display`);
 * a query, another file or any other scheme is not ours.
 */
export function isRendererUrl(candidate: string, rendererUrl: string): boolean {
  let url: URL;
  let ours: URL;
  try {
    url = new URL(candidate);
    ours = new URL(rendererUrl);
  } catch {
    return false;
  }
  return (
    url.protocol === 'file:' && url.host === '' && url.search === '' && url.username === '' && normalisedPath(url) === normalisedPath(ours)
  );
}
