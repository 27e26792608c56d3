import { z } from 'zod';
import { ALL_BUT_RECEPTION } from '../domain/shared/roles.js';
import { defineCall } from './define.js';
import { Ack, Empty, Id, multilineText, text } from './schemas.js';
import { BIO_SUBTYPES, EXCEPTION_REASONS, MAX_ATTEMPTS, MODALITIES } from '../domain/biometrics/modalities.js';
import { DEVICE_ERROR_KINDS } from '../domain/biometrics/errors.js';

export const ModalitySchema = z.enum(MODALITIES);
export const BioSubTypeSchema = z.enum(BIO_SUBTYPES);
export const ExceptionReasonSchema = z.enum(EXCEPTION_REASONS);

/** About 3 MB of image: the web host's body limit must allow it. */
const MAX_IMAGE_BASE64 = 4 * 1024 * 1024;
const Base64 = z
  .string()
  .min(8)
  .max(MAX_IMAGE_BASE64)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'image.base64');

/**
 * A still from the renderer: a PNG (canvas.toDataURL('image/png') without the `data:` prefix) or the
 * canvas's raw RGBA pixels (getImageData().data). JPEG is refused: no decoder ships with Loket.
 */
export const ImageInput = z.union([
  z.strictObject({ format: z.literal('png'), data: Base64 }),
  z.strictObject({
    format: z.literal('rgba'),
    width: z.number().int().min(16).max(1920),
    height: z.number().int().min(16).max(1920),
    data: Base64,
  }),
]);
export type ImageInput = z.infer<typeof ImageInput>;

export const DeviceStatusSchema = z.enum(['Ready', 'Busy', 'Not Ready', 'Not Registered']);

export const DeviceView = z.strictObject({
  deviceId: z.string(),
  port: z.number().int(),
  bioType: z.enum(['Finger', 'Iris', 'Face']),
  deviceSubType: z.string(),
  modalities: z.array(ModalitySchema),
  status: DeviceStatusSchema,
  make: z.string(),
  model: z.string(),
  serialNo: z.string(),
  certification: z.string(),
  serviceVersion: z.string(),
});
export type DeviceView = z.infer<typeof DeviceView>;

export const ItemView = z.strictObject({
  bioSubType: BioSubTypeSchema,
  quality: z.number(),
  threshold: z.number(),
  passed: z.boolean(),
  /** The stored record (only for the kept attempt); open it with biometrics.image (audited). */
  recordId: z.string().nullable(),
});

export const AttemptView = z.strictObject({
  attemptId: z.string(),
  attemptNo: z.number().int(),
  modality: ModalitySchema,
  source: z.enum(['sbi', 'camera']),
  deviceId: z.string().nullable(),
  capturedAt: z.number().int(),
  passed: z.boolean(),
  /** True when this attempt is now the one kept for the modality (it beat the previous best). */
  kept: z.boolean(),
  items: z.array(ItemView),
});
export type AttemptView = z.infer<typeof AttemptView>;

export const ExceptionView = z.strictObject({
  bioSubType: BioSubTypeSchema,
  reason: ExceptionReasonSchema,
  note: z.string().nullable(),
  photoRecordId: z.string(),
  approvedBy: z.string(),
  at: z.number().int(),
});

export const ModalityStatus = z.strictObject({
  modality: ModalitySchema,
  required: z.boolean(),
  threshold: z.number(),
  /**
   * pending: nothing usable yet; passed: every finger/eye not excepted meets the threshold;
   * belowThreshold: best attempt is below it (retry, or override once attempts are used up);
   * accepted: a supervisor accepted the best attempt below threshold; excepted: every item is an exception.
   */
  state: z.enum(['pending', 'passed', 'belowThreshold', 'accepted', 'excepted']),
  attemptsUsed: z.number().int(),
  attemptsLeft: z.number().int(),
  /** The capture screen offers the supervisor override exactly when this is true. */
  overrideAvailable: z.boolean(),
  /** Items still to capture (the modality's subtypes less the exceptions). */
  toCapture: z.array(BioSubTypeSchema),
  best: AttemptView.nullable(),
  exceptions: z.array(ExceptionView),
  acceptedBy: z.strictObject({ supervisorName: z.string(), reason: z.string() }).nullable(),
});
export type ModalityStatus = z.infer<typeof ModalityStatus>;

export const CaptureStatus = z.strictObject({
  applicationId: z.string(),
  /** What the application's biometrics step checks (hasRequiredCaptures). */
  complete: z.boolean(),
  maxAttempts: z.literal(MAX_ATTEMPTS),
  modalities: z.array(ModalityStatus),
});
export type CaptureStatus = z.infer<typeof CaptureStatus>;

export const FaceQualityView = z.strictObject({
  score: z.number(),
  exposureScore: z.number(),
  sharpnessScore: z.number(),
  brightness: z.number(),
  problems: z.array(z.enum(['tooDark', 'tooBright', 'blurry'])),
});

export const BiometricSettings = z.strictObject({
  thresholds: z.strictObject({ finger: z.number().int(), iris: z.number().int(), face: z.number().int() }),
  retentionDays: z.number().int(),
  required: z.array(ModalitySchema),
});
export type BiometricSettings = z.infer<typeof BiometricSettings>;

const Score = z.number().int().min(1).max(100);
const ApplicationId = z.string().uuid();

export const biometricsCalls = {
  /** Devices found on 127.0.0.1:4501-4600; refresh rescans (under 1.5 s with nothing there). */
  'biometrics.devices': defineCall({
    input: z.strictObject({ refresh: z.boolean().default(false) }),
    output: z.strictObject({ devices: z.array(DeviceView), scannedAt: z.number().int() }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  'biometrics.status': defineCall({
    input: z.strictObject({ applicationId: ApplicationId }),
    output: CaptureStatus,
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  /** One RCAPTURE for one modality; fingers recorded as exceptions are left out of the request. */
  'biometrics.capture': defineCall({
    input: z.strictObject({
      applicationId: ApplicationId,
      modality: ModalitySchema,
      deviceId: text().min(1).max(64).optional(),
      timeoutMs: z.number().int().min(1000).max(120_000).optional(),
    }),
    output: z.strictObject({ attempt: AttemptView, status: CaptureStatus }),
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** Missing, amputated, bandaged or injured fingers (or eyes), with a photo; needs a supervisor override. */
  'biometrics.recordException': defineCall({
    input: z.strictObject({
      applicationId: ApplicationId,
      bioSubTypes: z.array(BioSubTypeSchema).min(1).max(12),
      reason: ExceptionReasonSchema,
      note: multilineText().trim().max(200).optional(),
      photo: ImageInput,
      overrideToken: text().min(1).max(200),
    }),
    output: CaptureStatus,
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** After the last attempt, a supervisor accepts the best capture below threshold. */
  'biometrics.acceptLowQuality': defineCall({
    input: z.strictObject({ applicationId: ApplicationId, modality: ModalitySchema, overrideToken: text().min(1).max(200) }),
    output: CaptureStatus,
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** A frame from the workstation camera: exposure and sharpness checked, cropped to 35 x 45. */
  'biometrics.submitFacePhoto': defineCall({
    input: z.strictObject({ applicationId: ApplicationId, image: ImageInput }),
    output: z.strictObject({ attempt: AttemptView, status: CaptureStatus, quality: FaceQualityView }),
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** Decrypts one stored image for display; every call is an audit event. */
  'biometrics.image': defineCall({
    input: z.strictObject({ recordId: Id }),
    output: z.strictObject({
      recordId: z.string(),
      mime: z.enum(['image/png', 'image/jpeg', 'application/octet-stream']),
      data: z.string(),
    }),
    access: ALL_BUT_RECEPTION,
    mutates: true,
  }),
  /** Starts the device's MJPEG preview; frames arrive as biometrics.preview events until stopped. */
  'biometrics.previewStart': defineCall({
    input: z.strictObject({ modality: ModalitySchema, deviceId: text().min(1).max(64).optional() }),
    output: z.strictObject({ streamId: z.string() }),
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  'biometrics.previewStop': defineCall({
    input: z.strictObject({ streamId: text().min(1).max(64) }),
    output: Ack,
    access: ALL_BUT_RECEPTION,
    mutates: false,
  }),
  'biometrics.settings': defineCall({ input: Empty, output: BiometricSettings, access: ALL_BUT_RECEPTION, mutates: false }),
  'biometrics.updateSettings': defineCall({
    input: z.strictObject({
      thresholds: z.strictObject({ finger: Score.optional(), iris: Score.optional(), face: Score.optional() }).optional(),
      retentionDays: z.number().int().min(0).max(365).optional(),
      required: z.array(ModalitySchema).max(5).optional(),
    }),
    output: BiometricSettings,
    access: ['admin'],
    mutates: true,
  }),
};

const PreviewError = z.strictObject({ deviceError: z.enum(DEVICE_ERROR_KINDS), messageId: z.string(), messageEn: z.string() });

export const biometricsEvents = {
  /** One JPEG preview frame (base64, no data: prefix), at the device's rate (at least 3 fps). */
  'biometrics.preview': z.strictObject({
    streamId: z.string(),
    modality: ModalitySchema,
    seq: z.number().int(),
    mime: z.string(),
    frame: z.string(),
  }),
  'biometrics.previewEnded': z.strictObject({
    streamId: z.string(),
    modality: ModalitySchema,
    reason: z.enum(['stopped', 'captured', 'timeout', 'ended', 'error']),
    error: PreviewError.nullable(),
  }),
  /** After each scan and whenever a device's status changes (Ready, Busy, Not Ready...). */
  'biometrics.devices': z.strictObject({ devices: z.array(DeviceView), scannedAt: z.number().int() }),
};
