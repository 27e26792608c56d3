// One pull round: the changes after the cursor (long-polled when there are none), applied with the new
// cursor in one transaction. The first sync, and a cursor older than central's compaction horizon (410),
// load a paged snapshot instead; its progress survives a restart.
import { syncRoutes } from '@common/central/routes.js';
import type { Db } from '@db/connection.js';
import { deleteSyncState, getCursor, getSyncState, setSyncState } from '@db/queries/sync/sync.js';
import type { Core } from '../core/core.js';
import { applyPulled } from '../core/replication/apply.js';
import { maxDeviceSeq, outboxCounts } from '@db/queries/sync/sync-outbox.js';
import { SyncHttpError, type Transport } from './transport.js';

export interface PullContext {
  core: Core;
  db: Db;
  transport: Transport;
  pageSize: number;
  snapshotPageSize: number;
}

const SNAPSHOT_PAGE = 'snapshot_page';
const INITIALISED = 'pull_initialised';

async function snapshotRound(ctx: PullContext, signal?: AbortSignal): Promise<{ received: number; more: boolean }> {
  const page = getSyncState(ctx.db, SNAPSHOT_PAGE);
  const snap = await ctx.transport.call(syncRoutes.snapshot, { query: { limit: ctx.snapshotPageSize, page: page || undefined } }, signal);
  const last = snap.next === null;
  // The cursor moves only with the last page; earlier pages are full states, safe to apply again.
  applyPulled(ctx.core, ctx.db, snap.records, last ? Math.max(snap.asOf, getCursor(ctx.db)) : undefined, (db) => {
    if (last) {
      deleteSyncState(db, SNAPSHOT_PAGE);
      setSyncState(db, INITIALISED, '1');
    } else setSyncState(db, SNAPSHOT_PAGE, snap.next as string);
  });
  return { received: snap.records.length, more: !last };
}

export async function pullRound(ctx: PullContext, waitMs: number, signal?: AbortSignal): Promise<{ received: number; more: boolean }> {
  if (getSyncState(ctx.db, SNAPSHOT_PAGE) !== undefined || getSyncState(ctx.db, INITIALISED) === undefined)
    return snapshotRound(ctx, signal);
  const cursor = getCursor(ctx.db);
  // Each pull also says how far this outbox goes, so the office's end of day knows which desks are behind.
  const query = {
    cursor,
    limit: ctx.pageSize,
    wait: waitMs,
    lastSeq: maxDeviceSeq(ctx.db),
    conflicts: outboxCounts(ctx.db).conflicts,
  };
  try {
    const answer = await ctx.transport.call(syncRoutes.pull, { query }, signal);
    applyPulled(ctx.core, ctx.db, answer.changes, answer.cursor);
    return { received: answer.changes.length, more: answer.more };
  } catch (err) {
    if (err instanceof SyncHttpError && err.code === 'CURSOR_EXPIRED') {
      setSyncState(ctx.db, SNAPSHOT_PAGE, '');
      return { received: 0, more: true };
    }
    throw err;
  }
}
