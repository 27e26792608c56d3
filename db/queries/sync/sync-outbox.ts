import type { Db } from '@db/connection.js';
import { LATE_REASONS } from '@common/central/late-change.js';
import { stmt } from './sync-statements.js';

export type OutboxStatus = 'pending' | 'applied' | 'duplicate' | 'rejected' | 'conflict';

export interface OutboxRow {
  device_seq: number;
  op_id: string;
  entity: string;
  entity_id: string;
  op: string;
  payload: string;
  base_version: number | null;
  created_at: number;
  status: OutboxStatus;
  result: string | null;
  attempts: number;
  last_attempt_at: number | null;
  resolved_at: number | null;
  resolution: 'mine' | 'theirs' | 'mixed' | null;
}

const COLUMNS =
  'device_seq, op_id, entity, entity_id, op, payload, base_version, created_at, status, result, attempts, last_attempt_at, resolved_at, resolution';

/** Pending ops in device_seq order; `fromSeq` resends from where central asked (a gap). */
export const pendingOps = (db: Db, limit: number, fromSeq = 0): OutboxRow[] =>
  stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE status = 'pending' AND device_seq >= ? ORDER BY device_seq LIMIT ?`).all(
    fromSeq,
    limit,
  ) as OutboxRow[];

/** Ops from a seq on whatever their status: central answers duplicate for those it has. */
export const opsFrom = (db: Db, fromSeq: number, limit: number): OutboxRow[] =>
  stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE device_seq >= ? ORDER BY device_seq LIMIT ?`).all(fromSeq, limit) as OutboxRow[];

export const getOp = (db: Db, opId: string): OutboxRow | undefined =>
  stmt(db, `SELECT ${COLUMNS} FROM outbox WHERE op_id = ?`).get(opId) as OutboxRow | undefined;

export const hasPendingFor = (db: Db, entity: string, entityId: string): boolean =>
  stmt(db, "SELECT 1 FROM outbox WHERE entity = ? AND entity_id = ? AND status = 'pending' LIMIT 1").get(entity, entityId) !== undefined;

export function markAttempt(db: Db, deviceSeqs: readonly number[], at: number): void {
  const update = stmt(db, 'UPDATE outbox SET attempts = attempts + 1, last_attempt_at = ? WHERE device_seq = ?');
  for (const seq of deviceSeqs) update.run(at, seq);
}

export function setOpResult(db: Db, opId: string, status: OutboxStatus, result: string | null): void {
  stmt(db, 'UPDATE outbox SET status = ?, result = ? WHERE op_id = ?').run(status, result, opId);
}

export function markResolved(db: Db, opId: string, at: number, resolution: 'mine' | 'theirs' | 'mixed'): void {
  stmt(db, 'UPDATE outbox SET resolved_at = ?, resolution = ? WHERE op_id = ?').run(at, resolution, opId);
}

export interface Settlement {
  kind: 'retried' | 'dismissed';
  by: string | null;
  at: number;
  reason: string | null;
  retryOpId: string | null;
}

/** A rejected op settled at this desk: kept as it was answered, with the settlement beside central's answer. */
export function markSettled(db: Db, opId: string, s: Settlement): void {
  stmt(db, "UPDATE outbox SET resolved_at = ?, result = json_set(coalesce(result, '{}'), '$.settled', json(?)) WHERE op_id = ?").run(
    s.at,
    JSON.stringify(s),
    opId,
  );
}

/** The newest op this desk wrote (inside the transaction that wrote it). */
export const newestOpId = (db: Db): string | undefined =>
  stmt(db, 'SELECT op_id FROM outbox ORDER BY device_seq DESC LIMIT 1').pluck().get() as string | undefined;

export interface OutboxCounts {
  pending: number;
  rejected: number;
  /** Late changes central holds for the office's supervisor: refused for now, not for good. */
  held: number;
  conflicts: number;
}

// The outbox's status has no value for "held": a held op is stored as rejected with a late.* reason.
const HELD = `status = 'rejected' AND resolved_at IS NULL AND json_extract(result, '$.reason') IN ('${LATE_REASONS.held}', '${LATE_REASONS.waiting}')`;

export const outboxCounts = (db: Db): OutboxCounts =>
  stmt(
    db,
    `SELECT count(*) FILTER (WHERE status = 'pending') AS pending,
              count(*) FILTER (WHERE status = 'rejected' AND resolved_at IS NULL AND NOT (${HELD})) AS rejected,
              count(*) FILTER (WHERE ${HELD}) AS held,
              count(*) FILTER (WHERE status = 'conflict' AND resolved_at IS NULL) AS conflicts
       FROM outbox WHERE status IN ('pending', 'rejected', 'conflict')`,
  ).get() as OutboxCounts;

export const maxDeviceSeq = (db: Db): number => (stmt(db, 'SELECT coalesce(max(device_seq), 0) AS m FROM outbox').get() as { m: number }).m;

/** What the Sync screen lists, newest first. */
export function listOutbox(
  db: Db,
  statuses: readonly OutboxStatus[],
  opts: { unresolvedOnly: boolean; limit: number; beforeSeq?: number },
): OutboxRow[] {
  const marks = statuses.map(() => '?').join(', ');
  return stmt(
    db,
    `SELECT ${COLUMNS} FROM outbox WHERE status IN (${marks}) AND device_seq < ?
       AND (? = 0 OR status NOT IN ('conflict', 'rejected') OR resolved_at IS NULL) ORDER BY device_seq DESC LIMIT ?`,
  ).all(...statuses, opts.beforeSeq ?? Number.MAX_SAFE_INTEGER, opts.unresolvedOnly ? 1 : 0, opts.limit) as OutboxRow[];
}
