// One push round: the next pending ops in device_seq order (or, after a gap, everything from the seq
// central expects), their blobs uploaded first, central's per-op answers recorded in one transaction.
import type { WireOp } from '@common/central/protocol.js';
import { MAX_JSON_DEPTH, jsonTextDepth } from '@common/domain/shared/text.js';
import { syncRoutes } from '@common/central/routes.js';
import { BlobRef } from '@common/central/records.js';
import { lastAudit } from '@db/queries/office/audit.js';
import { knownVersion } from '@db/queries/sync/sync.js';
import { markAttempt, opsFrom, pendingOps, type OutboxRow } from '@db/queries/sync/sync-outbox.js';
import type { Db } from '@db/connection.js';
import type { Core } from '../core/core.js';
import { recordPushResults } from '../core/replication/apply.js';
import type { BlobUploader } from './blobs.js';
import { SyncHttpError, type Transport } from './transport.js';

export interface PushContext {
  core: Core;
  db: Db;
  transport: Transport;
  officeCode: string;
  blobs: BlobUploader;
  batchSize: number;
  maxBatchBytes: number;
  /** Set after central answered with a gap: the next round resends from this device_seq. */
  resendFrom?: number | undefined;
}

/**
 * What an op nested past central's limit (only an old or tampered outbox holds one) is sent as: data
 * exactly one level too deep, which central rejects as `op.tooDeep` on its own. Sent whole, it would
 * make central refuse the whole batch, again and again, and stop every op behind it.
 */
function tooDeepStandIn(): Record<string, unknown> {
  let value: Record<string, unknown> = {};
  for (let i = 1; i < MAX_JSON_DEPTH; i++) value = { a: value };
  return { refused: value };
}

/** Blob references live in the op's data locally; on the wire they travel beside it. */
export function toWire(db: Db, row: OutboxRow): WireOp {
  const payload = (jsonTextDepth(row.payload) > MAX_JSON_DEPTH + 1 ? { audit: {}, data: tooDeepStandIn() } : JSON.parse(row.payload)) as {
    audit?: Record<string, unknown>;
    data?: Record<string, unknown>;
  };
  const { blobs, ...data } = payload.data ?? {};
  const refs = Array.isArray(blobs) ? blobs.flatMap((b) => (BlobRef.safeParse(b).success ? [(b as BlobRef).sha256] : [])) : [];
  return {
    opId: row.op_id,
    deviceSeq: row.device_seq,
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    baseVersion: knownVersion(db, row.entity, row.entity_id) ?? null,
    createdAt: row.created_at,
    payload: { audit: payload.audit ?? {}, data },
    blobs: [...new Set(refs)],
  };
}

export async function pushRound(ctx: PushContext): Promise<{ sent: number; more: boolean }> {
  const rows = ctx.resendFrom !== undefined ? opsFrom(ctx.db, ctx.resendFrom, ctx.batchSize) : pendingOps(ctx.db, ctx.batchSize);
  if (rows.length === 0) {
    ctx.resendFrom = undefined;
    return { sent: 0, more: false };
  }
  if (ctx.resendFrom !== undefined && rows[0]?.device_seq !== ctx.resendFrom) {
    // Central wants a seq this outbox does not have: resending cannot fill it, so stop and say so.
    const expected = ctx.resendFrom;
    ctx.resendFrom = undefined;
    throw new SyncHttpError(409, 'DEVICE_SEQ_GAP', `Central expects op ${expected}, which this workstation no longer has`);
  }
  const ops: WireOp[] = [];
  let bytes = 0;
  let cut = false;
  for (const row of rows) {
    const op = toWire(ctx.db, row);
    const size = row.payload.length + 400;
    if (ops.length > 0 && bytes + size > ctx.maxBatchBytes) {
      cut = true;
      break;
    }
    try {
      for (const sha of op.blobs) await ctx.blobs.ensure(sha);
    } catch (err) {
      // This op waits for its blob; the ones before it still go now.
      if (ops.length === 0) throw err;
      cut = true;
      break;
    }
    ops.push(op);
    bytes += size;
  }
  markAttempt(
    ctx.db,
    ops.map((o) => o.deviceSeq),
    ctx.core.now(),
  );
  // The audit head rides along, so central can later tell a cut or re-chained trail on this desk.
  const head = lastAudit(ctx.db);
  const audit = head ? { seq: head.seq, hash: head.hash } : undefined;
  const answer = await ctx.transport.call(syncRoutes.push, { body: { officeCode: ctx.officeCode, ops, audit } });
  recordPushResults(ctx.core, ctx.db, answer.results);
  ctx.resendFrom = answer.gap?.expected;
  return { sent: ops.length, more: cut || rows.length === ctx.batchSize || answer.gap !== null };
}
