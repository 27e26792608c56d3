// The office's open sync problems for the supervisor, from what central answered every desk: ops it
// refused or found in conflict, less those the desk has settled since. A desk settles one with an op of
// its own: `sync.resolve` (data.resolves names the conflict), `sync.retry` or `sync.dismiss` (entity `op`,
// the settled op's id as entity id), so the view needs nothing from the desks but their pushes.
import type { OfficeProblemsView } from '@common/central/office-problems.js';
import type { Store } from '../store/store.js';

/** The newest problems shown; an office with more has a deeper trouble than a list can show. */
const LIMIT = 200;

interface Row {
  workstation_id: string;
  name: string;
  op_id: string;
  device_seq: number;
  op: string;
  entity: string;
  entity_id: string;
  status: 'rejected' | 'conflict';
  reason: string | null;
  actor: string | null;
  applied_at: number;
}

export async function officeProblems(store: Store, officeCode: string): Promise<OfficeProblemsView> {
  const rows = await store.query<Row>(
    `SELECT a.workstation_id, w.name, a.op_id, a.device_seq, a.op, a.entity, a.entity_id, a.status, a.reason,
            a.payload->'audit'->>'username' AS actor, a.applied_at
     FROM applied_ops a JOIN workstations w ON w.id = a.workstation_id
     WHERE a.office_code = $1 AND a.status IN ('rejected', 'conflict') AND w.revoked_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM applied_ops s WHERE s.workstation_id = a.workstation_id AND s.entity = 'op' AND s.entity_id = a.op_id)
       AND NOT EXISTS (SELECT 1 FROM applied_ops s WHERE s.workstation_id = a.workstation_id AND s.op = 'sync.resolve'
                         AND s.payload->'data'->>'resolves' = a.op_id)
     ORDER BY a.applied_at DESC, a.device_seq DESC LIMIT $2`,
    [officeCode, LIMIT + 1],
  );
  return {
    problems: rows.slice(0, LIMIT).map((r) => ({
      workstationId: r.workstation_id,
      workstationName: r.name,
      opId: r.op_id,
      deviceSeq: Number(r.device_seq),
      op: r.op,
      entity: r.entity,
      entityId: r.entity_id,
      status: r.status,
      reason: r.reason,
      actor: r.actor,
      at: Number(r.applied_at),
    })),
    truncated: rows.length > LIMIT,
  };
}
