// The renderer routes by hash (Electron loads a file:// page and never navigates). The stores decide
// which screen may show; the hash mirrors it so the address always says where the user is.
import { useSyncExternalStore } from 'react';
import type { SessionView } from '@common/contract/auth.js';
import type { AppStatus } from '@common/contract/app.js';
import type { Role } from '@common/domain/shared/roles.js';

export type Screen = 'loading' | 'setup' | 'login' | 'changePassword' | 'locked' | 'home';

export function screenFor(status: AppStatus | null, session: SessionView | null): Screen {
  if (!status) return 'loading';
  if (!status.setupDone && !status.training) return 'setup';
  if (!session) return 'login';
  if (session.locked) return 'locked';
  if (session.mustChangePassword) return 'changePassword';
  return 'home';
}

/** Each role's home. Reception's is its check-in screen, in a section of its own: nothing of a counter's is under it. */
export const HOME_ROUTE: Record<Role, string> = {
  officer: '#/loket',
  supervisor: '#/supervisor',
  admin: '#/admin/accounts',
  reception: '#/resepsi/antrean',
};

/** Roles with one screen: every other address, in their own section too, goes back to it. */
const ONE_SCREEN: readonly Role[] = ['reception'];

const FIXED_ROUTE: Record<Exclude<Screen, 'home'>, string> = {
  loading: '',
  setup: '#/setup',
  login: '#/login',
  changePassword: '#/password',
  locked: '#/locked',
};

/**
 * The hash the address should show; a home route keeps its sub-page (e.g. an admin tab), and an unlock
 * returns to the page the lock covered (`resume`), so the form the officer was in is still there.
 */
export function routeFor(screen: Screen, role: Role | undefined, current: string, resume: string | null = null): string {
  if (screen !== 'home') return FIXED_ROUTE[screen];
  const home = HOME_ROUTE[role ?? 'officer'];
  const section = role && ONE_SCREEN.includes(role) ? home : home.split('/').slice(0, 2).join('/');
  const inSection = (hash: string): boolean => hash === section || hash.startsWith(`${section}/`);
  if (inSection(current)) return current;
  return current === FIXED_ROUTE.locked && resume !== null && inSection(resume) ? resume : home;
}

const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash);
}

export function replaceHash(hash: string): void {
  if (window.location.hash === hash) return;
  window.history.replaceState(null, '', hash || window.location.pathname + window.location.search);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
