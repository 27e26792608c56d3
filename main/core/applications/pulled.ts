// What the appliers of the office's applications, payments and receipts share: which desk made a record,
// which local account central's officer name is, and the records kept aside until what they belong to
// arrives.
import type { Db } from '@db/connection.js';
import { dropKeptAside, keptAsideFor, userIdByUsername } from '@db/queries/applications/application-sync.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import type { ApplyEffects, LocalApplier } from '../replication/applier.js';

/** Central names the desk that made a record; on the desk that made it the column stays NULL. */
export function originOf(db: Db, origin: unknown): string | null {
  if (typeof origin !== 'string' || origin === '') return null;
  return origin === getSyncState(db, 'workstation_id') ? null : origin;
}

/** Central names officers by account name; this desk's rows hold the account id (accounts flow down too). */
export const userIdOf = (db: Db, username: string | null | undefined): string =>
  (username ? (userIdByUsername(db, username) ?? username) : null) ?? 'central';

/**
 * A payment or receipt can arrive before the application (or payment) it belongs to: a page of changes
 * applies each record's newest version only, which may reorder them. It is kept aside until its owner
 * arrives, and applied then.
 */
export function adoptKeptAside(
  db: Db,
  ownerId: string,
  now: number,
  effects: ApplyEffects,
  appliers: ReadonlyMap<string, LocalApplier>,
): void {
  for (const row of keptAsideFor(db, ownerId)) {
    const applier = appliers.get(row.entity);
    if (!applier) continue;
    dropKeptAside(db, row.entity, row.entity_id);
    const data = JSON.parse(row.data) as Record<string, unknown>;
    applier.apply(
      db,
      { entity: row.entity, entityId: row.entity_id, version: row.version, data, deleted: row.deleted === 1 },
      now,
      effects,
    );
  }
}
