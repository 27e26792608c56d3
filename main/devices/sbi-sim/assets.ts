// Image assets the simulator serves, generated once per subtype and quality and then reused, so the
// simulator's own cost per capture stays small next to its configured delay.
import type { BioSubType, BioType, Modality } from '@common/domain/biometrics/modalities.js';
import { MODALITY_SPECS } from '@common/domain/biometrics/modalities.js';
import { writeIso } from '@common/domain/biometrics/iso.js';
import type { Gray } from '@common/domain/biometrics/quality.js';
import { encodePng } from '@main/core/biometrics/png.js';
import { face, fingerprint, iris, montage } from './images.js';
import { encodeGrayJpeg } from './jpeg.js';

const grayCache = new Map<string, Gray>();
const pngCache = new Map<string, Uint8Array>();

function grayFor(bioType: BioType, subType: BioSubType, quality: number): Gray {
  const key = `${bioType}/${subType}/${quality}`;
  let img = grayCache.get(key);
  if (!img) {
    img = bioType === 'Finger' ? fingerprint(subType, quality) : bioType === 'Iris' ? iris(subType, quality) : face(quality);
    grayCache.set(key, img);
  }
  return img;
}

/** The ISO record for one finger, eye or face at a quality (rounded to whole points). */
export function isoFor(bioType: BioType, subType: BioSubType, quality: number, capturedAt: number): Uint8Array {
  const q = Math.round(quality);
  const key = `${bioType}/${subType}/${q}`;
  const img = grayFor(bioType, subType, q);
  let png = pngCache.get(key);
  if (!png) {
    png = encodePng(img.width, img.height, 1, img.data, { level: 3 });
    pngCache.set(key, png);
  }
  return writeIso({ bioType, bioSubType: subType, quality: q, width: img.width, height: img.height, capturedAt, image: png });
}

export const PREVIEW_SIZE = { width: 320, height: 240 };
const FRAMES = 12;
const frameCache = new Map<string, Buffer[]>();

/** A short loop of JPEG preview frames for a modality: the sensor image with a scan bar sweeping over it. */
export function previewFrames(modality: Modality, quality: number): Buffer[] {
  const key = `${modality}/${Math.round(quality)}`;
  const cached = frameCache.get(key);
  if (cached) return cached;
  const spec = MODALITY_SPECS[modality];
  const { width: W, height: H } = PREVIEW_SIZE;
  const frames: Buffer[] = [];
  for (let f = 0; f < FRAMES; f++) {
    const base =
      spec.bioType === 'Face'
        ? montage([face(Math.round(quality), Math.round(6 * Math.sin((f / FRAMES) * 2 * Math.PI)))], W, H)
        : montage(
            spec.subTypes.map((s) => grayFor(spec.bioType, s, Math.round(quality))),
            W,
            H,
          );
    const data = new Uint8Array(base.data);
    const bar = Math.floor((f / FRAMES) * H);
    for (let y = bar; y < Math.min(H, bar + 6); y++) for (let x = 0; x < W; x++) data[y * W + x] = Math.min(255, data[y * W + x]! + 60);
    frames.push(encodeGrayJpeg(W, H, data, 70));
  }
  frameCache.set(key, frames);
  return frames;
}
