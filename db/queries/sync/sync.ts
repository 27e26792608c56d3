import type { Db } from '@db/connection.js';
import { stmt } from './sync-statements.js';

export function getSyncState(db: Db, key: string): string | undefined {
  return (stmt(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setSyncState(db: Db, key: string, value: string): void {
  stmt(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

export function deleteSyncState(db: Db, key: string): void {
  stmt(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
}

export const getCursor = (db: Db): number => (stmt(db, 'SELECT seq FROM sync_cursor WHERE id = 1').get() as { seq: number }).seq;

/** The table's trigger refuses a smaller value: the cursor never goes backwards. */
export function setCursor(db: Db, seq: number): void {
  stmt(db, 'UPDATE sync_cursor SET seq = ? WHERE id = 1').run(seq);
}

export const knownVersion = (db: Db, entity: string, entityId: string): number | undefined =>
  (
    stmt(db, 'SELECT version FROM sync_versions WHERE entity = ? AND entity_id = ?').get(entity, entityId) as
      { version: number } | undefined
  )?.version;

export function setKnownVersion(db: Db, entity: string, entityId: string, version: number): void {
  stmt(
    db,
    'INSERT INTO sync_versions (entity, entity_id, version) VALUES (?, ?, ?) ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version',
  ).run(entity, entityId, version);
}

export interface SyncRecordRow {
  entity: string;
  entity_id: string;
  version: number;
  data: string;
  deleted: number;
}

export function upsertSyncRecord(db: Db, row: SyncRecordRow): void {
  stmt(
    db,
    `INSERT INTO sync_records (entity, entity_id, version, data, deleted) VALUES (@entity, @entity_id, @version, @data, @deleted)
     ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted`,
  ).run(row);
}

export const getSyncRecord = (db: Db, entity: string, entityId: string): SyncRecordRow | undefined =>
  stmt(db, 'SELECT entity, entity_id, version, data, deleted FROM sync_records WHERE entity = ? AND entity_id = ?').get(
    entity,
    entityId,
  ) as SyncRecordRow | undefined;

export const listSyncRecords = (db: Db, entity: string): SyncRecordRow[] =>
  stmt(db, 'SELECT entity, entity_id, version, data, deleted FROM sync_records WHERE entity = ? ORDER BY entity_id').all(
    entity,
  ) as SyncRecordRow[];

export const countSyncRecords = (db: Db): number => (stmt(db, 'SELECT count(*) AS n FROM sync_records').get() as { n: number }).n;

export interface DeferredRow {
  entity: string;
  entity_id: string;
  version: number;
  data: string;
  deleted: number;
}

/** Keeps the newest state only. */
export function deferRecord(db: Db, row: DeferredRow): void {
  stmt(
    db,
    `INSERT INTO sync_deferred (entity, entity_id, version, data, deleted) VALUES (@entity, @entity_id, @version, @data, @deleted)
     ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, data = excluded.data, deleted = excluded.deleted
     WHERE excluded.version > sync_deferred.version`,
  ).run(row);
}

export const getDeferred = (db: Db, entity: string, entityId: string): DeferredRow | undefined =>
  stmt(db, 'SELECT entity, entity_id, version, data, deleted FROM sync_deferred WHERE entity = ? AND entity_id = ?').get(
    entity,
    entityId,
  ) as DeferredRow | undefined;

export function deleteDeferred(db: Db, entity: string, entityId: string): void {
  stmt(db, 'DELETE FROM sync_deferred WHERE entity = ? AND entity_id = ?').run(entity, entityId);
}
