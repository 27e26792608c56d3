import { contract, type CallName } from '@common/contract/index.js';
import { AppError } from '@common/contract/result.js';
import { roleAllowed } from '@common/domain/shared/roles.js';
import { getUserById } from '@db/queries/access/users.js';
import type { CallContext, CallRecord } from './context.js';
import type { Core } from '../core.js';
import { isIdle, lockForIdle } from '../access/idle.js';

/** Calls a locked or must-change-password session may still make. */
const WHILE_LOCKED = new Set<CallName>(['auth.unlock', 'auth.logout', 'auth.session', 'app.status']);
const WHILE_MUST_CHANGE = new Set<CallName>([
  'auth.changePassword',
  'auth.logout',
  'auth.session',
  'auth.activity',
  'app.status',
  'prefs.setLanguage',
]);

/**
 * Authentication and authorisation for one call, before its input is even parsed: an unauthorised
 * caller learns nothing about the call's schema. Roles are enforced here, never only in the UI.
 */
export function authorize(core: Core, name: CallName, token: string | undefined): CallContext & { call: CallRecord } {
  const now = core.now();
  const spec = contract[name];
  const session = core.sessions.get(token);
  const user = session ? getUserById(core.db, session.userId) : undefined;
  const call: CallRecord = { name, mutates: spec.mutates, writes: 0, refused: 0 };
  const base = { core, db: core.db, now, session: user ? session : undefined, user, call };
  if (spec.access === 'public') return base;
  if (!session || !user) throw new AppError('UNAUTHENTICATED', 'Your session has ended; please log in again');
  if (user.disabled === 1) {
    core.sessions.end(session);
    throw new AppError('UNAUTHENTICATED', 'This account was disabled', { reason: 'account.disabled' });
  }
  if (isIdle(core, session, now)) lockForIdle(core, session, now);
  if (session.locked && !WHILE_LOCKED.has(name)) throw new AppError('LOCKED', 'The screen is locked; enter your password');
  if (user.must_change_password === 1 && !WHILE_MUST_CHANGE.has(name)) {
    throw new AppError('PASSWORD_CHANGE_REQUIRED', 'Choose a new password first');
  }
  if (!roleAllowed(spec.access, user.role)) throw new AppError('FORBIDDEN', `Your role (${user.role}) may not do this`);
  // Only the officer's own input counts: calls the screen makes by itself are declared `background`.
  if (!spec.background && !session.locked) session.lastActivityAt = now;
  return base;
}
