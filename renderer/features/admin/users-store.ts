// Account management for the admin: the list and each change, answered with the Result envelope so
// forms can show field errors without losing what was typed.
import { create } from 'zustand';
import type { CallInput, ErrorBody, Result } from '@common/contract/index.js';
import type { UserView } from '@common/contract/schemas.js';
import { call } from '@renderer/api/client.js';

interface UsersState {
  users: UserView[];
  loaded: boolean;
  error: ErrorBody | null;
  load(): Promise<void>;
  create(input: CallInput<'users.create'>): Promise<Result<UserView>>;
  update(input: CallInput<'users.update'>): Promise<Result<UserView>>;
  resetPassword(id: string, temporaryPassword: string): Promise<Result<UserView>>;
  unlock(id: string): Promise<Result<UserView>>;
  reset(): void;
}

export const useUsersStore = create<UsersState>()((set, get) => {
  const replace = (result: Result<UserView>): Result<UserView> => {
    if (result.ok) {
      const exists = get().users.some((u) => u.id === result.value.id);
      set({ users: exists ? get().users.map((u) => (u.id === result.value.id ? result.value : u)) : [...get().users, result.value] });
    }
    return result;
  };
  return {
    users: [],
    loaded: false,
    error: null,
    async load() {
      const result = await call('users.list', {});
      if (result.ok) set({ users: result.value, loaded: true, error: null });
      else set({ error: result.error });
    },
    create: async (input) => replace(await call('users.create', input)),
    update: async (input) => replace(await call('users.update', input)),
    resetPassword: async (id, temporaryPassword) => replace(await call('users.resetPassword', { id, temporaryPassword })),
    unlock: async (id) => replace(await call('users.unlock', { id })),
    reset: () => set({ users: [], loaded: false, error: null }),
  };
});
