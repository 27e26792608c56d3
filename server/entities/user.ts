// Officer accounts: created at a workstation or centrally, changed field by field, merged per field.
import { z } from 'zod';
import { UserData, UserPatch } from '@common/central/records.js';
import { setFieldsOf } from '@common/central/set-fields.js';
import { created, mergePatch, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

const CreateData = UserData.pick({ username: true, fullName: true, role: true, services: true, passwordHash: true }).extend({
  language: z.enum(['id', 'en']).optional(),
});

/** What each workstation action changes on the account; actions not listed are audit-only. */
const PATCHES: Record<string, (data: Record<string, unknown>) => unknown> = {
  'users.update': (d) => ({ fullName: d.fullName, role: d.role, disabled: d.disabled, services: d.services }),
  'users.resetPassword': (d) => ({ passwordHash: d.passwordHash, mustChangePassword: true }),
  'auth.changePassword': (d) => ({ passwordHash: d.passwordHash, mustChangePassword: false }),
  'prefs.setLanguage': (d) => ({ language: d.language }),
  'sync.resolve': (d) => (d.fields && typeof d.fields === 'object' ? d.fields : {}),
};

const USER_SETS = setFieldsOf('user');

const SELF_SERVICE = new Set(['prefs.setLanguage', 'auth.changePassword']);

const withoutUndefined = (o: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function create(op: IncomingOp, current: StoredRecord | undefined, owner: string | undefined, ownPassword: boolean): Decision {
  const parsed = parseData(CreateData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (current) return { status: 'rejected', reason: 'exists' };
  if (owner !== undefined && owner !== op.entityId) return { status: 'rejected', reason: 'username.taken' };
  const d = parsed.value;
  const data: UserData = {
    username: d.username,
    fullName: d.fullName,
    role: d.role,
    disabled: false,
    services: d.services,
    passwordHash: d.passwordHash,
    // Someone else typed this password: the officer replaces it at the first login. Setup's admin chose their own.
    mustChangePassword: !ownPassword,
    language: d.language ?? 'id',
    createdAt: op.createdAt,
  };
  return { status: 'applied', next: created(data, op.origin) };
}

export const userEntity: EntityDef = {
  entity: 'user',
  flowsDown: true,
  uniqueKeys: ['username'],
  decide(op, current, ctx) {
    // Setup's admin arrives as the office's first account (central admits it only to an office without any).
    if (op.op === 'users.create' || op.op === 'setup.initialize') {
      const username = typeof op.data.username === 'string' ? op.data.username : '';
      return create(op, current, ctx.keyOwner('username', username), op.op === 'setup.initialize');
    }
    const toPatch = PATCHES[op.op];
    if (!toPatch) return { status: 'applied' };
    const parsed = parseData(UserPatch, withoutUndefined(toPatch(op.data) as Record<string, unknown>));
    if (!parsed.ok) return parsed.decision;
    // An account central never received (a later desk's own setup admin) is refused before this
    // (actor.unknown); a self-service change to an account central does not hold changes nothing.
    if (!current && SELF_SERVICE.has(op.op)) return { status: 'applied' };
    if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
    if (parsed.value.username !== undefined) return { status: 'rejected', reason: 'username.immutable' };
    return mergePatch(current, parsed.value, op, USER_SETS);
  },
};
