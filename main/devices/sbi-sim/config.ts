// What the simulator's control endpoint (POST /control) and command line can change: quality, delay,
// device state and one-shot or sticky fault injection.
import { z } from 'zod';
import { BIO_SUBTYPES } from '@common/domain/biometrics/modalities.js';

export const SIM_FAULTS = [
  /** RCAPTURE answers JSON cut off half way. */
  'malformedJson',
  /** The second element's hash does not follow from the first (or the first's from previousHash). */
  'brokenHash',
  /** RCAPTURE never answers. */
  'timeout',
  /** RCAPTURE sends half an answer and drops the connection. */
  'disconnect',
  /** The capture payload is altered after signing. */
  'badSignature',
  /** STREAM sends three frames and drops the connection. */
  'disconnectStream',
  /** RCAPTURE answers SBI error 101 (no biometric detected). */
  'noBiometric',
] as const;
export type SimFault = (typeof SIM_FAULTS)[number];

export const SIM_DEVICES = ['finger', 'iris', 'face'] as const;

const Quality = z.number().min(0).max(100);

export const SimConfigSchema = z.strictObject({
  status: z.enum(['Ready', 'Busy', 'Not Ready']),
  registered: z.boolean(),
  /** The device's own capture time, before it answers RCAPTURE. */
  delayMs: z.number().int().min(0).max(120_000),
  quality: Quality,
  qualities: z.partialRecord(z.enum(BIO_SUBTYPES), Quality),
  fault: z.enum(SIM_FAULTS).nullable(),
  /** Requests the fault applies to before it clears itself; 0 keeps it until changed. */
  faultTimes: z.number().int().min(0).max(1000),
  fps: z.number().min(1).max(30),
});
export type SimConfig = z.infer<typeof SimConfigSchema>;

export const SimControlSchema = SimConfigSchema.partial();
export type SimControl = z.infer<typeof SimControlSchema>;

export const DEFAULT_SIM_CONFIG: SimConfig = {
  status: 'Ready',
  registered: true,
  delayMs: 800,
  quality: 72,
  qualities: {},
  fault: null,
  faultTimes: 1,
  fps: 10,
};
