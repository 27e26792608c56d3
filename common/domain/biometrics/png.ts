// A small PNG codec for biometric stills (face photos, exception photos, simulator images). No image
// library ships with Loket; PNG needs only zlib, which the caller passes in so this file stays pure.
import type { Rgba } from './quality.js';

export interface Zlib {
  deflate(data: Uint8Array): Uint8Array;
  /** Must refuse output larger than maxLength (a decompression bomb is an attack, not a photo). */
  inflate(data: Uint8Array, maxLength: number): Uint8Array;
}

export class PngError extends Error {
  override name = 'PngError';
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
export const MAX_PNG_PIXELS = 4096 * 4096;

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(bytes: Uint8Array, start: number, end: number): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (b: Uint8Array, o: number) => ((b[o]! << 24) | (b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!) >>> 0;

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** Encodes 8-bit grey (1 channel), RGB (3) or RGBA (4) pixels, filter 0 on every row. */
export function encodePng(width: number, height: number, channels: 1 | 3 | 4, pixels: Uint8Array, zlib: Zlib): Uint8Array {
  if (pixels.length !== width * height * channels) throw new PngError('Pixel buffer does not match the size');
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr[8] = 8;
  ihdr[9] = channels === 1 ? 0 : channels === 3 ? 2 : 6;
  const parts = [new Uint8Array(SIGNATURE), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflate(raw)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const isPng = (b: Uint8Array): boolean => b.length > 8 && SIGNATURE.every((s, i) => b[i] === s);

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Decodes the PNGs a browser canvas and our simulator produce: 8-bit grey, grey+alpha, RGB or RGBA,
 * not interlaced. Anything else is refused with a PngError rather than guessed at.
 */
export function decodePng(bytes: Uint8Array, zlib: Zlib): Rgba {
  if (!isPng(bytes)) throw new PngError('Not a PNG image');
  let o = 8;
  let width = 0;
  let height = 0;
  let colorType = -1;
  const idat: Uint8Array[] = [];
  while (o + 12 <= bytes.length) {
    const len = u32(bytes, o);
    const type = String.fromCharCode(bytes[o + 4]!, bytes[o + 5]!, bytes[o + 6]!, bytes[o + 7]!);
    if (o + 12 + len > bytes.length) throw new PngError('Truncated PNG');
    if (crc32(bytes, o + 4, o + 8 + len) !== u32(bytes, o + 8 + len)) throw new PngError(`Corrupt PNG chunk ${type}`);
    const data = bytes.subarray(o + 8, o + 8 + len);
    if (type === 'IHDR') {
      width = u32(data, 0);
      height = u32(data, 4);
      const depth = data[8];
      colorType = data[9]!;
      if (depth !== 8 || ![0, 2, 4, 6].includes(colorType) || data[12] !== 0) {
        throw new PngError('Only 8-bit, non-interlaced grey or colour PNGs are accepted');
      }
      if (width < 1 || height < 1 || width * height > MAX_PNG_PIXELS) throw new PngError('PNG size out of range');
    } else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    o += 12 + len;
  }
  if (colorType < 0 || idat.length === 0) throw new PngError('PNG has no image data');
  const channels = ({ 0: 1, 2: 3, 4: 2, 6: 4 } as Record<number, number>)[colorType]!;
  const stride = width * channels;
  const joined = new Uint8Array(idat.reduce((s, d) => s + d.length, 0));
  let j = 0;
  for (const d of idat) {
    joined.set(d, j);
    j += d.length;
  }
  let raw: Uint8Array;
  try {
    raw = zlib.inflate(joined, (stride + 1) * height);
  } catch {
    throw new PngError('PNG image data is corrupt');
  }
  if (raw.length < (stride + 1) * height) throw new PngError('PNG image data is short');
  const px = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels]! : 0;
      const b = y > 0 ? px[row - stride + x]! : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels]! : 0;
      const r = raw[src + x]!;
      let v: number;
      switch (filter) {
        case 0:
          v = r;
          break;
        case 1:
          v = r + a;
          break;
        case 2:
          v = r + b;
          break;
        case 3:
          v = r + ((a + b) >> 1);
          break;
        case 4:
          v = r + paeth(a, b, c);
          break;
        default:
          throw new PngError('Unknown PNG row filter');
      }
      px[row + x] = v & 0xff;
    }
  }
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const d = i * 4;
    if (channels === 1 || channels === 2) {
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
