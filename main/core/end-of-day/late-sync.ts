// Late changes as central publishes them (entity late_change): every desk keeps them, so the supervisor's
// end of day lists the ones to accept or return, and the desk that sent one reads its fate on its own op:
// accepted (or resent once the day was reopened): applied; returned: rejected with the supervisor's reason.
import { LATE_REASONS, LateChangeRecord } from '@common/central/late-change.js';
import { settleOwnOp, upsertLateChange } from '@db/queries/end-of-day/late-changes.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import { keepUnreadable, type LocalApplier } from '../replication/applier.js';

export const LATE_CHANGE_ENTITY = 'late_change';

export const lateChangeApplier: LocalApplier = {
  entity: LATE_CHANGE_ENTITY,
  apply(db, rec, _now, effects) {
    const parsed = LateChangeRecord.safeParse(rec.data);
    if (rec.deleted || !parsed.success) return keepUnreadable(db, rec, effects, parsed.success ? [] : parsed.error.issues);
    const l = parsed.data;
    upsertLateChange(db, {
      op_id: l.opId,
      workstation_id: l.workstationId,
      workstation: l.workstation,
      device_seq: l.deviceSeq,
      business_date: l.businessDate,
      entity: l.entity,
      entity_id: l.entityId,
      op: l.op,
      created_at: l.createdAt,
      actor: l.actor,
      reason: l.reason,
      status: l.status,
      received_at: l.receivedAt,
      decided_by: l.decidedBy,
      decided_at: l.decidedAt,
      note: l.note,
      summary: JSON.stringify(l.summary),
    });
    if (l.workstationId !== getSyncState(db, 'workstation_id')) return;
    if (l.status === 'accepted' || l.status === 'resent') settleOwnOp(db, l.opId, 'applied', { reason: null, decidedBy: l.decidedBy });
    else if (l.status === 'returned')
      settleOwnOp(db, l.opId, 'rejected', { reason: `${LATE_REASONS.returned}:${l.note ?? ''}`, decidedBy: l.decidedBy });
    else if (l.status === 'failed') settleOwnOp(db, l.opId, 'rejected', { reason: l.note ?? 'late.failed', decidedBy: l.decidedBy });
    // Still held: a resend under way after a reopen must not be stopped by this older word.
    else settleOwnOp(db, l.opId, 'rejected', { reason: l.reason }, ['rejected']);
  },
};
