// Shortcuts through the UI (what a user does) and through core (state a test only needs to exist).
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import type { Role } from '@common/domain/shared/roles.js';
import type { E2eApp } from './app.js';

export const ADMIN = { username: 'admin', fullName: 'Rina Kusuma', password: 'Kantor-Loket-2026' };

/** A set-up workstation (Banyumanik, counter 3) with its first admin, without going through the UI. */
export async function setUpByCore(app: E2eApp): Promise<void> {
  await app.call('setup.initialize', {
    officeCode: 'banyumanik',
    workstationName: 'LOKET-03',
    counterNumber: 3,
    language: 'id',
    admin: { username: ADMIN.username, fullName: ADMIN.fullName, password: ADMIN.password },
  });
}

/** An account past its forced password change, created by core; returns its password. */
export async function accountByCore(app: E2eApp, username: string, role: Role, services: string[] = []): Promise<string> {
  const admin = await app.call('auth.login', { username: ADMIN.username, password: ADMIN.password });
  const temp = `Sementara-${username.length}-2026`;
  await app.call('users.create', { username, fullName: `Petugas ${username}`, role, password: temp, services }, admin.sessionToken);
  const session = await app.call('auth.login', { username, password: temp });
  const password = `Rahasia-${[...username].reverse().join('')}-2026`;
  await app.call('auth.changePassword', { currentPassword: temp, newPassword: password }, session.sessionToken);
  await app.call('auth.logout', {}, session.sessionToken);
  await app.call('auth.logout', {}, admin.sessionToken);
  return password;
}

export async function login(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/^(Nama pengguna|Username)$/).fill(username);
  await page.getByLabel(/^(Kata sandi|Password)$/).fill(password);
  await page.keyboard.press('Enter');
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^(Keluar|Log out)/ }).click();
  await expect.poll(() => page.url()).toMatch(/#\/login$/);
}

/** Waits for a heading; the screens are told apart by their h1. */
export async function seeHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}
