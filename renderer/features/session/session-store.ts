// Who is at the counter: the session token (memory only, never stored), the session view, and why
// the login screen is showing (logged out, session ended elsewhere, account locked).
import { create } from 'zustand';
import type { SessionView } from '@common/contract/auth.js';
import type { Language } from '@common/contract/schemas.js';
import type { ErrorBody, Result } from '@common/contract/index.js';
import { bindSession, call } from '@renderer/api/client.js';
import { flushDrafts } from '@renderer/lib/drafts.js';
import { applyLanguage, rememberLanguage, storedLanguage } from '@renderer/i18n/index.js';
import { useAppStore } from '@renderer/shell/app-store.js';
import { useAuditStore } from '../audit/audit-store.js';
import { useUsersStore } from '../admin/users-store.js';

export type LoginNotice = { kind: 'loggedOut' } | { kind: 'ended' } | { kind: 'accountLocked'; retryAt: number } | null;

interface SessionState {
  token: string | undefined;
  session: SessionView | null;
  notice: LoginNotice;
  login(username: string, password: string): Promise<Result<unknown>>;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlock(password: string): Promise<Result<unknown>>;
  changePassword(currentPassword: string, newPassword: string): Promise<Result<unknown>>;
  chooseLanguage(language: Language): Promise<void>;
  /** The session was locked elsewhere (idle sweep, another call answered LOCKED). */
  markLocked(): void;
  /** The session is gone: back to the login screen, with a reason when there is one. */
  end(notice: LoginNotice): void;
}

const retryAtOf = (error: ErrorBody): number | undefined => {
  const retryAt = (error.details as { retryAt?: unknown } | undefined)?.retryAt;
  return typeof retryAt === 'number' ? retryAt : undefined;
};

/** Before login (and after logout) the screen speaks the workstation's language. */
const workstationLanguage = (): Language => storedLanguage() ?? useAppStore.getState().status?.defaultLanguage ?? 'id';

export const useSessionStore = create<SessionState>()((set, get) => ({
  token: undefined,
  session: null,
  notice: null,

  async login(username, password) {
    const result = await call('auth.login', { username, password });
    if (result.ok) {
      set({ token: result.value.sessionToken, session: result.value.session, notice: null });
      await applyLanguage(result.value.session.language);
      void useAppStore.getState().loadServices();
    }
    return result;
  },

  async logout() {
    if (get().token) await flushDrafts();
    if (get().token) await call('auth.logout', {});
    get().end({ kind: 'loggedOut' });
  },

  async lock() {
    const { session } = get();
    if (!session || session.locked) return;
    await flushDrafts();
    set({ session: { ...session, locked: true } });
    const result = await call('auth.lock', {});
    if (!result.ok && result.error.code === 'PASSWORD_CHANGE_REQUIRED') await get().logout();
  },

  async unlock(password) {
    const result = await call('auth.unlock', { password });
    if (result.ok) set({ session: result.value });
    else if (result.error.code === 'ACCOUNT_LOCKED') get().end({ kind: 'accountLocked', retryAt: retryAtOf(result.error) ?? Date.now() });
    return result;
  },

  async changePassword(currentPassword, newPassword) {
    const result = await call('auth.changePassword', { currentPassword, newPassword });
    if (result.ok) set({ session: result.value });
    return result;
  },

  async chooseLanguage(language) {
    await applyLanguage(language);
    if (!get().session) return rememberLanguage(language);
    const result = await call('prefs.setLanguage', { language });
    if (result.ok) set({ session: result.value });
  },

  markLocked() {
    const { session } = get();
    if (session && !session.locked) set({ session: { ...session, locked: true } });
  },

  end(notice) {
    if (!get().session && !get().token) return set({ notice: notice ?? get().notice });
    set({ token: undefined, session: null, notice });
    // Nothing of the last officer's work stays in memory for the next one.
    useUsersStore.getState().reset();
    useAuditStore.getState().reset();
    void applyLanguage(workstationLanguage());
  },
}));

bindSession({
  token: () => useSessionStore.getState().token,
  onLocked: () => useSessionStore.getState().markLocked(),
  onUnauthenticated: () => useSessionStore.getState().end({ kind: 'ended' }),
});

export { retryAtOf };
