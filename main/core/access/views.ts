import type { Db } from '@db/connection.js';
import { userServices, type UserRow } from '@db/queries/access/users.js';
import { getLoginFailures } from '@db/queries/access/login-failures.js';
import type { SessionView } from '@common/contract/auth.js';
import type { UserView } from '@common/contract/schemas.js';
import type { Session } from './sessions.js';

export function toUserView(db: Db, u: UserRow, now: number): UserView {
  const lockedUntil = getLoginFailures(db, u.username)?.locked_until ?? null;
  return {
    id: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    language: u.language,
    disabled: u.disabled === 1,
    mustChangePassword: u.must_change_password === 1,
    services: userServices(db, u.id),
    lockedUntil: lockedUntil !== null && lockedUntil > now ? lockedUntil : null,
    createdAt: u.created_at,
  };
}

export function toSessionView(db: Db, s: Session, u: UserRow): SessionView {
  return {
    sessionId: s.id,
    userId: u.id,
    username: u.username,
    fullName: u.full_name,
    role: u.role,
    language: u.language,
    mustChangePassword: u.must_change_password === 1,
    locked: s.locked,
    services: userServices(db, u.id),
  };
}
