// What an applier is: the code that takes one record central sent (by pull, or with a push's answer)
// into this workstation's tables. The list of them is appliers.ts.
import type { Db } from '@db/connection.js';
import { upsertSyncRecord } from '@db/queries/sync/sync.js';

export interface PulledRecord {
  entity: string;
  entityId: string;
  version: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

export interface ApplyEffects {
  /** Accounts whose sessions must end (disabled, role or password changed centrally). */
  endSessionsOf: string[];
  /** Records kept aside because this version cannot read them: logged once the transaction is over. */
  unreadable: Array<{ entity: string; entityId: string; issues: string[] }>;
}

export const noEffects = (): ApplyEffects => ({ endSessionsOf: [], unreadable: [] });

export interface LocalApplier {
  entity: string;
  /** Runs inside the caller's transaction. Throwing aborts the whole pull: only for real faults. */
  apply(db: Db, rec: PulledRecord, now: number, effects: ApplyEffects): void;
}

/** Keeps a record as central sent it: for entities without a table here, and for records an applier cannot read. */
export const keepAside = (db: Db, rec: PulledRecord): void =>
  upsertSyncRecord(db, {
    entity: rec.entity,
    entity_id: rec.entityId,
    version: rec.version,
    data: JSON.stringify(rec.data),
    deleted: rec.deleted ? 1 : 0,
  });

/**
 * A record this version cannot read must not stop the pull: kept aside as central sent it, and named
 * in the log by entity, id and the failing fields' paths (never their values).
 */
export function keepUnreadable(
  db: Db,
  rec: PulledRecord,
  effects: ApplyEffects,
  issues: readonly { path: readonly PropertyKey[]; code: string }[] = [],
): void {
  effects.unreadable.push({
    entity: rec.entity,
    entityId: rec.entityId,
    issues: issues.map((i) => `${i.path.map(String).join('.')}:${i.code}`),
  });
  keepAside(db, rec);
}
