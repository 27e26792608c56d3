// Synthetic, plausible biometric images for the simulator: fingerprint ridges around a core point,
// an iris with radial texture and a pupil, a face silhouette. Lower quality adds noise and washes out
// contrast, so a human looking at the preview sees roughly what the score says.
import type { BioSubType } from '@common/domain/biometrics/modalities.js';
import type { Gray } from '@common/domain/biometrics/quality.js';

export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const clampByte = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v | 0);

function degrade(img: Gray, quality: number, rand: () => number): Gray {
  const noise = ((100 - quality) / 100) * 110;
  const contrast = 0.35 + 0.65 * (quality / 100);
  const data = img.data;
  for (let i = 0; i < data.length; i++) data[i] = clampByte(128 + (data[i]! - 128) * contrast + (rand() - 0.5) * noise);
  return img;
}

export const FINGER_SIZE = { width: 160, height: 224 };

export function fingerprint(subType: BioSubType, quality: number): Gray {
  const { width: W, height: H } = FINGER_SIZE;
  const rand = prng(seedOf(subType));
  const cx = W * (0.45 + rand() * 0.1);
  const cy = H * (0.42 + rand() * 0.12);
  const period = 7 + rand() * 2.5;
  const whorl = Math.floor(rand() * 3) - 1;
  const warp = 2 + rand() * 3;
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x - cx;
      const dy = (y - cy) * 1.15;
      const r = Math.sqrt(dx * dx + dy * dy);
      const theta = Math.atan2(dy, dx);
      const phase = (2 * Math.PI * r) / period + whorl * theta * 2 + warp * Math.sin(y / 23 + x / 31);
      const ridge = 0.5 + 0.5 * Math.cos(phase);
      const ex = (x - W / 2) / (W * 0.44);
      const ey = (y - H * 0.52) / (H * 0.47);
      const e = ex * ex + ey * ey;
      const mask = e < 0.8 ? 1 : e < 1 ? (1 - e) / 0.2 : 0;
      data[y * W + x] = clampByte(235 - mask * ridge * 190);
    }
  }
  return degrade({ width: W, height: H, data }, quality, prng(seedOf(`${subType}/${quality}`)));
}

export const IRIS_SIZE = { width: 320, height: 240 };

export function iris(subType: BioSubType, quality: number): Gray {
  const { width: W, height: H } = IRIS_SIZE;
  const rand = prng(seedOf(subType));
  const cx = W / 2 + (rand() - 0.5) * 10;
  const cy = H / 2 + (rand() - 0.5) * 8;
  const rIris = 82;
  const rPupil = 28 + rand() * 8;
  const spokes = 40 + Math.floor(rand() * 20);
  const data = new Uint8Array(W * H);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const dx = x - cx;
      const dy = y - cy;
      const r = Math.sqrt(dx * dx + dy * dy);
      const t = Math.atan2(dy, dx);
      let v: number;
      if (r < rPupil) v = 18;
      else if (r < rIris) {
        const u = (r - rPupil) / (rIris - rPupil);
        v = 95 + 35 * Math.sin(spokes * t + 6 * Math.sin(r / 6)) * (1 - u * 0.5) + 20 * Math.cos(r / 3.5) - 25 * u;
      } else v = 205 - Math.max(0, 60 - (r - rIris)) * 0.4;
      // Eyelids: darker arcs above and below.
      const lid = Math.abs(dy) - (110 - (dx * dx) / 260);
      if (lid > 0) v = 120 - Math.min(60, lid);
      // Specular highlight from the device's illuminator.
      if ((x - cx + 12) ** 2 + (y - cy + 12) ** 2 < 36) v = 250;
      data[y * W + x] = clampByte(v);
    }
  }
  return degrade({ width: W, height: H, data }, quality, prng(seedOf(`${subType}/${quality}`)));
}

/** 35:45, like the passport photo a face device delivers. */
export const FACE_SIZE = { width: 280, height: 360 };

export function face(quality: number, shift = 0): Gray {
  const { width: W, height: H } = FACE_SIZE;
  const rand = prng(seedOf(`face/${quality}`));
  const data = new Uint8Array(W * H);
  const cx = W / 2 + shift;
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let v = 215 - y * 0.05;
      const sx = (x - cx) / 120;
      const sy = (y - H) / 70;
      if (sx * sx + sy * sy < 1) v = 70; // shoulders
      if (((x - cx) / 22) ** 2 + ((y - 260) / 40) ** 2 < 1) v = 140; // neck
      const hx = (x - cx) / 72;
      const hy = (y - 160) / 96;
      const head = hx * hx + hy * hy;
      if (head < 1) {
        v = 165 - head * 25;
        if (y < 110 && head > 0.45) v = 45; // hair
        for (const ex of [-27, 27]) if (((x - cx - ex) / 12) ** 2 + ((y - 150) / 6) ** 2 < 1) v = 35;
        if (((x - cx) / 26) ** 2 + ((y - 212) / 5) ** 2 < 1) v = 95; // mouth
        if (Math.abs(x - cx) < 3 && y > 155 && y < 190) v -= 25; // nose
      }
      data[y * W + x] = clampByte(v + (rand() - 0.5) * 12);
    }
  }
  return degrade({ width: W, height: H, data }, quality, rand);
}

/** Places several grey images side by side on a light background (a slap's preview). */
export function montage(images: Gray[], width: number, height: number): Gray {
  const data = new Uint8Array(width * height).fill(230);
  const cell = Math.floor(width / Math.max(1, images.length));
  images.forEach((img, i) => {
    const scale = Math.min(cell / img.width, height / img.height);
    const w = Math.floor(img.width * scale);
    const h = Math.floor(img.height * scale);
    const ox = i * cell + Math.floor((cell - w) / 2);
    const oy = Math.floor((height - h) / 2);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) data[(oy + y) * width + ox + x] = img.data[Math.floor(y / scale) * img.width + Math.floor(x / scale)]!;
    }
  });
  return { width, height, data };
}
