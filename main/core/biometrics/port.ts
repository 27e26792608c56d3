// The port between core and the biometric devices. Core never imports main/devices (lint): the host
// builds the adapter (the SBI client) and attaches it as core.ports.biometrics at start.
import { AppError } from '@common/contract/result.js';
import type { DeviceView } from '@common/contract/biometrics.js';
import type { BioSubType, BioType, Modality } from '@common/domain/biometrics/modalities.js';
import { deviceErrorDetails, type DeviceErrorDetails } from '@common/domain/biometrics/errors.js';
import type { Core } from '../core.js';
import type { BlobVault } from '../kernel/crypto/vault.js';

export interface CaptureRequest {
  modality: Modality;
  /** A specific device; otherwise the first Ready device offering the modality. */
  deviceId?: string;
  subTypes: readonly BioSubType[];
  exceptions: readonly BioSubType[];
  requestedScore: number;
  timeoutMs: number;
  /** Upper-case hex of the last verified hash in this application's chain; '' starts a chain. */
  previousHash: string;
  transactionId: string;
}

export interface CapturedItem {
  bioType: BioType;
  bioSubType: BioSubType;
  quality: number;
  /** The ISO 19794 record exactly as the device signed it. */
  iso: Uint8Array;
  hash: string;
}

export interface CaptureResult {
  deviceId: string;
  serialNo: string;
  transactionId: string;
  items: CapturedItem[];
  lastHash: string;
}

export interface PreviewSink {
  frame(image: Uint8Array, mime: string): void;
  end(reason: 'ended' | 'error', error?: DeviceErrorDetails): void;
}

export interface PreviewHandle {
  stop(): void;
}

/**
 * Every method reports device faults as AppError('DEVICE', message, DeviceErrorDetails): malformed
 * answers, broken hash chains, bad signatures, timeouts, busy devices and dropped connections alike.
 */
export interface BiometricDevicePort {
  list(refresh: boolean): Promise<DeviceView[]>;
  capture(req: CaptureRequest): Promise<CaptureResult>;
  preview(req: { modality: Modality; deviceId?: string }, sink: PreviewSink): Promise<PreviewHandle>;
}

export interface BiometricRuntimeParts {
  devices: BiometricDevicePort;
  vault: BlobVault;
}

export interface PreviewEntry {
  modality: Modality;
  handle: PreviewHandle | undefined;
  timer: NodeJS.Timeout;
}

export interface BiometricRuntime extends BiometricRuntimeParts {
  /** Applications with a device capture in flight: one at a time keeps the hash chain linear. */
  busy: Set<string>;
  previews: Map<string, PreviewEntry>;
}

export const newBiometricRuntime = (parts: BiometricRuntimeParts): BiometricRuntime => ({ ...parts, busy: new Set(), previews: new Map() });

/** Stops every preview still streaming; the host does this as it detaches the runtime. */
export function stopBiometricRuntime(rt: BiometricRuntime): void {
  for (const p of rt.previews.values()) {
    clearTimeout(p.timer);
    p.handle?.stop();
  }
  rt.previews.clear();
}

/** The attached runtime, or the device error the capture screen shows when there is none. */
export function biometricRuntime(core: Core): BiometricRuntime {
  const rt = core.ports.biometrics;
  if (!rt) {
    const details = deviceErrorDetails('notConfigured');
    throw new AppError('DEVICE', details.messageEn, details);
  }
  return rt;
}

export function deviceError(kind: Parameters<typeof deviceErrorDetails>[0], extra: { sbiCode?: number; info?: string } = {}): AppError {
  const details = deviceErrorDetails(kind, extra);
  return new AppError('DEVICE', details.messageEn, details);
}
