// Simplified ISO/IEC 19794 containers (-4 finger, -6 iris, -5 face). Real devices wrap WSQ or JPEG 2000
// in the full record format; the simulator writes this reduced header around a PNG, and Loket reads
// either back only far enough to show a thumbnail. The bytes are stored and sent on exactly as received.
import type { BioSubType, BioType } from './modalities.js';

export type IsoFormat = 'iso19794-4' | 'iso19794-6' | 'iso19794-5';

const MAGIC: Record<BioType, { magic: string; version: string; format: IsoFormat }> = {
  Finger: { magic: 'FIR\0', version: '020\0', format: 'iso19794-4' },
  Iris: { magic: 'IIR\0', version: '020\0', format: 'iso19794-6' },
  Face: { magic: 'FAC\0', version: '030\0', format: 'iso19794-5' },
};

/** ISO 19794-4 finger positions; iris 1 right eye, 2 left eye; face 0. */
export const ISO_POSITION: Record<BioSubType, number> = {
  'Right Thumb': 1,
  'Right IndexFinger': 2,
  'Right MiddleFinger': 3,
  'Right RingFinger': 4,
  'Right LittleFinger': 5,
  'Left Thumb': 6,
  'Left IndexFinger': 7,
  'Left MiddleFinger': 8,
  'Left RingFinger': 9,
  'Left LittleFinger': 10,
  Right: 1,
  Left: 2,
  Face: 0,
};

export const COMPRESSION_PNG = 6;
const FIXED = 4 + 4 + 4 + 2 + 1; // magic, version, record length, representations, certification flag
const REP_HEADER = 4 + 9 + 1 + 2 + 2 + 1 + 5 + 1 + 1 + 2 + 2 + 4;

export interface IsoImage {
  bioType: BioType;
  bioSubType: BioSubType;
  quality: number;
  width: number;
  height: number;
  capturedAt: number;
  image: Uint8Array;
}

export function writeIso(rec: IsoImage): Uint8Array {
  const m = MAGIC[rec.bioType];
  const total = FIXED + REP_HEADER + rec.image.length;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) {
    out[i] = m.magic.charCodeAt(i);
    out[4 + i] = m.version.charCodeAt(i);
  }
  v.setUint32(8, total);
  v.setUint16(12, 1);
  out[14] = 0;
  let o = FIXED;
  v.setUint32(o, REP_HEADER + rec.image.length);
  o += 4;
  const d = new Date(rec.capturedAt);
  v.setUint16(o, d.getUTCFullYear());
  out[o + 2] = d.getUTCMonth() + 1;
  out[o + 3] = d.getUTCDate();
  out[o + 4] = d.getUTCHours();
  out[o + 5] = d.getUTCMinutes();
  out[o + 6] = d.getUTCSeconds();
  v.setUint16(o + 7, d.getUTCMilliseconds());
  o += 9;
  out[o++] = 1; // capture device technology: optical / CCD
  v.setUint16(o, 0x4c4b); // vendor "LK"
  v.setUint16(o + 2, 1); // device type
  o += 4;
  out[o++] = 1; // one quality block
  out[o] = Math.max(0, Math.min(100, Math.round(rec.quality)));
  v.setUint16(o + 1, 0x4c4b);
  v.setUint16(o + 3, 1);
  o += 5;
  out[o++] = ISO_POSITION[rec.bioSubType];
  out[o++] = COMPRESSION_PNG;
  v.setUint16(o, rec.width);
  v.setUint16(o + 2, rec.height);
  v.setUint32(o + 4, rec.image.length);
  o += 8;
  out.set(rec.image, o);
  return out;
}

export interface IsoSummary {
  format: IsoFormat;
  position: number;
  quality: number;
  width: number;
  height: number;
  compression: number;
  image: Uint8Array;
}

/** Reads our reduced header; returns null for anything else (a real device's full record). */
export function readIso(bytes: Uint8Array): IsoSummary | null {
  if (bytes.length < FIXED + REP_HEADER) return null;
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  const entry = Object.values(MAGIC).find((m) => m.magic === magic);
  if (!entry) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (v.getUint32(8) !== bytes.length) return null;
  const o = FIXED + 4 + 9 + 1 + 4 + 1;
  const quality = bytes[o]!;
  const position = bytes[o + 5]!;
  const compression = bytes[o + 6]!;
  const width = v.getUint16(o + 7);
  const height = v.getUint16(o + 9);
  const length = v.getUint32(o + 11);
  const start = o + 15;
  if (start + length !== bytes.length) return null;
  return { format: entry.format, position, quality, width, height, compression, image: bytes.subarray(start) };
}

export function isoFormatOf(bioType: BioType): IsoFormat {
  return MAGIC[bioType].format;
}
