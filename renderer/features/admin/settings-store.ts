// Workstation settings (name, counter, idle lock), edited by the admin; app.status follows.
import { create } from 'zustand';
import type { CallInput, CallOutput, ErrorBody, Result } from '@common/contract/index.js';
import { call } from '@renderer/api/client.js';
import { useAppStore } from '@renderer/shell/app-store.js';

type Settings = CallOutput<'settings.get'>;

interface SettingsState {
  settings: Settings | null;
  error: ErrorBody | null;
  load(): Promise<void>;
  save(input: CallInput<'settings.update'>): Promise<Result<Settings>>;
}

export const useSettingsStore = create<SettingsState>()((set) => ({
  settings: null,
  error: null,
  async load() {
    const result = await call('settings.get', {});
    set(result.ok ? { settings: result.value, error: null } : { error: result.error });
  },
  async save(input) {
    const result = await call('settings.update', input);
    if (result.ok) {
      set({ settings: result.value });
      await useAppStore.getState().load();
    }
    return result;
  },
}));
