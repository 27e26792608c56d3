// The records central owns and every workstation follows: accounts, offices and services.
import { OfficeData, ServiceData, UserData } from '@common/central/records.js';
import { getUserById, setUserServices } from '@db/queries/access/users.js';
import {
  knownServiceCodes,
  renameClashingUser,
  upsertSyncedOffice,
  upsertSyncedService,
  upsertSyncedUser,
} from '@db/queries/sync/sync-apply.js';
import { keepAside, keepUnreadable, type LocalApplier } from './applier.js';

export const userApplier: LocalApplier = {
  entity: 'user',
  apply(db, rec, now, effects) {
    const parsed = UserData.safeParse(rec.data);
    if (!parsed.success) return keepUnreadable(db, rec, effects, parsed.error.issues);
    const u = parsed.data;
    const before = getUserById(db, rec.entityId);
    const renamed = renameClashingUser(db, u.username, rec.entityId);
    if (renamed) effects.endSessionsOf.push(renamed);
    upsertSyncedUser(db, {
      id: rec.entityId,
      username: u.username,
      full_name: u.fullName,
      role: u.role,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword ? 1 : 0,
      disabled: u.disabled || rec.deleted ? 1 : 0,
      language: u.language,
      created_at: u.createdAt,
      updated_at: now,
      version: rec.version,
    });
    const known = knownServiceCodes(db);
    setUserServices(
      db,
      rec.entityId,
      u.services.filter((s) => known.has(s)),
    );
    const revoked = u.disabled || rec.deleted || (before && (before.role !== u.role || before.password_hash !== u.passwordHash));
    if (before && revoked) effects.endSessionsOf.push(rec.entityId);
  },
};

export const officeApplier: LocalApplier = {
  entity: 'office',
  apply(db, rec) {
    const parsed = OfficeData.safeParse(rec.data);
    if (!parsed.success) return keepAside(db, rec);
    upsertSyncedOffice(db, { code: rec.entityId, ...parsed.data, version: rec.version });
  },
};

export const serviceApplier: LocalApplier = {
  entity: 'service',
  apply(db, rec) {
    const parsed = ServiceData.safeParse(rec.data);
    if (!parsed.success) return keepAside(db, rec);
    const s = parsed.data;
    upsertSyncedService(db, {
      code: rec.entityId,
      prefix: s.prefix,
      name_id: s.nameId,
      name_en: s.nameEn,
      active: s.active && !rec.deleted ? 1 : 0,
      version: rec.version,
    });
  },
};
