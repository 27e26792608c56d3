import type { SyncItem, SyncStatus } from '@common/contract/sync.js';
import type { ConflictInfo, RecordState } from '@common/central/protocol.js';
import { getCursor, getSyncState } from '@db/queries/sync/sync.js';
import { outboxCounts, type OutboxRow, type Settlement } from '@db/queries/sync/sync-outbox.js';
import { sameSet, setFieldsOf } from '@common/central/set-fields.js';
import type { Core } from '../core.js';

const num = (v: string | undefined): number | null => (v === undefined ? null : Number(v));

/** Always about the live database: the training database never syncs. */
export function syncStatus(core: Core): SyncStatus {
  const db = core.liveDb;
  const live = core.ports.sync?.live();
  const counts = outboxCounts(db);
  const workstationId = getSyncState(db, 'workstation_id') ?? null;
  return {
    state: core.training ? 'training' : (live?.state ?? 'disabled'),
    online: live?.online ?? false,
    enrolled: workstationId !== null,
    centralUrl: live?.centralUrl ?? getSyncState(db, 'central_url') ?? null,
    embedded: live?.embedded ?? false,
    workstationId,
    officeCode: getSyncState(db, 'office_code') ?? null,
    pendingOps: counts.pending,
    rejected: counts.rejected,
    held: counts.held,
    conflicts: counts.conflicts,
    lastSyncAt: num(getSyncState(db, 'last_sync_at')),
    lastAttemptAt: num(getSyncState(db, 'last_attempt_at')),
    nextAttemptAt: live?.nextAttemptAt ?? null,
    lastError: live?.lastError ?? null,
    training: core.training,
    cursor: getCursor(db),
  };
}

export interface StoredOpResult {
  reason: string | null;
  version: number | null;
  original: string | null;
  conflict: ConflictInfo | null;
  current: RecordState | null;
  /** Set when this desk settled a rejected op (retried or dismissed it). */
  settled?: Settlement;
}

const SECRET_FIELDS = new Set(['passwordHash']);
const shown = (field: string, v: unknown): unknown => (SECRET_FIELDS.has(field) ? '(hidden)' : (v ?? null));

export function parseResult(row: Pick<OutboxRow, 'result'>): StoredOpResult | null {
  return row.result ? (JSON.parse(row.result) as StoredOpResult) : null;
}

export function toSyncItem(row: OutboxRow): SyncItem {
  const result = parseResult(row);
  const audit = (JSON.parse(row.payload) as { audit?: { username?: unknown } }).audit;
  return {
    deviceSeq: row.device_seq,
    opId: row.op_id,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    createdAt: row.created_at,
    status: row.status,
    attempts: row.attempts,
    lastAttemptAt: row.last_attempt_at,
    reason: result?.reason ?? null,
    actor: typeof audit?.username === 'string' ? audit.username : null,
    conflict: result?.conflict
      ? {
          serverVersion: result.current?.version ?? null,
          // A set resent in another order is the same value (an older central reported it as a conflict).
          fields: result.conflict.fields
            .filter((f) => !(setFieldsOf(row.entity).has(f.field) && sameSet(f.mine, f.theirs)))
            .map((f) => ({ field: f.field, mine: shown(f.field, f.mine), theirs: shown(f.field, f.theirs) })),
        }
      : null,
    resolvedAt: row.resolved_at,
    resolution: row.resolution,
    settled: result?.settled ?? null,
  };
}
