// The capture screen's state for one application: devices found, the capture status per modality, the
// live preview (frames pushed by main as biometrics.preview events) and the last attempt.
import { create } from 'zustand';
import type { AttemptView, CaptureStatus, DeviceView, ImageInput } from '@common/contract/biometrics.js';
import type { CallOutput, ErrorBody, Result } from '@common/contract/index.js';
import type { BioSubType, Modality } from '@common/domain/biometrics/modalities.js';
import { call, subscribe } from '@renderer/api/client.js';

export type FaceQuality = CallOutput<'biometrics.submitFacePhoto'>['quality'];
export type ExceptionReason = 'missing' | 'amputated' | 'bandaged' | 'injured';

export interface Preview {
  streamId: string;
  modality: Modality;
  /** data: URL of the latest frame, null until the first one arrives. */
  frame: string | null;
  seq: number;
  /** Why the stream ended (null while running). */
  ended: string | null;
  error: { messageId: string; messageEn: string } | null;
}

interface CaptureState {
  applicationId: string | null;
  devices: DeviceView[];
  scannedAt: number | null;
  scanning: boolean;
  status: CaptureStatus | null;
  modality: Modality;
  preview: Preview | null;
  capturing: boolean;
  lastAttempt: AttemptView | null;
  faceQuality: FaceQuality | null;
  error: ErrorBody | null;
  /** Loads the application's status and the devices, and follows device and preview events. */
  open(applicationId: string): () => void;
  scan(refresh?: boolean): Promise<void>;
  select(modality: Modality): void;
  startPreview(): Promise<void>;
  stopPreview(): Promise<void>;
  capture(): Promise<Result<unknown>>;
  submitFace(image: ImageInput): Promise<Result<unknown>>;
  recordException(input: {
    bioSubTypes: BioSubType[];
    reason: ExceptionReason;
    note?: string;
    photo: ImageInput;
    overrideToken: string;
  }): Promise<Result<CaptureStatus>>;
  acceptLowQuality(overrideToken: string): Promise<Result<CaptureStatus>>;
  clearError(): void;
}

const frameUrl = (mime: string, frame: string): string => `data:${mime || 'image/jpeg'};base64,${frame}`;

/**
 * The modality the capture key takes next: the one on screen until it meets its threshold (or was excepted
 * or accepted), then the next required one not yet tried, so a clean capture is one key per modality.
 */
export function nextToCapture(
  status: { modalities: ReadonlyArray<{ modality: Modality; required: boolean; state: string }> } | null,
  on: Modality,
): Modality {
  const here = status?.modalities.find((m) => m.modality === on);
  if (!status || !here || here.state === 'pending' || here.state === 'belowThreshold') return on;
  return status.modalities.find((m) => m.required && m.state === 'pending')?.modality ?? on;
}

export const useCaptureStore = create<CaptureState>()((set, get) => {
  const settle = <T>(result: Result<T>, ok: (value: T) => Partial<CaptureState>): Result<T> => {
    set(result.ok ? { ...ok(result.value), error: null } : { error: result.error });
    return result;
  };
  const refreshStatus = async (): Promise<void> => {
    const applicationId = get().applicationId;
    if (!applicationId) return;
    const result = await call('biometrics.status', { applicationId });
    settle(result, (status) => ({ status }));
  };

  return {
    applicationId: null,
    devices: [],
    scannedAt: null,
    scanning: false,
    status: null,
    modality: 'leftSlap',
    preview: null,
    capturing: false,
    lastAttempt: null,
    faceQuality: null,
    error: null,

    open(applicationId) {
      set({ applicationId, status: null, preview: null, lastAttempt: null, faceQuality: null, error: null, modality: 'leftSlap' });
      void refreshStatus();
      void get().scan(false);
      const offDevices = subscribe('biometrics.devices', ({ devices, scannedAt }) => set({ devices, scannedAt }));
      const offFrame = subscribe('biometrics.preview', (p) => {
        const current = get().preview;
        if (!current || current.streamId !== p.streamId || p.seq < current.seq) return;
        set({ preview: { ...current, frame: frameUrl(p.mime, p.frame), seq: p.seq } });
      });
      const offEnded = subscribe('biometrics.previewEnded', (p) => {
        const current = get().preview;
        if (!current || current.streamId !== p.streamId) return;
        set({
          preview: { ...current, ended: p.reason, error: p.error ? { messageId: p.error.messageId, messageEn: p.error.messageEn } : null },
        });
      });
      return () => {
        offDevices();
        offFrame();
        offEnded();
        void get().stopPreview();
        set({ applicationId: null });
      };
    },

    async scan(refresh = true) {
      set({ scanning: true });
      const result = await call('biometrics.devices', { refresh });
      set({ scanning: false });
      settle(result, ({ devices, scannedAt }) => ({ devices, scannedAt }));
    },

    select(modality) {
      if (get().modality === modality) return;
      void get().stopPreview();
      set({ modality, lastAttempt: null, faceQuality: null, error: null });
    },

    async startPreview() {
      await get().stopPreview();
      const modality = get().modality;
      const result = await call('biometrics.previewStart', { modality });
      settle(result, ({ streamId }) => ({ preview: { streamId, modality, frame: null, seq: -1, ended: null, error: null } }));
    },

    async stopPreview() {
      const preview = get().preview;
      if (!preview) return;
      set({ preview: null });
      if (!preview.ended) await call('biometrics.previewStop', { streamId: preview.streamId });
    },

    async capture() {
      const applicationId = get().applicationId;
      if (!applicationId || get().capturing) return { ok: false, error: { code: 'CONFLICT', message: 'busy' } };
      set({ capturing: true, error: null });
      const result = await call('biometrics.capture', { applicationId, modality: get().modality });
      set({ capturing: false });
      // A capture ends the device's stream; the frame shown stays until the officer starts it again.
      const preview = get().preview;
      if (preview && !preview.ended) set({ preview: { ...preview, ended: 'captured' } });
      return settle(result, ({ attempt, status }) => ({ lastAttempt: attempt, status }));
    },

    async submitFace(image) {
      const applicationId = get().applicationId;
      if (!applicationId) return { ok: false, error: { code: 'NOT_FOUND', message: 'no application' } };
      set({ capturing: true, error: null });
      const result = await call('biometrics.submitFacePhoto', { applicationId, image });
      set({ capturing: false });
      return settle(result, ({ attempt, status, quality }) => ({ lastAttempt: attempt, status, faceQuality: quality }));
    },

    async recordException(input) {
      const applicationId = get().applicationId ?? '';
      const { note, ...rest } = input;
      const result = await call('biometrics.recordException', { applicationId, ...rest, ...(note ? { note } : {}) });
      return settle(result, (status) => ({ status }));
    },

    async acceptLowQuality(overrideToken) {
      const applicationId = get().applicationId ?? '';
      const result = await call('biometrics.acceptLowQuality', { applicationId, modality: get().modality, overrideToken });
      return settle(result, (status) => ({ status }));
    },

    clearError: () => set({ error: null }),
  };
});
