// Payments from central (entity "payment", by the ordinary pull): every payment of the office lands on
// every desk, so a supervisor's desk sees the fee of an application made at a counter, and SIMPONI's paid
// status reaches the billing whichever desk took it. A payment a supervisor confirmed by hand while central
// was unreachable is reconciled when central's word arrives: matched when central says paid as well.
import { v7 as uuidv7 } from 'uuid';
import { PaymentRecordData } from '@common/central/application-record.js';
import type { Db } from '@db/connection.js';
import { hasApplication, setPaymentOrigin } from '@db/queries/applications/application-sync.js';
import {
  getPayment,
  getPaymentByBillingCode,
  insertPayment,
  insertPaymentEvent,
  updatePayment,
} from '@db/queries/applications/payments.js';
import { keepAside, keepUnreadable, type ApplyEffects, type LocalApplier, type PulledRecord } from '../replication/applier.js';
import { adoptKeptAside, originOf, userIdOf } from '../applications/pulled.js';
import { receiptApplier } from '../receipts/receipt-sync.js';

const dependants = new Map<string, LocalApplier>([[receiptApplier.entity, receiptApplier]]);

/** Another desk's payment: taken as central holds it, once its application is here. */
function insertPulled(db: Db, rec: PulledRecord, now: number, effects: ApplyEffects): void {
  const parsed = PaymentRecordData.safeParse(rec.data);
  if (!parsed.success) return keepUnreadable(db, rec, effects, parsed.error.issues);
  const p = parsed.data;
  const clash = p.billingCode ? getPaymentByBillingCode(db, p.billingCode) : undefined;
  if (!hasApplication(db, p.applicationId) || clash) return keepAside(db, rec);
  const createdAt = p.createdAt ?? p.issuedAt ?? now;
  insertPayment(db, {
    id: rec.entityId,
    application_id: p.applicationId,
    kind: p.kind,
    billing_code: p.kind === 'billing' ? (p.billingCode ?? null) : null,
    amount: p.amount,
    status: p.status,
    status_source: p.source ?? null,
    issued_at: p.issuedAt ?? createdAt,
    expires_at: p.expiresAt ?? null,
    paid_at: p.paidAt ?? null,
    proof_reference: p.proofReference ?? null,
    confirmed_by: p.confirmedBy ?? p.approvedBy ?? null,
    reason: p.reason ?? null,
    reconciliation: 'none',
    created_by: userIdOf(db, p.createdBy),
    created_at: createdAt,
    updated_at: now,
  });
  setPaymentOrigin(db, rec.entityId, originOf(db, p.originWorkstationId));
  insertPaymentEvent(db, {
    id: uuidv7(),
    payment_id: rec.entityId,
    at: now,
    status: p.status,
    source: 'central',
    user_id: null,
    detail: JSON.stringify({ from: 'central', version: rec.version }),
  });
  adoptKeptAside(db, rec.entityId, now, effects, dependants);
}

export const paymentApplier: LocalApplier = {
  entity: 'payment',
  apply(db, rec, now, effects) {
    const local = getPayment(db, rec.entityId);
    if (!local) return insertPulled(db, rec, now, effects);
    if (rec.data.status !== 'paid' || local.kind !== 'billing') return;
    const source = rec.data.source === 'manual' ? 'manual' : 'central';
    const paidAt = typeof rec.data.paidAt === 'number' ? rec.data.paidAt : now;
    if (local.status === 'paid') {
      // Central's SIMPONI record confirms what the supervisor accepted on proof.
      if (local.reconciliation === 'pending' && source === 'central') {
        updatePayment(db, local.id, { reconciliation: 'matched' }, now);
        insertPaymentEvent(db, {
          id: uuidv7(),
          payment_id: local.id,
          at: now,
          status: 'paid',
          source: 'central',
          user_id: null,
          detail: JSON.stringify({ reconciled: 'matched', paidAt }),
        });
      }
      return;
    }
    updatePayment(db, local.id, { status: 'paid', status_source: source, paid_at: paidAt }, now);
    insertPaymentEvent(db, {
      id: uuidv7(),
      payment_id: local.id,
      at: now,
      status: 'paid',
      source,
      user_id: null,
      detail: JSON.stringify({ from: 'central', version: rec.version }),
    });
  },
};
