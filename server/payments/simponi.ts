// SIMPONI's side of a payment, as central sees it: the callback that marks a billing code paid (here an
// admin route standing in for SIMPONI's notification) and the status query. The paid status is central's
// own write on the payment record, so it reaches the workstation that took the billing by the normal pull.
import type { BillingStatus } from '@common/central/admin.js';
import { centralPaymentStatus } from '../entities/payment.js';
import type { StoredRecord } from '../entities/types.js';
import { centralWrite, CENTRAL_ORIGIN, type AdminDeps } from '../admin/ops.js';
import { CentralError } from '../http/errors.js';

/** Billing codes are unique nationally (SIMPONI issues them), so the code alone finds its office. */
async function locate(deps: AdminDeps, billingCode: string): Promise<{ officeCode: string; paymentId: string }> {
  const [row] = await deps.store.query<{ office_code: string; entity_id: string }>(
    "SELECT office_code, entity_id FROM record_keys WHERE entity = 'payment' AND key = 'billingCode' AND value = $1",
    [billingCode],
  );
  if (!row) throw new CentralError('NOT_FOUND', `No billing ${billingCode} is known to central`);
  return { officeCode: row.office_code, paymentId: row.entity_id };
}

function view(billingCode: string, officeCode: string, paymentId: string, r: StoredRecord, now: number): BillingStatus {
  return {
    billingCode,
    officeCode,
    paymentId,
    applicationId: String(r.data.applicationId),
    amount: Number(r.data.amount),
    status: centralPaymentStatus(r.data, now),
    paidAt: typeof r.data.paidAt === 'number' ? r.data.paidAt : null,
    version: r.version,
  };
}

export async function billingStatus(deps: AdminDeps, billingCode: string): Promise<BillingStatus> {
  const { officeCode, paymentId } = await locate(deps, billingCode);
  const [r] = await deps.store.query<StoredRecord>(
    "SELECT version, data, meta, deleted FROM records WHERE office_code = $1 AND entity = 'payment' AND entity_id = $2",
    [officeCode, paymentId],
  );
  if (!r) throw new CentralError('NOT_FOUND', `No billing ${billingCode} is known to central`);
  return view(billingCode, officeCode, paymentId, r, deps.now());
}

/**
 * SIMPONI says the billing is paid. Idempotent for a billing already paid by SIMPONI; one a supervisor
 * confirmed by hand is marked as confirmed by SIMPONI (the workstation reconciles it). An expired billing cannot be
 * paid any more (SIMPONI refuses it too), so that is a conflict and changes nothing.
 */
export async function markBillingPaid(deps: AdminDeps, billingCode: string, paidAt?: number): Promise<BillingStatus> {
  const { officeCode, paymentId } = await locate(deps, billingCode);
  const now = deps.now();
  let result: StoredRecord | undefined;
  await centralWrite(deps, officeCode, [
    {
      entity: 'payment',
      entityId: paymentId,
      decide: (cur) => {
        if (!cur) throw new CentralError('NOT_FOUND', `No billing ${billingCode} is known to central`);
        const status = centralPaymentStatus(cur.data, now);
        // Paid on SIMPONI's word already: nothing changes. Paid on a supervisor's proof: SIMPONI now confirms it.
        if (status === 'paid' && cur.data.source !== 'manual') {
          result = cur;
          return { status: 'applied' };
        }
        if (status !== 'unpaid' && status !== 'paid')
          throw new CentralError('CONFLICT', `The billing ${billingCode} is ${status}; it cannot be paid`, { code: `billing.${status}` });
        const version = cur.version + 1;
        const fields = {
          status: 'paid',
          source: 'central',
          paidAt: paidAt ?? now,
          ...(status === 'paid' ? { manualPaidAt: cur.data.paidAt ?? null } : {}),
        };
        const meta = {
          ...cur.meta,
          ...Object.fromEntries(Object.keys(fields).map((k) => [k, [version, CENTRAL_ORIGIN] as [number, string]])),
        };
        result = { version, data: { ...cur.data, ...fields }, meta, deleted: false };
        return { status: 'applied', next: result };
      },
    },
  ]);
  return view(billingCode, officeCode, paymentId, result as StoredRecord, now);
}
