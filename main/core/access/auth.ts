import { AppError } from '@common/contract/result.js';
import { clearLoginFailures } from '@db/queries/access/login-failures.js';
import { updateUser, type UserRow } from '@db/queries/access/users.js';
import { checkCredentials } from './credentials.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { hashPassword } from './passwords.js';
import { assertPasswordPolicy } from './password-rules.js';
import type { Session } from './sessions.js';
import { toSessionView } from './views.js';

export const OVERRIDE_TTL_MS = 2 * 60_000;

/**
 * Ends every session of an account (password reset, disabled, role changed, locked out) and tells each
 * window it was ended, so the screen goes back to login at once instead of on its next call.
 */
export function endSessionsOf(core: CallContext['core'], userId: string): void {
  const ending = core.sessions.all().filter((s) => s.userId === userId);
  core.sessions.endAllFor(userId);
  for (const s of ending) core.events.emit('session.changed', { sessionId: s.id, state: 'ended' });
}

/** Handlers behind 'session' access always have both; this narrows the types once. */
export function signedIn(ctx: CallContext): { session: Session; user: UserRow } {
  if (!ctx.session || !ctx.user) throw new AppError('UNAUTHENTICATED', 'Please log in');
  return { session: ctx.session, user: ctx.user };
}

/** A locked-out account must not stay open behind a lock screen or a password form. */
async function endSessionIfLockedOut<T>(ctx: CallContext, session: Session, check: Promise<T>): Promise<T> {
  try {
    return await check;
  } catch (err) {
    if (err instanceof AppError && err.code === 'ACCOUNT_LOCKED') {
      ctx.core.sessions.end(session);
      ctx.core.events.emit('session.changed', { sessionId: session.id, state: 'ended' });
    }
    throw err;
  }
}

export const authHandlers = {
  'auth.login': async (ctx, input) => {
    if (ctx.core.setting('setup_done') !== '1') throw new AppError('SETUP_REQUIRED', 'Set up this workstation first');
    const user = await checkCredentials(ctx, input.username, input.password, 'auth.login');
    const { token, session } = ctx.core.sessions.create(user.id, ctx.now);
    write(ctx, 'auth.login', (db) => {
      clearLoginFailures(db, user.username);
      return { change: { entity: 'user', entityId: user.id, actor: user, summary: { sessionId: session.id } } };
    });
    return { sessionToken: token, session: toSessionView(ctx.db, session, user) };
  },

  'auth.logout': (ctx) => {
    const { session, user } = signedIn(ctx);
    write(ctx, 'auth.logout', () => {
      ctx.core.sessions.end(session);
      return { change: { entity: 'user', entityId: user.id, summary: { sessionId: session.id } } };
    });
    ctx.core.events.emit('session.changed', { sessionId: session.id, state: 'ended' });
    return { ok: true as const };
  },

  'auth.session': (ctx) => {
    const { session, user } = signedIn(ctx);
    return toSessionView(ctx.db, session, user);
  },

  // The gate records the activity: the officer's input reported by the screen (calls declared `background` never count).
  'auth.activity': (ctx) => {
    signedIn(ctx);
    return { ok: true as const };
  },

  'auth.lock': (ctx) => {
    const { session, user } = signedIn(ctx);
    write(ctx, 'auth.lock', () => {
      session.locked = true;
      return { change: { entity: 'user', entityId: user.id, summary: { sessionId: session.id } } };
    });
    ctx.core.events.emit('session.changed', { sessionId: session.id, state: 'locked' });
    return { ok: true as const };
  },

  'auth.unlock': async (ctx, input) => {
    const { session, user } = signedIn(ctx);
    await endSessionIfLockedOut(ctx, session, checkCredentials(ctx, user.username, input.password, 'auth.unlock'));
    write(ctx, 'auth.unlock', (db) => {
      clearLoginFailures(db, user.username);
      session.locked = false;
      session.lastActivityAt = ctx.now;
      return { change: { entity: 'user', entityId: user.id, summary: { sessionId: session.id } } };
    });
    return toSessionView(ctx.db, session, user);
  },

  'auth.changePassword': async (ctx, input) => {
    const { session, user } = signedIn(ctx);
    // The new password's rules first: they say nothing about the current one, and so cost no attempt.
    assertPasswordPolicy(input.newPassword, user.username, 'newPassword');
    if (input.newPassword === input.currentPassword) {
      throw new AppError('VALIDATION', 'The new password must differ from the current one', { fields: { newPassword: ['password.same'] } });
    }
    // An open session is no licence to guess its own password: the attempts count like logins.
    await endSessionIfLockedOut(
      ctx,
      session,
      checkCredentials(ctx, user.username, input.currentPassword, 'auth.changePassword', {
        wrongMessage: 'The current password is wrong',
        wrongDetails: { fields: { currentPassword: ['password.wrong'] } },
      }),
    );
    const hash = await hashPassword(input.newPassword);
    write(ctx, 'auth.changePassword', (db) => {
      clearLoginFailures(db, user.username);
      updateUser(db, user.id, { password_hash: hash, must_change_password: 0 }, ctx.now);
      return { change: { entity: 'user', entityId: user.id, data: { passwordHash: hash } } };
    });
    return toSessionView(ctx.db, session, { ...user, must_change_password: 0 });
  },

  'auth.override': async (ctx, input) => {
    const { session, user } = signedIn(ctx);
    const supervisor = await checkCredentials(ctx, input.username, input.password, 'override');
    if (supervisor.role !== 'supervisor')
      throw new AppError('FORBIDDEN', 'Only a supervisor can authorise this', { reason: 'override.notSupervisor' });
    if (supervisor.id === user.id)
      throw new AppError('FORBIDDEN', 'A supervisor cannot authorise their own action', { reason: 'override.ownAction' });
    const expiresAt = ctx.now + OVERRIDE_TTL_MS;
    const token = write(ctx, 'override.granted', (db) => {
      clearLoginFailures(db, supervisor.username);
      const issued = ctx.core.overrides.issue({
        supervisorId: supervisor.id,
        supervisorName: supervisor.full_name,
        action: input.action,
        reason: input.reason,
        sessionId: session.id,
        expiresAt,
      });
      return {
        change: {
          entity: 'user',
          entityId: supervisor.id,
          summary: { supervisor: supervisor.username, action: input.action, reason: input.reason, sessionId: session.id },
        },
        result: issued,
      };
    });
    return { overrideToken: token, supervisorId: supervisor.id, supervisorName: supervisor.full_name, action: input.action, expiresAt };
  },

  'prefs.setLanguage': (ctx, input) => {
    const { session, user } = signedIn(ctx);
    write(ctx, 'prefs.setLanguage', (db) => {
      updateUser(db, user.id, { language: input.language }, ctx.now);
      return { change: { entity: 'user', entityId: user.id, summary: { language: input.language } } };
    });
    return toSessionView(ctx.db, session, { ...user, language: input.language });
  },
} satisfies Partial<Handlers>;
