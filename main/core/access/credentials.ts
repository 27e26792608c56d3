import { AppError } from '@common/contract/result.js';
import { getLoginFailures, putLoginFailures } from '@db/queries/login-failures.js';
import { getUserByUsername, type UserRow } from '@db/queries/users.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { CredentialPurpose } from '@common/central/op-authority.js';
import { write, type CallContext } from '../kernel/context.js';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

const lockedMessage = (until: number, now: number): AppError =>
  new AppError('ACCOUNT_LOCKED', `Too many failed attempts; try again in ${Math.ceil((until - now) / 60_000)} minutes`, {
    retryAt: until,
  });

/**
 * Checks a username and password for login, unlock and supervisor overrides alike. The same answer and
 * the same cost whether or not the user exists; failures count per typed name and lock it for 15 minutes.
 * The caller clears the failure count inside its own write when it succeeds.
 */
export async function checkCredentials(
  ctx: CallContext,
  rawUsername: string,
  password: string,
  purpose: CredentialPurpose,
): Promise<UserRow> {
  const username = rawUsername.trim().toLowerCase();
  const before = getLoginFailures(ctx.db, username);
  if (before?.locked_until && before.locked_until > ctx.now) {
    write(ctx, `${purpose}.refused`, () => ({ change: { summary: { username, reason: 'locked' } } }));
    throw lockedMessage(before.locked_until, ctx.now);
  }
  const user = getUserByUsername(ctx.db, username);
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    const failures = write(ctx, `${purpose}.failed`, (db) => {
      const current = getLoginFailures(db, username);
      const expired = current?.locked_until != null && current.locked_until <= ctx.now;
      const count = (expired ? 0 : (current?.failures ?? 0)) + 1;
      putLoginFailures(db, {
        username,
        failures: count,
        locked_until: count >= MAX_FAILURES ? ctx.now + LOCKOUT_MS : null,
        last_failure_at: ctx.now,
      });
      return { change: { summary: { username } }, result: count };
    });
    if (failures >= MAX_FAILURES) throw lockedMessage(ctx.now + LOCKOUT_MS, ctx.now);
    throw new AppError('INVALID_CREDENTIALS', 'Wrong username or password', { attemptsLeft: MAX_FAILURES - failures });
  }
  if (user.disabled === 1) {
    write(ctx, `${purpose}.refused`, () => ({
      change: { entity: 'user', entityId: user.id, summary: { username, reason: 'disabled' } },
    }));
    throw new AppError('FORBIDDEN', 'This account is disabled; ask an admin');
  }
  return user;
}
