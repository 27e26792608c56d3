import { AppError } from '@common/contract/result.js';
import { clearLoginFailures, getLoginFailures, putLoginFailures } from '@db/queries/access/login-failures.js';
import { getUserByUsername, type UserRow } from '@db/queries/access/users.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';
import type { CredentialPurpose } from '@common/central/op-authority.js';
import { write, type CallContext } from '../kernel/context.js';

export const MAX_FAILURES = 5;
export const LOCKOUT_MS = 15 * 60_000;

const lockedMessage = (until: number, now: number): AppError =>
  new AppError('ACCOUNT_LOCKED', `Too many failed attempts; try again in ${Math.ceil((until - now) / 60_000)} minutes`, {
    retryAt: until,
  });

type Attempt = { locked: number } | { count: number };

/**
 * What a temporary password (one an admin typed, at creation or reset) may be checked for: logging in,
 * unlocking that session and changing it. It authorises nothing else: no override, no adjudication, no
 * sign-off, whoever types it.
 */
const TEMPORARY_PASSWORD_PURPOSES: ReadonlySet<CredentialPurpose> = new Set(['auth.login', 'auth.unlock', 'auth.changePassword']);

/**
 * Counts an attempt as a failure before its password is hashed, in the same transaction that reads the
 * lock: scrypt is asynchronous, so a check that read the lock first and counted after the hash let a burst
 * of parallel guesses all pass the lock check before any of them was counted. The attempt that reaches the
 * limit sets the lock itself; a right password clears the count afterwards (the caller's own write). This
 * is the account's local counter, not an audited change: the audit event (`.failed`, `.refused`) follows.
 */
function countAttempt(ctx: CallContext, username: string): Attempt {
  return ctx.db
    .transaction((): Attempt => {
      const current = getLoginFailures(ctx.db, username);
      if (current?.locked_until && current.locked_until > ctx.now) return { locked: current.locked_until };
      const expired = current?.locked_until != null && current.locked_until <= ctx.now;
      const count = (expired ? 0 : (current?.failures ?? 0)) + 1;
      putLoginFailures(ctx.db, {
        username,
        failures: count,
        locked_until: count >= MAX_FAILURES ? ctx.now + LOCKOUT_MS : null,
        last_failure_at: ctx.now,
      });
      return { count };
    })
    .immediate();
}

export interface CredentialCheck {
  /** The error's details when the password is wrong, e.g. which form field to mark. */
  wrongDetails?: Record<string, unknown>;
  wrongMessage?: string;
}

/**
 * Checks a username and password for login, unlock, supervisor overrides, adjudication, sign-off and
 * password change alike. The same answer and the same cost whether or not the user exists; every attempt
 * counts per typed name before the hash, and the fifth in 15 minutes locks the name whatever the password.
 * A supervisor's name tried through an override counts on the same row as their logins: a guess at the
 * account is the same guess whichever screen it comes through. The caller clears the count inside its own
 * write when it succeeds.
 */
export async function checkCredentials(
  ctx: CallContext,
  rawUsername: string,
  password: string,
  purpose: CredentialPurpose,
  check: CredentialCheck = {},
): Promise<UserRow> {
  const username = rawUsername.trim().toLowerCase();
  const attempt = countAttempt(ctx, username);
  if ('locked' in attempt) {
    write(ctx, `${purpose}.refused`, () => ({ change: { summary: { username, reason: 'locked' } } }));
    throw lockedMessage(attempt.locked, ctx.now);
  }
  const user = getUserByUsername(ctx.db, username);
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !valid) {
    write(ctx, `${purpose}.failed`, () => ({ change: { summary: { username } } }));
    if (attempt.count >= MAX_FAILURES) throw lockedMessage(ctx.now + LOCKOUT_MS, ctx.now);
    throw new AppError('INVALID_CREDENTIALS', check.wrongMessage ?? 'Wrong username or password', {
      ...check.wrongDetails,
      attemptsLeft: MAX_FAILURES - attempt.count,
    });
  }
  if (user.disabled === 1) {
    write(ctx, `${purpose}.refused`, () => ({
      change: { entity: 'user', entityId: user.id, summary: { username, reason: 'disabled' } },
    }));
    throw new AppError('FORBIDDEN', 'This account is disabled; ask an admin', { reason: 'account.disabled' });
  }
  if (user.must_change_password === 1 && !TEMPORARY_PASSWORD_PURPOSES.has(purpose)) {
    // The password was right, so it is no guess: the count goes; the refusal stays on the record.
    write(ctx, `${purpose}.refused`, (db) => {
      clearLoginFailures(db, username);
      return { change: { entity: 'user', entityId: user.id, summary: { username, reason: 'temporaryPassword' } } };
    });
    throw new AppError('FORBIDDEN', 'A temporary password authorises nothing but its own change', { reason: 'password.temporary' });
  }
  return user;
}
