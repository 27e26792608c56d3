// Payment status from central (entity "payment", by the ordinary pull): SIMPONI's paid status reaches the
// billing this workstation took. A payment a supervisor confirmed by hand while central was unreachable
// is reconciled when central's word arrives: matched when central says paid as well.
import { v7 as uuidv7 } from 'uuid';
import { getPayment, insertPaymentEvent, updatePayment } from '@db/queries/payments.js';
import { keepAside, type LocalApplier } from '../replication/applier.js';

export const paymentApplier: LocalApplier = {
  entity: 'payment',
  apply(db, rec, now) {
    const local = getPayment(db, rec.entityId);
    // Another workstation's payment (its application lives there): kept as central sent it.
    if (!local) {
      return keepAside(db, rec);
    }
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
