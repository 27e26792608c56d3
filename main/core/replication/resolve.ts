// An officer settles a conflict: central's values, the workstation's, or a choice per field. The
// decision is a new op (sync.resolve) based on central's version, so it merges cleanly unless the
// record moved again meanwhile, which is then a new conflict to settle.
import { accessOf, opRule } from '@common/central/op-authority.js';
import { AppError } from '@common/contract/result.js';
import { getOp, markResolved } from '@db/queries/sync/sync-outbox.js';
import { write, type CallContext } from '../kernel/context.js';
import { applyLocalState } from './apply.js';
import { parseResult } from './status.js';

export interface ResolveInput {
  opId: string;
  choice: 'mine' | 'theirs';
  fields?: Record<string, 'mine' | 'theirs'> | undefined;
}

/** Settling a conflict writes the record again: only who may change that record may (accounts: admins). */
function assertMayResolve(ctx: CallContext, entity: string): void {
  const rule = opRule('sync.resolve', entity);
  const access = rule ? accessOf(rule) : null;
  if (Array.isArray(access) && !access.includes(ctx.user?.role as never))
    throw new AppError('FORBIDDEN', 'Your role may not change this record, so it may not settle its conflict', {
      reason: 'conflict.forbidden',
    });
}

export function resolveConflict(ctx: CallContext, input: ResolveInput): void {
  const row = getOp(ctx.db, input.opId);
  if (!row) throw new AppError('NOT_FOUND', 'No such op');
  assertMayResolve(ctx, row.entity);
  if (row.status !== 'conflict') throw new AppError('CONFLICT', 'This op is not in conflict', { reason: 'conflict.none' });
  if (row.resolved_at !== null) throw new AppError('CONFLICT', 'This conflict was already resolved', { reason: 'conflict.resolved' });
  const result = parseResult(row);
  const conflict = result?.conflict;
  const current = result?.current;
  if (!conflict || !current)
    throw new AppError('CONFLICT', 'Central did not send its side of this conflict; sync again', { reason: 'conflict.centralSideMissing' });
  const contested = new Set(conflict.fields.map((f) => f.field));
  const unknown = Object.keys(input.fields ?? {}).filter((f) => !contested.has(f));
  if (unknown.length > 0)
    throw new AppError('VALIDATION', `Not a conflicting field: ${unknown.join(', ')}`, { fields: { fields: ['field.notInConflict'] } });

  const choiceOf = (field: string): 'mine' | 'theirs' => input.fields?.[field] ?? input.choice;
  const choices = [...contested].map(choiceOf);
  const keepsAnything = choices.includes('mine');
  // "Theirs" for everything drops the whole change; otherwise its uncontested fields still go up.
  const mine = Object.fromEntries(
    Object.entries(conflict.patch).filter(([f]) => (contested.has(f) ? choiceOf(f) === 'mine' : keepsAnything)),
  );
  const resolution = choices.every((c) => c === 'mine') ? 'mine' : choices.every((c) => c === 'theirs') ? 'theirs' : 'mixed';

  write(ctx, 'sync.resolve', (db) => {
    markResolved(db, row.op_id, ctx.now, resolution);
    applyLocalState(
      db,
      {
        entity: row.entity,
        entityId: row.entity_id,
        version: current.version,
        data: { ...current.data, ...mine },
        deleted: current.deleted,
      },
      ctx.now,
    );
    return {
      change: {
        entity: row.entity,
        entityId: row.entity_id,
        baseVersion: current.version,
        summary: { opId: row.op_id, resolution, kept: Object.keys(mine) },
        data: { fields: mine, resolves: row.op_id },
      },
    };
  });
}
