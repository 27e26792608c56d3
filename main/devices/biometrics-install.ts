// One call for the hosts (Electron shell, web host) to give core its biometric device layer and vault.
import { SBI_PORT_FIRST, SBI_PORT_LAST } from '@common/domain/biometrics/modalities.js';
import { newBiometricRuntime, stopBiometricRuntime } from '../core/biometrics/port.js';
import { purgeExpired } from '../core/biometrics/blob-sync.js';
import type { Core } from '../core/core.js';
import type { KeyWrapper } from '../core/kernel/crypto/key-wrapper.js';
import { BlobVault } from '../core/kernel/crypto/vault.js';
import { SbiDevices, type SbiDevicesOptions } from './sbi/devices.js';
import { startSimulatorProcess, type SimulatorProcess } from './sbi-sim/process.js';

export interface InstallBiometricsOptions {
  /** safeStorage-backed in the Electron shell; KeyFileWrapper(dataDir) in the web host. */
  keyWrapper: KeyWrapper;
  sbi?: SbiDevicesOptions;
  /** In training mode, start the simulated device (as its own process) before the first scan. */
  trainingSimulator?: boolean;
  /** How often to purge images uploaded longer than the retention ago; 0 turns the timer off. Default hourly. */
  purgeEveryMs?: number;
}

export interface InstalledBiometrics {
  devices: SbiDevices;
  /** Stops the training simulator, if it was started, and detaches the runtime from core. */
  close(): Promise<void>;
}

export function installBiometrics(core: Core, opts: InstallBiometricsOptions): InstalledBiometrics {
  let sim: Promise<SimulatorProcess> | undefined;
  const beforeScan = async (): Promise<void> => {
    await opts.sbi?.beforeScan?.();
    if (!opts.trainingSimulator || !core.training) return;
    sim ??= startSimulatorProcess({ args: [] }).catch((err: unknown) => {
      sim = undefined;
      core.log.error({ err }, 'the training SBI simulator did not start');
      throw err;
    });
    await sim.catch(() => undefined);
  };
  const devices = new SbiDevices({ ports: [SBI_PORT_FIRST, SBI_PORT_LAST], ...opts.sbi, beforeScan });
  const runtime = newBiometricRuntime({ devices, vault: new BlobVault(opts.keyWrapper) });
  const detach = core.attach('biometrics', runtime);
  const every = opts.purgeEveryMs ?? 3_600_000;
  const timer =
    every > 0
      ? setInterval(() => {
          try {
            purgeExpired(core);
          } catch (err) {
            core.log.error({ err }, 'biometric purge failed');
          }
        }, every)
      : undefined;
  timer?.unref();
  return {
    devices,
    close: async () => {
      if (timer) clearInterval(timer);
      detach();
      stopBiometricRuntime(runtime);
      const running = await sim?.catch(() => undefined);
      await running?.stop();
    },
  };
}
