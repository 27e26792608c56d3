import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readIso, writeIso } from '@common/domain/biometrics/iso.js';
import { decodePng, encodePng, MAX_PNG_PIXELS, PngError } from '@main/core/biometrics/png.js';
import { centredCrop, cropResize, faceQuality, isBetter, rateAttempt, toGray, type Gray } from '@common/domain/biometrics/quality.js';
import { face, fingerprint } from '@main/devices/sbi-sim/images.js';
import { encodeGrayJpeg } from '@main/devices/sbi-sim/jpeg.js';

/** One PNG chunk with its CRC, for writing PNGs the encoder never would. */
function chunk(type: string, data: Uint8Array): Buffer {
  const c = Buffer.alloc(12 + data.length);
  c.writeUInt32BE(data.length, 0);
  c.write(type, 4, 'latin1');
  Buffer.from(data).copy(c, 8);
  c.writeUInt32BE(crc32(c.subarray(4, 8 + data.length)), 8 + data.length);
  return c;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG from a header and raw (filtered) rows, plus any extra chunks before the image data. */
function pngOf(
  h: { width: number; height: number; depth?: number; colorType?: number; interlace?: number },
  raw: Uint8Array,
  extra: Buffer[] = [],
): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(h.width, 0);
  ihdr.writeUInt32BE(h.height, 4);
  ihdr[8] = h.depth ?? 8;
  ihdr[9] = h.colorType ?? 0;
  ihdr[12] = h.interlace ?? 0;
  return Buffer.concat([SIGNATURE, chunk('IHDR', ihdr), ...extra, chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array(0))]);
}

/** A PNG written with every row filter (as browsers write them), to check the decoder's unfiltering. */
function filteredPng(w: number, h: number, rgba: Uint8Array): Uint8Array {
  const stride = w * 4;
  const raw = new Uint8Array((stride + 1) * h);
  const px = (y: number, x: number) => (y < 0 || x < 0 ? 0 : rgba[y * stride + x]!);
  for (let y = 0; y < h; y++) {
    const f = y % 5;
    raw[y * (stride + 1)] = f;
    for (let x = 0; x < stride; x++) {
      const a = px(y, x - 4);
      const b = px(y - 1, x);
      const c = px(y - 1, x - 4);
      const p = a + b - c;
      const pred = [
        0,
        a,
        b,
        (a + b) >> 1,
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c,
      ][f]!;
      raw[y * (stride + 1) + 1 + x] = (px(y, x) - pred) & 0xff;
    }
  }
  const plain = encodePng(w, h, 4, rgba);
  // Swap the plain IDAT for the filtered one: same header, same size.
  const ihdrEnd = 8 + 12 + 13;
  const idat = deflateSync(raw);
  const chunk = Buffer.alloc(12 + idat.length);
  chunk.writeUInt32BE(idat.length, 0);
  chunk.write('IDAT', 4, 'latin1');
  idat.copy(chunk, 8);
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  let crc = 0xffffffff;
  for (const byte of chunk.subarray(4, 8 + idat.length)) crc = crcTable[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  chunk.writeUInt32BE((crc ^ 0xffffffff) >>> 0, 8 + idat.length);
  return Buffer.concat([plain.subarray(0, ihdrEnd), chunk, Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82])]);
}

describe('PNG codec', () => {
  it('round-trips grey, RGB and RGBA', () => {
    const w = 7;
    const h = 5;
    for (const ch of [1, 3, 4] as const) {
      const px = Uint8Array.from({ length: w * h * ch }, (_, i) => (i * 37) & 0xff);
      const img = decodePng(encodePng(w, h, ch, px));
      expect([img.width, img.height]).toEqual([w, h]);
      for (let i = 0; i < w * h; i++) {
        const want = ch === 1 ? [px[i], px[i], px[i], 255] : [px[i * ch], px[i * ch + 1], px[i * ch + 2], ch === 4 ? px[i * ch + 3] : 255];
        expect([...img.data.subarray(i * 4, i * 4 + 4)]).toEqual(want);
      }
    }
  });

  it('undoes all five row filters', () => {
    const w = 13;
    const h = 10;
    const rgba = Uint8Array.from({ length: w * h * 4 }, (_, i) => (i * 91 + (i >> 3)) & 0xff);
    expect(decodePng(filteredPng(w, h, rgba)).data).toEqual(rgba);
  });

  it('refuses what it cannot read', () => {
    const good = encodePng(4, 4, 3, new Uint8Array(48));
    const corrupt = Uint8Array.from(good);
    corrupt[40] = corrupt[40]! ^ 0xff;
    expect(() => decodePng(corrupt)).toThrow(PngError);
    expect(() => decodePng(Uint8Array.from([1, 2, 3]))).toThrow(/Not a PNG/);
    expect(() => decodePng(good.subarray(0, good.length - 20))).toThrow(PngError);
  });

  it('holds untrusted PNGs to its limits: size, depth, colour type, interlacing, exact image data', () => {
    const rows = (w: number, h: number, channels = 1) => new Uint8Array((w * channels + 1) * h);
    expect(decodePng(pngOf({ width: 3, height: 2 }, rows(3, 2))).data).toHaveLength(24);
    expect(() => decodePng(pngOf({ width: 4097, height: MAX_PNG_PIXELS / 4096 }, rows(1, 1)))).toThrow(/size out of range/);
    expect(() => decodePng(pngOf({ width: 0, height: 2 }, rows(0, 2)))).toThrow(/size out of range/);
    expect(() => decodePng(pngOf({ width: 2, height: 2, depth: 16 }, rows(4, 2)))).toThrow(/8-bit/);
    expect(() => decodePng(pngOf({ width: 2, height: 2, colorType: 3 }, rows(2, 2)))).toThrow(/8-bit/);
    expect(() => decodePng(pngOf({ width: 2, height: 2, interlace: 1 }, rows(2, 2)))).toThrow(/non-interlaced/);
    expect(() => decodePng(pngOf({ width: 3, height: 2 }, rows(3, 2).subarray(1)))).toThrow(/short/);
    expect(() => decodePng(pngOf({ width: 3, height: 2 }, new Uint8Array(rows(3, 2).length + 1)))).toThrow(/corrupt/);
    const badFilter = rows(3, 2);
    badFilter[4] = 9;
    expect(() => decodePng(pngOf({ width: 3, height: 2 }, badFilter))).toThrow(PngError);
  });

  it('refuses a decompression bomb in the image data and never inflates any other chunk', () => {
    const bomb = deflateSync(new Uint8Array(16 * 1024 * 1024));
    const idatBomb = Buffer.concat([
      pngOf({ width: 16, height: 16 }, new Uint8Array(0)).subarray(0, 33),
      chunk('IDAT', bomb),
      chunk('IEND', new Uint8Array(0)),
    ]);
    expect(() => decodePng(idatBomb)).toThrow(/corrupt/);
    // An embedded ICC profile whose compressed data is not even zlib: inflating it would throw.
    const profile = chunk('iCCP', Buffer.concat([Buffer.from('icc\0\0'), Buffer.from([0xff, 0xff, 0xff, 0xff])]));
    const img = decodePng(pngOf({ width: 16, height: 16 }, new Uint8Array(17 * 16).fill(0), [profile]));
    expect([img.width, img.height]).toEqual([16, 16]);
  });
});

describe('ISO 19794 (simplified) containers', () => {
  it('write and read back the image, position and quality', () => {
    const image = Uint8Array.from([1, 2, 3, 4, 5]);
    const iso = writeIso({
      bioType: 'Finger',
      bioSubType: 'Left Thumb',
      quality: 64.4,
      width: 10,
      height: 12,
      capturedAt: Date.UTC(2026, 0, 2),
      image,
    });
    expect(Buffer.from(iso.subarray(0, 8)).toString('latin1')).toBe('FIR\u0000020\u0000');
    expect(readIso(iso)).toMatchObject({ format: 'iso19794-4', position: 6, quality: 64, width: 10, height: 12, image });
    expect(
      readIso(writeIso({ bioType: 'Iris', bioSubType: 'Right', quality: 80, width: 1, height: 1, capturedAt: 0, image }))?.format,
    ).toBe('iso19794-6');
    expect(readIso(iso.subarray(0, iso.length - 1))).toBeNull();
    expect(readIso(Uint8Array.from({ length: 80 }))).toBeNull();
  });
});

describe('greyscale JPEG encoder', () => {
  it('writes a baseline JFIF with the right size and markers', () => {
    const img = fingerprint('Left IndexFinger', 70);
    const jpg = encodeGrayJpeg(img.width, img.height, img.data);
    expect([...jpg.subarray(0, 4)]).toEqual([0xff, 0xd8, 0xff, 0xe0]);
    expect([...jpg.subarray(-2)]).toEqual([0xff, 0xd9]);
    const sof = jpg.indexOf(Buffer.from([0xff, 0xc0]));
    expect(sof).toBeGreaterThan(0);
    expect([jpg.readUInt16BE(sof + 5), jpg.readUInt16BE(sof + 7), jpg[sof + 9]]).toEqual([img.height, img.width, 1]);
    expect(jpg.length).toBeLessThan(img.width * img.height);
  });
});

describe('quality rules', () => {
  it('rates items against the threshold and prefers passing, then more passing, then the weakest item', () => {
    const r = rateAttempt(
      [
        { bioSubType: 'Left Thumb', quality: 45 },
        { bioSubType: 'Right Thumb', quality: 39 },
      ],
      40,
    );
    expect(r).toMatchObject({ passed: false, passing: 1, minQuality: 39, meanQuality: 42 });
    expect(r.items.map((i) => i.passed)).toEqual([true, false]);
    const pass = rateAttempt(
      [
        { bioSubType: 'Left Thumb', quality: 41 },
        { bioSubType: 'Right Thumb', quality: 41 },
      ],
      40,
    );
    expect(isBetter(pass, r)).toBe(true);
    expect(isBetter(r, pass)).toBe(false);
    expect(isBetter(r, undefined)).toBe(true);
    expect(isBetter(r, r)).toBe(false);
    const weaker = rateAttempt(
      [
        { bioSubType: 'Left Thumb', quality: 80 },
        { bioSubType: 'Right Thumb', quality: 20 },
      ],
      40,
    );
    expect(isBetter(r, weaker)).toBe(true);
  });

  it('crops the largest centred 35:45 area and resizes exactly', () => {
    expect(centredCrop(640, 480, 35, 45)).toEqual({ x: 133, y: 0, width: 373, height: 480 });
    expect(centredCrop(350, 900, 35, 45)).toEqual({ x: 0, y: 225, width: 350, height: 450 });
    const out = cropResize({ width: 4, height: 4, data: new Uint8Array(64).fill(200) }, { x: 0, y: 0, width: 4, height: 4 }, 3, 5);
    expect([out.width, out.height, out.data.length, out.data[0]]).toEqual([3, 5, 60, 200]);
  });

  it('sees a sharp, well-lit face as good and a dark or blurred one as not', () => {
    const g = face(90);
    const rgba = (img: Gray, f: (v: number) => number) => ({
      width: img.width,
      height: img.height,
      data: Uint8Array.from({ length: img.data.length * 4 }, (_, i) => (i % 4 === 3 ? 255 : f(img.data[i >> 2]!))),
    });
    const good = faceQuality(toGray(rgba(g, (v) => v)));
    expect(good.problems).toEqual([]);
    expect(good.score).toBeGreaterThanOrEqual(70);
    const dark = faceQuality(toGray(rgba(g, (v) => v * 0.25)));
    expect(dark.problems).toContain('tooDark');
    expect(dark.score).toBeLessThan(good.score);
    const blurred = {
      ...g,
      data: g.data.map((_, i) => {
        const x = i % g.width;
        const y = Math.floor(i / g.width);
        let s = 0;
        let n = 0;
        for (let dy = -4; dy <= 4; dy++)
          for (let dx = -4; dx <= 4; dx++) {
            const v = g.data[Math.min(g.height - 1, Math.max(0, y + dy)) * g.width + Math.min(g.width - 1, Math.max(0, x + dx))];
            if (v !== undefined) {
              s += v;
              n++;
            }
          }
        return s / n;
      }),
    };
    const soft = faceQuality(toGray(rgba(blurred, (v) => v)));
    expect(soft.problems).toContain('blurry');
    expect(soft.sharpnessScore).toBeLessThan(good.sharpnessScore);
  });
});
