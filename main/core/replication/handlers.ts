// The sync.* contract calls. The running client is reached through the sync port; listing and
// resolving work on the live database whether or not the client runs.
import { AppError } from '@common/contract/result.js';
import { getOp, listOutbox, type OutboxStatus } from '@db/queries/sync/sync-outbox.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { resolveConflict } from './resolve.js';
import { dismissRejected, retryRejected } from './settle.js';
import { syncStatus, toSyncItem } from './status.js';

const FILTERS: Record<string, OutboxStatus[]> = {
  problems: ['pending', 'rejected', 'conflict'],
  pending: ['pending'],
  rejected: ['rejected'],
  conflict: ['conflict'],
  all: ['pending', 'applied', 'duplicate', 'rejected', 'conflict'],
};

function refuseTraining(ctx: CallContext): void {
  if (ctx.core.training)
    throw new AppError('FORBIDDEN', 'Training mode never syncs; leave training mode first', { reason: 'sync.training', training: true });
}

function runningPort(ctx: CallContext) {
  const port = ctx.core.ports.sync;
  if (!port)
    throw new AppError('OFFLINE', 'Sync is not running on this workstation (no central server configured)', {
      reason: 'sync.notConfigured',
    });
  return port;
}

function itemOf(ctx: CallContext, opId: string) {
  const row = getOp(ctx.core.liveDb, opId);
  if (!row) throw new AppError('NOT_FOUND', 'No such op');
  return toSyncItem(row);
}

export const syncHandlers = {
  'sync.status': (ctx) => syncStatus(ctx.core),

  'sync.now': async (ctx) => {
    refuseTraining(ctx);
    await runningPort(ctx).syncNow();
    return syncStatus(ctx.core);
  },

  'sync.list': (ctx, input) => {
    const statuses = FILTERS[input.filter] ?? [];
    const rows = listOutbox(ctx.core.liveDb, statuses, {
      unresolvedOnly: input.filter === 'problems',
      limit: input.limit,
      beforeSeq: input.beforeSeq,
    });
    return { items: rows.map(toSyncItem) };
  },

  'sync.resolveConflict': (ctx, input) => {
    refuseTraining(ctx);
    resolveConflict({ ...ctx, db: ctx.core.liveDb }, input);
    const row = getOp(ctx.core.liveDb, input.opId);
    if (!row) throw new AppError('NOT_FOUND', 'No such op');
    return toSyncItem(row);
  },

  'sync.retryRejected': (ctx, input) => {
    refuseTraining(ctx);
    retryRejected({ ...ctx, db: ctx.core.liveDb }, input.opId);
    return itemOf(ctx, input.opId);
  },

  'sync.dismissRejected': (ctx, input) => {
    refuseTraining(ctx);
    dismissRejected({ ...ctx, db: ctx.core.liveDb }, input.opId, input.reason);
    return itemOf(ctx, input.opId);
  },

  'sync.officeProblems': async (ctx) => {
    refuseTraining(ctx);
    const port = runningPort(ctx);
    try {
      return await port.officeProblems();
    } catch (err) {
      if (err instanceof AppError) throw err;
      throw new AppError('OFFLINE', "Central cannot be reached: the office's problems are not available", {
        reason: 'sync.officeUnreachable',
      });
    }
  },

  'sync.enrol': async (ctx, input) => {
    refuseTraining(ctx);
    if (ctx.core.setting('setup_done') !== '1') throw new AppError('SETUP_REQUIRED', 'Set up this workstation first');
    await runningPort(ctx).enrol(input.centralUrl, input.code);
    write({ ...ctx, db: ctx.core.liveDb }, 'sync.enrolled', () => ({
      change: { entity: 'workstation', summary: { centralUrl: input.centralUrl } },
    }));
    return syncStatus(ctx.core);
  },

  'sync.reenrol': async (ctx, input) => {
    refuseTraining(ctx);
    await runningPort(ctx).reenrol(input.code);
    write({ ...ctx, db: ctx.core.liveDb }, 'sync.reenrolled', () => ({ change: { entity: 'workstation', summary: {} } }));
    return syncStatus(ctx.core);
  },
} satisfies Partial<Handlers>;
