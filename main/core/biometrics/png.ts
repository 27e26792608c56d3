// PNG for biometric stills (face photos, exception photos, simulator images), coded by fast-png. The
// images come from the renderer, so from anyone who can reach a call, and fast-png inflates image data
// without a bound (a 3 MB file can ask for gigabytes) and reads ancillary chunks it does not need (an
// embedded ICC profile is inflated too). So a guard goes first: it walks the chunks, checks every CRC,
// holds the header to our limits (8-bit grey or colour, not interlaced, at most 4096 x 4096 pixels) and
// inflates the image data with Node's zlib, bounded to exactly the size the header announces; fast-png
// then decodes only the header and the image data.
import { crc32, inflateSync } from 'node:zlib';
import { decode, encode } from 'fast-png';
import type { Rgba } from '@common/domain/biometrics/quality.js';

export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const IEND = Uint8Array.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
export const MAX_PNG_PIXELS = 4096 * 4096;
/** Channels per colour type: grey, RGB, grey + alpha, RGBA (what canvases and our simulator write). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export const isPng = (b: Uint8Array): boolean => b.length > 8 && SIGNATURE.every((s, i) => b[i] === s);

interface Guarded {
  width: number;
  height: number;
  channels: number;
  /** Whole chunks (length, type, data, CRC), as they are in the file. */
  ihdr: Uint8Array;
  idat: Uint8Array[];
}

function guard(bytes: Uint8Array): Guarded {
  if (!isPng(bytes)) throw new PngError('Not a PNG image');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let header: Omit<Guarded, 'idat'> | undefined;
  const idat: Uint8Array[] = [];
  for (let o = 8; o + 12 <= bytes.length;) {
    const len = view.getUint32(o);
    const type = String.fromCharCode(...bytes.subarray(o + 4, o + 8));
    if (o + 12 + len > bytes.length) throw new PngError('Truncated PNG');
    if (crc32(bytes.subarray(o + 4, o + 8 + len)) !== view.getUint32(o + 8 + len)) throw new PngError(`Corrupt PNG chunk ${type}`);
    const whole = bytes.subarray(o, o + 12 + len);
    if (type === 'IHDR') {
      if (len !== 13) throw new PngError('Malformed PNG header');
      const [width, height] = [view.getUint32(o + 8), view.getUint32(o + 12)];
      const [depth, colorType, compression, filter, interlace] = [
        bytes[o + 16],
        bytes[o + 17]!,
        bytes[o + 18],
        bytes[o + 19],
        bytes[o + 20],
      ];
      if (compression !== 0 || filter !== 0) throw new PngError('Unknown PNG compression or filter method');
      if (depth !== 8 || CHANNELS[colorType] === undefined || interlace !== 0)
        throw new PngError('Only 8-bit, non-interlaced grey or colour PNGs are accepted');
      if (width < 1 || height < 1 || width * height > MAX_PNG_PIXELS) throw new PngError('PNG size out of range');
      header = { width, height, channels: CHANNELS[colorType]!, ihdr: whole };
    } else if (type === 'IDAT') idat.push(whole);
    else if (type === 'IEND') break;
    o += 12 + len;
  }
  if (!header || idat.length === 0) throw new PngError('PNG has no image data');
  const expected = (header.width * header.channels + 1) * header.height;
  let inflated: Uint8Array;
  try {
    inflated = inflateSync(concat(idat.map((c) => c.subarray(8, c.length - 4))), { maxOutputLength: expected });
  } catch {
    throw new PngError('PNG image data is corrupt');
  }
  if (inflated.length < expected) throw new PngError('PNG image data is short');
  return { ...header, idat };
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

/** Decodes to RGBA; anything outside the limits above, or that fast-png cannot read, is a PngError. */
export function decodePng(bytes: Uint8Array): Rgba {
  const g = guard(bytes);
  let png: ReturnType<typeof decode>;
  try {
    png = decode(concat([SIGNATURE, g.ihdr, ...g.idat, IEND]), { checkCrc: true });
  } catch (err) {
    throw new PngError(`PNG cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  const { width, height, channels } = g;
  const px = png.data;
  if (png.width !== width || png.height !== height || png.channels !== channels || px.length !== width * height * channels)
    throw new PngError('PNG image data does not match its header');
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const d = i * 4;
    if (channels <= 2) {
      rgba[d] = rgba[d + 1] = rgba[d + 2] = px[s]!;
      rgba[d + 3] = channels === 2 ? px[s + 1]! : 255;
    } else {
      rgba[d] = px[s]!;
      rgba[d + 1] = px[s + 1]!;
      rgba[d + 2] = px[s + 2]!;
      rgba[d + 3] = channels === 4 ? px[s + 3]! : 255;
    }
  }
  return { width, height, data: rgba };
}

/** Encodes 8-bit grey (1 channel), RGB (3) or RGBA (4) pixels. */
export function encodePng(
  width: number,
  height: number,
  channels: 1 | 3 | 4,
  pixels: Uint8Array,
  opts: { level?: 3 | 6 } = {},
): Uint8Array {
  if (pixels.length !== width * height * channels) throw new PngError('Pixel buffer does not match the size');
  return encode({ width, height, channels, depth: 8, data: pixels }, { zlib: { level: opts.level ?? 6 } });
}
