// Stills from the renderer (camera frames, exception photos): decoded, checked, cropped and re-encoded
// as PNG in core, so whatever the renderer sent, what is stored is a known, bounded image.
import type { ImageInput } from '@common/contract/biometrics.js';
import { AppError } from '@common/contract/result.js';
import { PASSPORT_PHOTO } from '@common/domain/biometrics/modalities.js';
import { centredCrop, cropResize, faceQuality, toGray, type FaceQuality, type Rgba } from '@common/domain/biometrics/quality.js';
import { decodePng, encodePng, PngError } from './png.js';

const invalid = (message: string, reason: string) => new AppError('VALIDATION', message, { fields: { image: [reason] } });

export function decodeImageInput(input: ImageInput, field = 'image'): Rgba {
  const bytes = Buffer.from(input.data, 'base64');
  if (input.format === 'rgba') {
    if (bytes.length !== input.width * input.height * 4) {
      throw new AppError('VALIDATION', 'The pixel data does not match width x height x 4', { fields: { [field]: ['image.size'] } });
    }
    return { width: input.width, height: input.height, data: new Uint8Array(bytes) };
  }
  try {
    return decodePng(bytes);
  } catch (err) {
    if (err instanceof PngError)
      throw new AppError('VALIDATION', `The image cannot be read: ${err.message}`, { fields: { [field]: ['image.unreadable'] } });
    throw err;
  }
}

function rgbOf(img: Rgba): Uint8Array {
  const out = new Uint8Array(img.width * img.height * 3);
  for (let i = 0, j = 0; i < img.data.length; i += 4, j += 3) {
    out[j] = img.data[i]!;
    out[j + 1] = img.data[i + 1]!;
    out[j + 2] = img.data[i + 2]!;
  }
  return out;
}

export interface FacePhoto {
  png: Uint8Array;
  quality: FaceQuality;
}

/** Crops the largest centred 35:45 area (the capture screen draws the same guide), scales it to 413 x 531 and rates it. */
export function processFacePhoto(img: Rgba): FacePhoto {
  if (img.width < 120 || img.height < 150)
    throw invalid('The photo is too small for a passport photo (at least 120 x 150 pixels)', 'image.tooSmall');
  const rect = centredCrop(img.width, img.height, PASSPORT_PHOTO.widthMm, PASSPORT_PHOTO.heightMm);
  const out = cropResize(img, rect, PASSPORT_PHOTO.widthPx, PASSPORT_PHOTO.heightPx);
  const quality = faceQuality(toGray(out));
  return { png: encodePng(out.width, out.height, 3, rgbOf(out)), quality };
}

const EXCEPTION_MAX_SIDE = 800;

/** Exception photos are evidence, not biometrics: bounded to 800 px and stored as PNG. */
export function processExceptionPhoto(img: Rgba): Uint8Array {
  const scale = Math.min(1, EXCEPTION_MAX_SIDE / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const out = scale < 1 ? cropResize(img, { x: 0, y: 0, width: img.width, height: img.height }, w, h) : img;
  return encodePng(out.width, out.height, 3, rgbOf(out));
}
