import { getUserById } from '@db/queries/access/users.js';
import { backgroundContext, write } from '../kernel/context.js';
import type { Core } from '../core.js';
import type { Session } from './sessions.js';

/** Locks a session that has been idle too long, audited like a lock the officer made. */
export function lockForIdle(core: Core, session: Session, now: number): void {
  const user = getUserById(core.db, session.userId);
  // Not the call that found the session idle: the lock is the workstation's own doing.
  write(backgroundContext(core, { now, session, user }), 'auth.idleLock', () => {
    session.locked = true;
    return { change: { entity: 'user', entityId: session.userId, summary: { sessionId: session.id } } };
  });
  core.events.emit('session.changed', { sessionId: session.id, state: 'locked' });
}

export function isIdle(core: Core, session: Session, now: number): boolean {
  return !session.locked && now - session.lastActivityAt >= core.idleLockMs();
}
