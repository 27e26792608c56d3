// How the central server applies one op to one record. Each synced entity registers a definition;
// the push engine (server/sync/push.ts) loads records in bulk, asks `decide` op by op, and writes the
// outcome in bulk. Decisions are pure, so entity rules are tested without a database.
import type { ConflictInfo } from '@common/central/protocol.js';

/** Per field: the record version that last changed it and who changed it (a workstation id or 'central'). */
export type FieldMeta = Record<string, [number, string]>;

export interface StoredRecord {
  version: number;
  data: Record<string, unknown>;
  meta: FieldMeta;
  deleted: boolean;
}

export interface IncomingOp {
  opId: string;
  deviceSeq: number;
  entity: string;
  entityId: string;
  op: string;
  baseVersion: number | null;
  createdAt: number;
  data: Record<string, unknown>;
  blobs: readonly string[];
  /** The workstation that sent it. */
  origin: string;
  /** Role and username of the officer who made the change, from the op's audit event (when it names one). */
  role?: string | null;
  actor?: string | null;
}

export interface DecideContext {
  /** Which record of this entity holds a unique key value in the op's office, if any. */
  keyOwner(key: string, value: string): string | undefined;
  /** Whether the office's business day holding this instant is closed (signed off and not reopened). */
  dayClosed?(at: number): boolean;
}

export type Decision =
  /** `next` unset: nothing changes (an audit-only op, or a change to values the record already has). */
  | { status: 'applied'; next?: StoredRecord }
  | { status: 'rejected'; reason: string }
  | { status: 'conflict'; reason: string; conflict: ConflictInfo };

export interface EntityDef {
  entity: string;
  /** Whether its records are published in the office's change feed (and snapshots). */
  flowsDown: boolean;
  /** Data fields that must be unique per office (checked through DecideContext.keyOwner). */
  uniqueKeys: readonly string[];
  decide(op: IncomingOp, current: StoredRecord | undefined, ctx: DecideContext): Decision;
}
