// Ops central cannot store as sent (text PostgreSQL refuses, or nesting past the limit): each is answered
// `rejected` with its reason and recorded without the offending payload, and the rest of the batch goes on.
// Before this, one such op failed the whole batch with a 500 and stopped the workstation's outbox for good.
import { opProblem, type OpResult, type WireOp } from '@common/central/protocol.js';
import { replaceProblems } from '@common/domain/shared/text.js';
import type { AppliedOpRow } from './persist.js';

/** The answer for an op central refuses before deciding it. */
export const refused = (op: WireOp, reason: string): OpResult => ({
  opId: op.opId,
  deviceSeq: op.deviceSeq,
  status: 'rejected',
  original: null,
  reason,
  version: null,
  current: null,
  conflict: null,
});

export interface Sorted {
  clean: WireOp[];
  results: Map<string, OpResult>;
  rows: AppliedOpRow[];
}

export function sortUnstorable(ops: readonly WireOp[], ws: { id: string; officeCode: string }, now: number): Sorted {
  const out: Sorted = { clean: [], results: new Map(), rows: [] };
  for (const op of ops) {
    const reason = opProblem(op);
    if (reason === null) {
      out.clean.push(op);
      continue;
    }
    out.results.set(op.opId, refused(op, reason));
    out.rows.push({
      op_id: op.opId,
      workstation_id: ws.id,
      device_seq: op.deviceSeq,
      office_code: ws.officeCode,
      entity: op.entity,
      // The id as recorded: the characters no column can hold replaced.
      entity_id: replaceProblems(op.entityId),
      op: op.op,
      status: 'rejected',
      reason,
      result: { version: null, current: null, conflict: null },
      payload: { audit: {}, data: {}, refused: reason, blobs: op.blobs, baseVersion: op.baseVersion, createdAt: op.createdAt },
      change_seq: null,
      applied_at: now,
    });
  }
  return out;
}
