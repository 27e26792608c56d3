// DejaVu Sans covers every Latin letter an Indonesian or foreign name can carry (the standard PDF fonts
// stop at WinAnsi). The bytes are read once and the parsed font is shared by every document: parsing
// DejaVu is most of the cost of a receipt, and each document still embeds only its own subset.
import fontkit from '@pdf-lib/fontkit';
import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PDFDocument, PDFFont } from 'pdf-lib';

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  /** Width of `text` in points at `size`: the sum of glyph advances, which is what pdf-lib draws. */
  width(text: string, size: number, bold?: boolean): number;
}

type FontkitLike = Parameters<PDFDocument['registerFontkit']>[0];
type ParsedFont = ReturnType<FontkitLike['create']>;

let bytes: { regular: Uint8Array; bold: Uint8Array } | undefined;
const parsed = new Map<Uint8Array, ParsedFont>();
// Advance per character at size 1, per style. Wrapping measures every word candidate, and asking
// pdf-lib each time runs a full shaping pass: this table is what keeps a receipt under 25 ms.
const advances = { regular: new Map<string, number>(), bold: new Map<string, number>() };

function advanceOf(style: 'regular' | 'bold', ch: string): number {
  const table = advances[style];
  let w = table.get(ch);
  if (w === undefined) {
    const font = cachingFontkit.create(fontBytes()[style]);
    w = font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth / font.unitsPerEm;
    table.set(ch, w);
  }
  return w;
}

function width(text: string, size: number, bold?: boolean): number {
  const style = bold ? 'bold' : 'regular';
  let total = 0;
  for (const ch of text) total += advanceOf(style, ch);
  return total * size;
}

function fontBytes(): { regular: Uint8Array; bold: Uint8Array } {
  if (!bytes) {
    const resolve = createRequire(import.meta.url).resolve;
    bytes = {
      regular: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
      bold: readFileSync(resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
    };
  }
  return bytes;
}

// pdf-lib asks its fontkit to parse the bytes on every embed; this one answers from the cache.
const cachingFontkit: FontkitLike = {
  create(data: Uint8Array, postscriptName?: string) {
    let font = parsed.get(data);
    if (!font) {
      font = fontkit.create(data, postscriptName);
      parsed.set(data, font);
    }
    return font;
  },
};

// PDF names a subset font "ABCDEF+Name" (ISO 32000 9.6.4); pdf-lib's own suffix style hides from
// readers and tools (pdffonts) that the font is a subset.
function subsetName(postscriptName: string): string {
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + randomInt(26));
  return `${tag}+${postscriptName}`;
}

// pdf-lib draws glyph advances only (it drops GPOS positions), so kerning and the positional lookups
// cost time for nothing, and ligatures would make drawn text narrower than measured. Mark features stay
// so a name typed with combining accents still composes.
const FEATURES = { kern: false, liga: false, clig: false, calt: false, rlig: false, rclt: false, curs: false, locl: false };

export async function embedFonts(doc: PDFDocument): Promise<Fonts> {
  doc.registerFontkit(cachingFontkit);
  const { regular, bold } = fontBytes();
  const [r, b] = await Promise.all([
    doc.embedFont(regular, { subset: true, customName: subsetName('DejaVuSans'), features: FEATURES }),
    doc.embedFont(bold, { subset: true, customName: subsetName('DejaVuSans-Bold'), features: FEATURES }),
  ]);
  return { regular: r, bold: b, width };
}
