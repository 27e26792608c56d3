// What this workstation is: set up or not, training or live, which office (and so which time zone).
import { create } from 'zustand';
import type { AppStatus, OfficeView, ServiceView } from '@common/contract/app.js';
import type { SetupInput } from '@common/contract/setup.js';
import type { ErrorBody, Result } from '@common/contract/index.js';
import { call } from '../api/client.js';

interface AppState {
  status: AppStatus | null;
  loadError: ErrorBody | null;
  offices: OfficeView[];
  services: ServiceView[];
  load(): Promise<void>;
  loadOffices(): Promise<void>;
  loadServices(): Promise<void>;
  initialize(input: SetupInput): Promise<Result<unknown>>;
  enterTraining(): Promise<Result<unknown>>;
  /** A set-up workstation needs a live admin's name and password to leave training. */
  leaveTraining(credentials?: { username: string; password: string }): Promise<Result<unknown>>;
}

export const useAppStore = create<AppState>()((set, get) => ({
  status: null,
  loadError: null,
  offices: [],
  services: [],

  async load() {
    const result = await call('app.status', {});
    if (!result.ok) return set({ loadError: result.error });
    set({ status: result.value, loadError: null });
    if (!result.value.setupDone && !result.value.training && get().offices.length === 0) await get().loadOffices();
  },

  async loadOffices() {
    const result = await call('reference.offices', {});
    if (result.ok) set({ offices: result.value });
  },

  async loadServices() {
    const result = await call('reference.services', {});
    if (result.ok) set({ services: result.value });
  },

  async initialize(input) {
    const result = await call('setup.initialize', input);
    if (result.ok || result.error.code === 'CONFLICT') await get().load();
    return result;
  },

  async enterTraining() {
    const result = await call('setup.enterTraining', {});
    await get().load();
    return result;
  },

  async leaveTraining(credentials) {
    const result = await call('setup.leaveTraining', credentials ?? {});
    await get().load();
    return result;
  },
}));
