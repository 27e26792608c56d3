// Files leave the web host and Electron's sandboxed page the same way: a blob or data URL given to a
// temporary link with `download`, so the browser's viewer opens it and the officer keeps a copy.

export function downloadHref(fileName: string, href: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
}

/** Returns the object URL; it is released after a while, long enough for the viewer to have read it. */
export function saveBlob(fileName: string, blob: Blob): string {
  const url = URL.createObjectURL(blob);
  downloadHref(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return url;
}

/** A PDF as the contract returns it (base64). */
export const pdfBlob = (base64: string): Blob =>
  new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'application/pdf' });
