import type { LateChangeView } from '@common/contract/end-of-day.js';
import type { LateChangeRow } from '@db/queries/end-of-day/late-changes.js';

export const lateView = (r: LateChangeRow): LateChangeView => ({
  opId: r.op_id,
  workstationId: r.workstation_id,
  workstation: r.workstation,
  businessDate: r.business_date,
  entity: r.entity,
  entityId: r.entity_id,
  op: r.op,
  createdAt: r.created_at,
  receivedAt: r.received_at,
  actor: r.actor,
  reason: r.reason,
  status: r.status,
  decidedBy: r.decided_by,
  note: r.note,
  summary: JSON.parse(r.summary) as Record<string, unknown>,
});
