// Live preview: the device's MJPEG frames forwarded as `biometrics.preview` events (base64 JPEG), so
// the same capture screen works over Electron IPC and over the web host's event stream.
import { v7 as uuidv7 } from 'uuid';
import type { Modality } from '@common/domain/biometrics/modalities.js';
import type { DeviceErrorDetails } from '@common/domain/biometrics/errors.js';
import { biometricRuntime, type BiometricRuntime, type PreviewEntry } from './port.js';
import type { Handlers } from '../kernel/context.js';
import type { Core } from '../core.js';

/** A preview nobody stops ends by itself: a forgotten window must not keep the sensor lit. */
export const PREVIEW_MAX_MS = 120_000;
/** Frames beyond this rate are dropped before they cross IPC. */
const MAX_FPS = 15;

type EndReason = 'stopped' | 'captured' | 'timeout' | 'ended' | 'error';

function finish(core: Core, rt: BiometricRuntime, streamId: string, reason: EndReason, error?: DeviceErrorDetails): void {
  const entry = rt.previews.get(streamId);
  if (!entry) return;
  rt.previews.delete(streamId);
  clearTimeout(entry.timer);
  entry.handle?.stop();
  core.events.emit('biometrics.previewEnded', {
    streamId,
    modality: entry.modality,
    reason,
    error: error ? { deviceError: error.deviceError, messageId: error.messageId, messageEn: error.messageEn } : null,
  });
}

/** Ends every preview of a modality (a capture just finished on it, or a new preview replaces it). */
export function stopPreviews(core: Core, rt: BiometricRuntime, modality: Modality, reason: EndReason): void {
  for (const [id, p] of [...rt.previews]) if (p.modality === modality) finish(core, rt, id, reason);
}

export const biometricsPreviewHandlers = {
  'biometrics.previewStart': async (ctx, input) => {
    const { core } = ctx;
    const rt = biometricRuntime(core);
    stopPreviews(core, rt, input.modality, 'stopped');
    const streamId = uuidv7();
    let seq = 0;
    let lastFrameAt = -Infinity;
    const timer = setTimeout(() => finish(core, rt, streamId, 'timeout'), PREVIEW_MAX_MS);
    timer.unref();
    const entry: PreviewEntry = { modality: input.modality, handle: undefined, timer };
    rt.previews.set(streamId, entry);
    try {
      entry.handle = await rt.devices.preview(
        { modality: input.modality, deviceId: input.deviceId },
        {
          frame: (image, mime) => {
            if (!rt.previews.has(streamId)) return;
            const t = performance.now();
            if (t - lastFrameAt < 1000 / MAX_FPS) return;
            lastFrameAt = t;
            core.events.emit('biometrics.preview', {
              streamId,
              modality: input.modality,
              seq: seq++,
              mime,
              frame: Buffer.from(image).toString('base64'),
            });
          },
          end: (reason, error) => finish(core, rt, streamId, reason, error),
        },
      );
    } catch (err) {
      rt.previews.delete(streamId);
      clearTimeout(timer);
      throw err;
    }
    // The stream may have ended (or been replaced) while it was opening.
    if (!rt.previews.has(streamId)) entry.handle.stop();
    return { streamId };
  },
  'biometrics.previewStop': (ctx, input) => {
    finish(ctx.core, biometricRuntime(ctx.core), input.streamId, 'stopped');
    return { ok: true as const };
  },
} satisfies Partial<Handlers>;
