// Receipts on central: the frozen facts a desk printed, with their hash, so every desk of the office can
// show and reprint them. Central checks the hash against the facts it is given, counts copies and keeps a
// void final; it never renders a receipt itself.
import { createHash } from 'node:crypto';
import { RECEIPT_ENTITY, ReceiptIssueData, ReceiptReprintData, ReceiptVoidData } from '@common/central/application-record.js';
import { created, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

function change(current: StoredRecord, fields: Record<string, unknown>, origin: string): Decision {
  const version = current.version + 1;
  const meta = { ...current.meta };
  for (const k of Object.keys(fields)) meta[k] = [version, origin];
  return { status: 'applied', next: { version, data: { ...current.data, ...fields }, meta, deleted: current.deleted } };
}

function issue(op: IncomingOp, current: StoredRecord | undefined): Decision {
  const parsed = parseData(ReceiptIssueData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (current) return { status: 'rejected', reason: 'exists' };
  const r = parsed.value;
  if (r.content !== undefined && createHash('sha256').update(r.content).digest('hex') !== r.contentHash)
    return { status: 'rejected', reason: 'data.invalid:contentHash' };
  const data = {
    applicationId: r.applicationId,
    kind: r.kind,
    paymentId: r.paymentId,
    content: r.content ?? null,
    contentHash: r.contentHash,
    status: 'active',
    printCount: 1,
    createdBy: op.actor ?? null,
    createdAt: op.createdAt,
    voidedAt: null,
    voidedBy: null,
    voidReason: null,
    originWorkstationId: op.origin,
  };
  return { status: 'applied', next: created(data, op.origin) };
}

export const receiptEntity: EntityDef = {
  entity: RECEIPT_ENTITY,
  flowsDown: true,
  uniqueKeys: [],
  decide(op, current) {
    if (op.op === 'receipts.issue') return issue(op, current);
    if (op.op === 'receipts.reprint') {
      const parsed = parseData(ReceiptReprintData, op.data);
      if (!parsed.ok) return parsed.decision;
      // A receipt issued before receipts flowed down has no record here: the reprint stays in the journal.
      if (!current) return { status: 'applied' };
      if (current.data.status === 'void') return { status: 'rejected', reason: 'receipt.notActive' };
      const count = Math.max(Number(current.data.printCount) || 1, parsed.value.copyNo);
      return count === current.data.printCount ? { status: 'applied' } : change(current, { printCount: count }, op.origin);
    }
    if (op.op === 'receipts.void') {
      const parsed = parseData(ReceiptVoidData, op.data);
      if (!parsed.ok) return parsed.decision;
      if (!current) return { status: 'applied' };
      if (current.data.status === 'void') return { status: 'applied' };
      return change(
        current,
        { status: 'void', voidedAt: op.createdAt, voidedBy: parsed.value.voidedBy, voidReason: parsed.value.reason },
        op.origin,
      );
    }
    return { status: 'applied' };
  },
};
