// The SBI 0.9.5 messages as this client reads them. Devices disagree on number-or-string for codes and
// scores, so both are accepted; everything else that is missing or mistyped is a 'malformed' answer.
import { z } from 'zod';

const NumLike = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^-?\d+(\.\d+)?$/),
  ])
  .transform((v) => Number(v));

export const SbiError = z.object({ errorCode: NumLike, errorInfo: z.string().optional().nullable() });

export const DeviceStatus = z.enum(['Ready', 'Busy', 'Not Ready', 'Not Registered']);

export const DiscoveryItem = z.object({
  deviceId: z.string().min(1).max(64),
  deviceStatus: DeviceStatus,
  certification: z.string().optional().default(''),
  serviceVersion: z.string().optional().default(''),
  deviceSubId: z.array(NumLike).default([]),
  callbackId: z.string().optional().default(''),
  digitalId: z.string(),
  deviceCode: z.string().optional().default(''),
  specVersion: z.array(z.string()).default([]),
  purpose: z.string().optional().default(''),
  error: SbiError.optional().nullable(),
});
export type DiscoveryItem = z.infer<typeof DiscoveryItem>;

export const DigitalId = z.object({
  serialNo: z.string(),
  make: z.string(),
  model: z.string(),
  type: z.enum(['Finger', 'Iris', 'Face', 'Biometric Device']),
  deviceSubType: z.string(),
  deviceProvider: z.string().optional().default(''),
  deviceProviderId: z.string().optional().default(''),
  dateTime: z.string().optional().default(''),
});
export type DigitalId = z.infer<typeof DigitalId>;

export const DeviceInfoResponse = z.array(
  z.object({ deviceInfo: z.string().optional().nullable(), error: SbiError.optional().nullable() }),
);

export const DeviceInfo = z.object({
  specVersion: z.array(z.string()).default([]),
  env: z.string().optional().default('Production'),
  digitalId: z.string(),
  deviceId: z.string().min(1).max(64),
  deviceCode: z.string().optional().default(''),
  purpose: z.string().optional().default(''),
  serviceVersion: z.string().optional().default(''),
  deviceStatus: DeviceStatus,
  firmware: z.string().optional().default(''),
  certification: z.string().optional().default(''),
  deviceSubId: z.array(NumLike).default([]),
  callbackId: z.string().optional().default(''),
});
export type DeviceInfo = z.infer<typeof DeviceInfo>;

export const CaptureResponse = z.object({
  biometrics: z.array(
    z.object({
      specVersion: z.string().optional().nullable(),
      data: z.string().optional().nullable(),
      hash: z.string().optional().nullable(),
      error: SbiError.optional().nullable(),
    }),
  ),
});

export const CapturePayload = z.object({
  digitalId: z.string().optional(),
  deviceCode: z.string().optional(),
  deviceServiceVersion: z.string().optional(),
  bioType: z.enum(['Finger', 'Iris', 'Face']),
  bioSubType: z.string().nullable().optional(),
  purpose: z.string().optional(),
  env: z.string().optional(),
  bioValue: z.string().min(1),
  transactionId: z.string(),
  timestamp: z.string().optional(),
  requestedScore: NumLike.optional(),
  qualityScore: NumLike.pipe(z.number().min(0).max(100)),
});
export type CapturePayload = z.infer<typeof CapturePayload>;
