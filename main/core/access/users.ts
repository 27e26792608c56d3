import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import { clearLoginFailures } from '@db/queries/access/login-failures.js';
import { unknownServiceCodes } from '@db/queries/office/reference.js';
import {
  getUserById,
  getUserByUsername,
  insertUser,
  listUsers,
  setUserServices,
  updateUser,
  type UserPatch,
} from '@db/queries/access/users.js';
import type { Db } from '@db/connection.js';
import { endSessionsOf } from './auth.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { hashPassword } from './passwords.js';
import { assertPasswordPolicy } from './password-rules.js';
import { toUserView } from './views.js';
import { normaliseSet } from '@common/central/set-fields.js';

function assertServices(db: Db, codes: readonly string[] | undefined): void {
  const unknown = codes ? unknownServiceCodes(db, codes) : [];
  if (unknown.length > 0) {
    throw new AppError('VALIDATION', `Unknown services: ${unknown.join(', ')}`, { fields: { services: ['service.unknown'] } });
  }
}

function mustFind(ctx: CallContext, id: string) {
  const user = getUserById(ctx.db, id);
  if (!user) throw new AppError('NOT_FOUND', 'No such account');
  return user;
}

const activeAdmins = (db: Db): number =>
  (db.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin' AND disabled = 0").get() as { n: number }).n;

export const usersHandlers = {
  'users.list': (ctx) => listUsers(ctx.db).map((u) => toUserView(ctx.db, u, ctx.now)),

  'users.create': async (ctx, input) => {
    const username = input.username.toLowerCase();
    if (getUserByUsername(ctx.db, username)) {
      throw new AppError('CONFLICT', `The username ${username} is taken`, { fields: { username: ['username.taken'] } });
    }
    assertServices(ctx.db, input.services);
    assertPasswordPolicy(input.password, username);
    const services = normaliseSet(input.services);
    const hash = await hashPassword(input.password);
    const id = uuidv7();
    write(ctx, 'users.create', (db) => {
      insertUser(db, {
        id,
        username,
        full_name: input.fullName,
        role: input.role,
        password_hash: hash,
        // An admin typed this password: the officer must replace it with one only they know.
        must_change_password: 1,
        disabled: 0,
        language: input.language,
        created_at: ctx.now,
        updated_at: ctx.now,
      });
      setUserServices(db, id, services);
      return {
        change: {
          entity: 'user',
          entityId: id,
          summary: { username, role: input.role, services },
          data: { username, fullName: input.fullName, role: input.role, services, passwordHash: hash },
        },
      };
    });
    return toUserView(ctx.db, mustFind(ctx, id), ctx.now);
  },

  'users.update': (ctx, input) => {
    const user = mustFind(ctx, input.id);
    assertServices(ctx.db, input.services);
    const demotesAdmin = user.role === 'admin' && ((input.role && input.role !== 'admin') || input.disabled === true);
    if (demotesAdmin && activeAdmins(ctx.db) <= 1) {
      throw new AppError('CONFLICT', 'This is the last active admin; create another admin first', { reason: 'user.lastAdmin' });
    }
    if (input.id === ctx.user?.id && input.disabled === true)
      throw new AppError('CONFLICT', 'You cannot disable your own account', { reason: 'user.disableSelf' });
    const patch: UserPatch = {
      full_name: input.fullName,
      role: input.role,
      disabled: input.disabled === undefined ? undefined : input.disabled ? 1 : 0,
    };
    const { id: _id, ...given } = input;
    // Services are a set: one spelling, so central sees the same set sent in another order as no change.
    const changes = given.services ? { ...given, services: normaliseSet(given.services) } : given;
    write(ctx, 'users.update', (db) => {
      updateUser(db, user.id, patch, ctx.now);
      if (input.services) setUserServices(db, user.id, input.services);
      return { change: { entity: 'user', entityId: user.id, baseVersion: user.version, summary: changes } };
    });
    if (input.disabled || (input.role && input.role !== user.role)) endSessionsOf(ctx.core, user.id);
    return toUserView(ctx.db, mustFind(ctx, user.id), ctx.now);
  },

  'users.resetPassword': async (ctx, input) => {
    const user = mustFind(ctx, input.id);
    assertPasswordPolicy(input.temporaryPassword, user.username, 'temporaryPassword');
    const hash = await hashPassword(input.temporaryPassword);
    write(ctx, 'users.resetPassword', (db) => {
      updateUser(db, user.id, { password_hash: hash, must_change_password: 1 }, ctx.now);
      clearLoginFailures(db, user.username);
      return { change: { entity: 'user', entityId: user.id, baseVersion: user.version, data: { passwordHash: hash } } };
    });
    endSessionsOf(ctx.core, user.id);
    return toUserView(ctx.db, mustFind(ctx, user.id), ctx.now);
  },

  'users.unlock': (ctx, input) => {
    const user = mustFind(ctx, input.id);
    // A supervisor clears officers' lockouts; an admin's lockout guards the accounts, so only an admin lifts it.
    if (user.role === 'admin' && ctx.user?.role !== 'admin')
      throw new AppError('FORBIDDEN', 'Only an admin can unlock an admin', { reason: 'user.unlockAdmin' });
    write(ctx, 'users.unlock', (db) => {
      clearLoginFailures(db, user.username);
      return { change: { entity: 'user', entityId: user.id } };
    });
    return toUserView(ctx.db, user, ctx.now);
  },
} satisfies Partial<Handlers>;
