// Stills for core: a camera frame or a chosen file drawn on a canvas and sent as PNG (core decodes PNG
// and raw RGBA only). The face is cut to passport proportions (35 x 45 mm) before it leaves the window.
import type { ImageInput } from '@common/contract/biometrics.js';

export const PASSPORT_RATIO = 35 / 45;
/** Enough for a 35 x 45 mm photo at 300 dpi (413 x 531) and well under the contract's size limit. */
const MAX_HEIGHT = 720;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The largest centred rectangle of the given proportions inside width x height. */
export function centredCrop(width: number, height: number, ratio = PASSPORT_RATIO): Rect {
  const cropW = Math.min(width, Math.round(height * ratio));
  const cropH = Math.min(height, Math.round(cropW / ratio));
  return { x: Math.round((width - cropW) / 2), y: Math.round((height - cropH) / 2), width: cropW, height: cropH };
}

export interface Still {
  input: ImageInput;
  /** A data: URL of the same picture, to show what was taken. */
  url: string;
}

/** Draws the source (a playing video or a decoded file) onto a canvas, optionally cropped, as PNG. */
export function still(source: CanvasImageSource, width: number, height: number, crop: boolean): Still {
  const area = crop ? centredCrop(width, height) : { x: 0, y: 0, width, height };
  const scale = Math.min(1, MAX_HEIGHT / area.height);
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(16, Math.round(area.width * scale));
  canvas.height = Math.max(16, Math.round(area.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('No 2D canvas');
  ctx.drawImage(source, area.x, area.y, area.width, area.height, 0, 0, canvas.width, canvas.height);
  const url = canvas.toDataURL('image/png');
  return { input: { format: 'png', data: url.slice(url.indexOf(',') + 1) }, url };
}

/** A picture file (PNG, JPEG...) decoded by the browser and re-encoded as PNG. */
export async function stillFromFile(file: File, crop = false): Promise<Still> {
  const bitmap = await createImageBitmap(file);
  try {
    return still(bitmap, bitmap.width, bitmap.height, crop);
  } finally {
    bitmap.close();
  }
}
