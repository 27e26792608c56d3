// A top-down writer over pdf-lib pages: a cursor that moves down as text, grids and rules are laid
// out, wrapping long names instead of letting them run off the paper, and starting a new page when
// one is full. With no document (measure mode) it only counts height, which is how the 80 mm ticket
// learns how long to cut its paper.
import { degrees, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { Fonts } from './fonts.js';

export const MM = 72 / 25.4;
export const PAPER = { A4: [595.28, 841.89], A5: [419.53, 595.28] } as const;

export const INK = rgb(0.08, 0.08, 0.1);
export const MUTED = rgb(0.38, 0.38, 0.42);
export const RULE = rgb(0.72, 0.72, 0.76);
export const SHADE = rgb(0.94, 0.95, 0.97);
export const ALERT = rgb(0.78, 0.08, 0.08);

export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: RGB;
  align?: 'left' | 'center' | 'right';
  /** Left edge; defaults to the sheet's left margin. */
  x?: number;
  /** Wrap width; defaults to the full width from x to the right margin. */
  width?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
}

/** Breaks text into lines that fit `width`; a word longer than the line is broken by characters. */
export function wrapText(text: string, measure: (s: string) => number, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (measure(candidate) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      line = word;
      while (measure(line) > width && line.length > 1) {
        let cut = line.length - 1;
        while (cut > 1 && measure(line.slice(0, cut)) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

export interface SheetOptions {
  size: readonly [number, number];
  margin: number;
  /** Space kept free at the bottom of every page for the footer. */
  footer: number;
  /** Multiplies every font size and fixed height (A5 is laid out smaller than A4). */
  scale?: number;
}

export class Sheet {
  page: PDFPage | null;
  readonly pages: PDFPage[] = [];
  y: number;
  readonly left: number;
  readonly right: number;
  readonly k: number;

  constructor(
    readonly doc: PDFDocument | null,
    readonly fonts: Fonts,
    readonly opts: SheetOptions,
  ) {
    this.k = opts.scale ?? 1;
    this.left = opts.margin;
    this.right = opts.size[0] - opts.margin;
    this.page = doc ? doc.addPage([opts.size[0], opts.size[1]]) : null;
    if (this.page) this.pages.push(this.page);
    this.y = opts.size[1] - opts.margin;
  }

  get width(): number {
    return this.right - this.left;
  }

  get bottom(): number {
    return this.opts.margin + this.opts.footer;
  }

  font(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Starts a new page when fewer than `height` points are left above the footer. */
  ensure(height: number): void {
    if (!this.doc || this.y - height >= this.bottom) return;
    this.page = this.doc.addPage([this.opts.size[0], this.opts.size[1]]);
    this.pages.push(this.page);
    this.y = this.opts.size[1] - this.opts.margin;
  }

  gap(points: number): void {
    this.y -= points * this.k;
  }

  lines(text: string, style: TextStyle): string[] {
    const x = style.x ?? this.left;
    const size = style.size * this.k;
    return wrapText(text, (t) => this.fonts.width(t, size, style.bold), style.width ?? this.right - x);
  }

  textHeight(text: string, style: TextStyle): number {
    return this.lines(text, style).length * style.size * this.k * (style.leading ?? 1.3);
  }

  /** Draws wrapped text at an explicit top without moving the cursor; returns the height used. */
  textAt(text: string, top: number, style: TextStyle): number {
    const size = style.size * this.k;
    const font = this.font(style.bold);
    const x = style.x ?? this.left;
    const width = style.width ?? this.right - x;
    const step = size * (style.leading ?? 1.3);
    const ascent = font.heightAtSize(size, { descender: false });
    const lines = wrapText(text, (t) => this.fonts.width(t, size, style.bold), width);
    lines.forEach((line, i) => {
      if (!this.page) return;
      const w = this.fonts.width(line, size, style.bold);
      const lx = style.align === 'center' ? x + (width - w) / 2 : style.align === 'right' ? x + width - w : x;
      this.page.drawText(line, { x: lx, y: top - ascent - i * step - (step - size) / 2, size, font, color: style.color ?? INK });
    });
    return lines.length * step;
  }

  /** Draws wrapped text at the cursor and moves below it. */
  text(text: string, style: TextStyle): void {
    this.ensure(this.textHeight(text, style));
    this.y -= this.textAt(text, this.y, style);
  }

  rule(thickness = 0.5, color: RGB = RULE, x0 = this.left, x1 = this.right): void {
    this.page?.drawLine({ start: { x: x0, y: this.y }, end: { x: x1, y: this.y }, thickness, color });
  }

  box(x: number, top: number, width: number, height: number, o: { fill?: RGB; border?: RGB; borderWidth?: number }): void {
    this.page?.drawRectangle({
      x,
      y: top - height,
      width,
      height,
      color: o.fill,
      borderColor: o.border,
      borderWidth: o.border ? (o.borderWidth ?? 1) : 0,
    });
  }

  /**
   * Large diagonal text across every page, over the content, rising from bottom left. `shift` moves it
   * across the diagonal (in points, up-left when positive), so two marks on one page lie side by side.
   */
  watermark(text: string, color: RGB, shift = 0): void {
    const [w, h] = this.opts.size;
    const font = this.fonts.bold;
    const size = Math.min(110, (Math.hypot(w, h) * 0.62) / Math.max(1, font.widthOfTextAtSize(text, 1)));
    const angle = Math.atan2(h, w);
    const tw = font.widthOfTextAtSize(text, size);
    const ascent = font.heightAtSize(size, { descender: false });
    // Centre the rotated baseline on the page centre, then move it `shift` along the normal.
    const x = w / 2 - (Math.cos(angle) * tw) / 2 + (Math.sin(angle) * ascent) / 2 - Math.sin(angle) * shift;
    const y = h / 2 - (Math.sin(angle) * tw) / 2 - (Math.cos(angle) * ascent) / 2 + Math.cos(angle) * shift;
    for (const page of this.pages)
      page.drawText(text, { x, y, size, font, color, opacity: 0.22, rotate: degrees((angle * 180) / Math.PI) });
  }
}
