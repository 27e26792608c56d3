// QR and Code 128 drawn as vector paths from bwip-js's encoded modules: crisp at any printer
// resolution, a few hundred bytes each, and no image to rasterise and compress per document.
import bwipjs from 'bwip-js/generic';
import { rgb, type PDFPage } from 'pdf-lib';

const BLACK = rgb(0, 0, 0);

interface Matrix {
  pixs: number[];
  pixx: number;
  pixy: number;
}

/** One path for all dark modules, joining each row's runs so a QR is a few dozen rectangles. */
function matrixPath(m: Matrix, module: number): string {
  const parts: string[] = [];
  for (let row = 0; row < m.pixy; row++) {
    let col = 0;
    while (col < m.pixx) {
      if (!m.pixs[row * m.pixx + col]) {
        col++;
        continue;
      }
      const start = col;
      while (col < m.pixx && m.pixs[row * m.pixx + col]) col++;
      parts.push(`M${r(start * module)} ${r(row * module)}h${r((col - start) * module)}v${r(module)}h${r(-(col - start) * module)}z`);
    }
  }
  return parts.join('');
}

const r = (v: number): string => (Math.round(v * 1000) / 1000).toString();

/** A QR code (error correction M) of `text`, `size` points square, top-left corner at (x, top). */
export function drawQr(page: PDFPage, text: string, x: number, top: number, size: number): void {
  const [sym] = bwipjs.raw('qrcode', text, 'eclevel=M') as Matrix[];
  if (!sym) throw new Error('bwip-js returned no QR symbol');
  page.drawSvgPath(matrixPath(sym, size / sym.pixx), { x, y: top, color: BLACK, borderWidth: 0 });
}

/** The width in points a Code 128 of `text` takes at `module` points per module (quiet zones excluded). */
export function code128Width(text: string, module: number): number {
  return code128Modules(text).reduce((s, w) => s + w, 0) * module;
}

function code128Modules(text: string): number[] {
  const [sym] = bwipjs.raw('code128', text, '') as { sbs: number[] }[];
  if (!sym) throw new Error('bwip-js returned no Code 128 symbol');
  return sym.sbs;
}

/** Code 128 bars of `text`, top-left at (x, top); leave 10 modules clear on either side for scanners. */
export function drawCode128(page: PDFPage, text: string, x: number, top: number, module: number, height: number): void {
  const sbs = code128Modules(text);
  const parts: string[] = [];
  let at = 0;
  sbs.forEach((w, i) => {
    // Even entries are bars, odd ones spaces.
    if (i % 2 === 0) parts.push(`M${r(at * module)} 0h${r(w * module)}v${r(height)}h${r(-w * module)}z`);
    at += w;
  });
  page.drawSvgPath(parts.join(''), { x, y: top, color: BLACK, borderWidth: 0 });
}
