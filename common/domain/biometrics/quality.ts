// Pure quality rules: per-item pass/fail against a threshold, which attempt is best, and the face
// photo's exposure and sharpness measured from pixels.
import type { BioSubType } from './modalities.js';

export interface RatedItem {
  bioSubType: BioSubType;
  quality: number;
}

export interface AttemptRating {
  items: Array<RatedItem & { threshold: number; passed: boolean }>;
  passed: boolean;
  passing: number;
  minQuality: number;
  meanQuality: number;
}

export function rateAttempt(items: readonly RatedItem[], threshold: number): AttemptRating {
  const rated = items.map((i) => ({ ...i, threshold, passed: i.quality >= threshold }));
  const qualities = items.map((i) => i.quality);
  const passing = rated.filter((i) => i.passed).length;
  return {
    items: rated,
    passed: rated.length > 0 && passing === rated.length,
    passing,
    minQuality: qualities.length ? Math.min(...qualities) : 0,
    meanQuality: qualities.length ? qualities.reduce((a, b) => a + b, 0) / qualities.length : 0,
  };
}

type Comparable = Pick<AttemptRating, 'passed' | 'passing' | 'minQuality' | 'meanQuality'>;

/** Best = passes, then more items passing, then the weakest item stronger, then the mean. Ties keep the earlier. */
export function isBetter(candidate: Comparable, kept: Comparable | undefined): boolean {
  if (!kept) return true;
  const keys: Array<keyof Comparable> = ['passed', 'passing', 'minQuality', 'meanQuality'];
  for (const k of keys) {
    const a = Number(candidate[k]);
    const b = Number(kept[k]);
    if (a !== b) return a > b;
  }
  return false;
}

export interface Gray {
  width: number;
  height: number;
  /** One byte per pixel, row-major. */
  data: Uint8Array;
}

export interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

export function toGray(img: Rgba): Gray {
  const out = new Uint8Array(img.width * img.height);
  for (let i = 0, p = 0; i < out.length; i++, p += 4) {
    // Rec. 601 luma, integer weights.
    out[i] = (77 * img.data[p]! + 150 * img.data[p + 1]! + 29 * img.data[p + 2]!) >> 8;
  }
  return { width: img.width, height: img.height, data: out };
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest centred rectangle of the given proportions; the capture screen shows the same guide. */
export function centredCrop(width: number, height: number, ratioW: number, ratioH: number): Rect {
  const target = ratioW / ratioH;
  let w = width;
  let h = Math.round(width / target);
  if (h > height) {
    h = height;
    w = Math.round(height * target);
  }
  return { x: Math.floor((width - w) / 2), y: Math.floor((height - h) / 2), width: w, height: h };
}

/** Bilinear resample of a crop of an RGBA image to an exact size. */
export function cropResize(img: Rgba, rect: Rect, outW: number, outH: number): Rgba {
  const out = new Uint8Array(outW * outH * 4);
  const sx = rect.width / outW;
  const sy = rect.height / outH;
  for (let y = 0; y < outH; y++) {
    const fy = Math.min(rect.y + (y + 0.5) * sy - 0.5, img.height - 1);
    const y0 = Math.max(0, Math.floor(fy));
    const y1 = Math.min(img.height - 1, y0 + 1);
    const wy = Math.max(0, fy - y0);
    for (let x = 0; x < outW; x++) {
      const fx = Math.min(rect.x + (x + 0.5) * sx - 0.5, img.width - 1);
      const x0 = Math.max(0, Math.floor(fx));
      const x1 = Math.min(img.width - 1, x0 + 1);
      const wx = Math.max(0, fx - x0);
      for (let c = 0; c < 4; c++) {
        const a = img.data[(y0 * img.width + x0) * 4 + c]!;
        const b = img.data[(y0 * img.width + x1) * 4 + c]!;
        const d = img.data[(y1 * img.width + x0) * 4 + c]!;
        const e = img.data[(y1 * img.width + x1) * 4 + c]!;
        const top = a + (b - a) * wx;
        const bottom = d + (e - d) * wx;
        out[(y * outW + x) * 4 + c] = Math.round(top + (bottom - top) * wy);
      }
    }
  }
  return { width: outW, height: outH, data: out };
}

export interface FaceQuality {
  /** Mean luminance 0-255. */
  brightness: number;
  /** Share of pixels crushed to black or blown to white. */
  clipped: number;
  /** Variance of the Laplacian: low means blurred. */
  sharpness: number;
  exposureScore: number;
  sharpnessScore: number;
  /** 0-100, compared with the face threshold. */
  score: number;
  problems: Array<'tooDark' | 'tooBright' | 'blurry'>;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Exposure and sharpness of a face photo, measured on the passport-proportioned crop. */
export function faceQuality(gray: Gray): FaceQuality {
  const { width, height, data } = gray;
  let sum = 0;
  let clippedCount = 0;
  for (const v of data) {
    sum += v;
    if (v <= 8 || v >= 247) clippedCount++;
  }
  const n = Math.max(1, data.length);
  const brightness = sum / n;
  const clipped = clippedCount / n;
  let lapSum = 0;
  let lapSq = 0;
  let count = 0;
  for (let y = 1; y < height - 1; y++) {
    for (let x = 1; x < width - 1; x++) {
      const i = y * width + x;
      const lap = data[i - 1]! + data[i + 1]! + data[i - width]! + data[i + width]! - 4 * data[i]!;
      lapSum += lap;
      lapSq += lap * lap;
      count++;
    }
  }
  const mean = count ? lapSum / count : 0;
  const sharpness = count ? lapSq / count - mean * mean : 0;
  // Full marks for a mean between 90 and 180; nothing below 25 or above 235.
  const exposureBase = brightness < 90 ? ((brightness - 25) / 65) * 100 : brightness > 180 ? ((235 - brightness) / 55) * 100 : 100;
  const exposureScore = Math.round(clamp(exposureBase - Math.max(0, clipped - 0.1) * 200, 0, 100));
  // A webcam frame in focus gives a Laplacian variance well above 60; a blurred one stays under 15.
  const sharpnessScore = Math.round(clamp(((sharpness - 10) / 50) * 100, 0, 100));
  const problems: FaceQuality['problems'] = [];
  if (brightness < 70) problems.push('tooDark');
  if (brightness > 200 || clipped > 0.25) problems.push('tooBright');
  if (sharpnessScore < 50) problems.push('blurry');
  return { brightness, clipped, sharpness, exposureScore, sharpnessScore, score: Math.min(exposureScore, sharpnessScore), problems };
}
