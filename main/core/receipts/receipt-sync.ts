// Receipts from central (entity "receipt", by the ordinary pull): the frozen facts a desk printed reach
// every desk of the office, so the application's view lists them anywhere and any desk can reprint them.
// A void is final wherever it was made; copies are counted as the highest any desk reached.
import { ReceiptRecordData } from '@common/central/application-record.js';
import { getPayment } from '@db/queries/applications/payments.js';
import { hasApplication, supersedeOlderReceipts, upsertPulledReceipt } from '@db/queries/applications/application-sync.js';
import { getReceipt } from '@db/queries/applications/receipts.js';
import { keepAside, keepUnreadable, type LocalApplier } from '../replication/applier.js';
import { originOf, userIdOf } from '../applications/pulled.js';

export const receiptApplier: LocalApplier = {
  entity: 'receipt',
  apply(db, rec, _now, effects) {
    const parsed = ReceiptRecordData.safeParse(rec.data);
    if (!parsed.success) return keepUnreadable(db, rec, effects, parsed.error.issues);
    const r = parsed.data;
    const local = getReceipt(db, rec.entityId);
    // Not printable here without its facts (a desk of an earlier version sent none), nor before its owners arrive.
    if (!local && (r.content === null || !hasApplication(db, r.applicationId) || (r.paymentId !== null && !getPayment(db, r.paymentId))))
      return keepAside(db, rec);
    const row = {
      id: rec.entityId,
      application_id: r.applicationId,
      kind: r.kind,
      payment_id: r.paymentId,
      content: r.content ?? local?.content ?? '{}',
      content_hash: r.contentHash,
      status: r.status,
      print_count: r.printCount,
      created_by: userIdOf(db, r.createdBy),
      created_at: r.createdAt,
      voided_at: r.voidedAt,
      voided_by: r.voidedBy,
      void_reason: r.voidReason,
      version: rec.version,
      origin_workstation_id: originOf(db, r.originWorkstationId),
    };
    upsertPulledReceipt(db, row);
    if (!local && r.status === 'active') supersedeOlderReceipts(db, row);
  },
};
