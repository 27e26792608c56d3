// The SBI adapter behind core's BiometricDevicePort: remembers what discovery found, picks the device
// for a modality, and rescans once when a device has gone away or a new one may have been plugged in.
import type { DeviceView } from '@common/contract/biometrics.js';
import { AppError } from '@common/contract/result.js';
import type { Modality } from '@common/domain/biometrics/modalities.js';
import {
  deviceError,
  type BiometricDevicePort,
  type CaptureRequest,
  type CaptureResult,
  type PreviewHandle,
  type PreviewSink,
} from '@main/core/biometrics/port.js';
import { SbiClient, type KnownDevice, type SbiClientOptions } from './client.js';

export interface SbiDevicesOptions extends SbiClientOptions {
  /** Runs before each scan: training mode starts the simulator here. */
  beforeScan?: () => Promise<void>;
  /** Upper bound of one STREAM connection; core stops previews sooner. */
  streamTimeoutMs?: number;
}

const GONE = new Set(['deviceNotFound', 'disconnected']);

export class SbiDevices implements BiometricDevicePort {
  readonly client: SbiClient;
  private known: KnownDevice[] = [];
  private scanned = false;
  private scanning: Promise<void> | undefined;

  constructor(private readonly opts: SbiDevicesOptions = {}) {
    this.client = new SbiClient(opts);
  }

  /** Concurrent callers share one scan. */
  scan(): Promise<void> {
    this.scanning ??= (async () => {
      try {
        await this.opts.beforeScan?.();
        this.known = await this.client.discover();
        this.scanned = true;
      } finally {
        this.scanning = undefined;
      }
    })();
    return this.scanning;
  }

  async list(refresh: boolean): Promise<DeviceView[]> {
    if (refresh || !this.scanned) await this.scan();
    return this.known.map((d) => d.view);
  }

  private match(modality: Modality, deviceId: string | undefined): KnownDevice[] {
    return this.known.filter(
      (d) =>
        d.view.modalities.includes(modality) &&
        (deviceId === undefined || d.deviceId === deviceId || `${d.port}/${d.deviceId}` === deviceId),
    );
  }

  /** A Ready device first; a Busy one still gets the request (its status may be stale, and it answers 111 if not). */
  async pick(modality: Modality, deviceId?: string): Promise<KnownDevice> {
    if (!this.scanned) await this.scan();
    let candidates = this.match(modality, deviceId);
    if (candidates.length === 0) {
      await this.scan();
      candidates = this.match(modality, deviceId);
    }
    const dev = candidates.find((d) => d.view.status === 'Ready') ?? candidates.find((d) => d.keyId !== null) ?? candidates[0];
    if (!dev) throw deviceError('noDevice');
    if (!dev.keyId) throw deviceError('notRegistered');
    return dev;
  }

  private forgetOnGone(err: unknown): void {
    if (
      err instanceof AppError &&
      err.code === 'DEVICE' &&
      GONE.has((err.details as { deviceError?: string } | undefined)?.deviceError ?? '')
    ) {
      this.scanned = false;
    }
  }

  async capture(req: CaptureRequest): Promise<CaptureResult> {
    const dev = await this.pick(req.modality, req.deviceId);
    try {
      return await this.client.capture(dev, req);
    } catch (err) {
      this.forgetOnGone(err);
      throw err;
    }
  }

  async preview(req: { modality: Modality; deviceId?: string }, sink: PreviewSink): Promise<PreviewHandle> {
    const dev = await this.pick(req.modality, req.deviceId);
    try {
      return await this.client.stream(dev, req.modality, sink, this.opts.streamTimeoutMs ?? 130_000);
    } catch (err) {
      this.forgetOnGone(err);
      throw err;
    }
  }

  /** For the web host's MJPEG proxy: the device currently serving a modality. */
  deviceFor(modality: Modality, deviceId?: string): Promise<KnownDevice> {
    return this.pick(modality, deviceId);
  }
}
