// PNBP payments on central: created by the counter (a SIMPONI billing or a waiver), and paid either by
// SIMPONI's callback (central's own write, server/payments/simponi.ts) or by a supervisor's manual confirmation
// when central was unreachable. Central is the ledger: once it knows a billing is paid, a later manual
// confirmation only reconciles, and a billing is payable only within its two hours.
import { z } from 'zod';
import type { CentralPaymentStatus } from '@common/central/admin.js';
import { BILLING_CODE_LENGTH } from '@common/domain/applications/billing-code.js';
import { created, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

const CreateData = z.strictObject({
  applicationId: z.string().min(1).max(64),
  kind: z.enum(['billing', 'waiver']),
  billingCode: z
    .string()
    .regex(new RegExp(`^\\d{${BILLING_CODE_LENGTH}}$`))
    .optional(),
  amount: z.number().int().min(0),
  issuedAt: z.number().int().optional(),
  expiresAt: z.number().int().nullable().optional(),
  // a waiver: why, how much was waived and the supervisor who approved it
  reason: z.string().max(2000).optional(),
  waivedAmount: z.number().int().min(0).optional(),
  approvedBy: z.string().max(64).optional(),
});

const ManualData = z.strictObject({
  status: z.literal('paid').optional(),
  source: z.literal('manual').optional(),
  proofReference: z.string().min(1).max(200),
  paidAt: z.number().int(),
  confirmedBy: z.string().min(1).max(64),
});

/** The status central answers for a record at `now`: an unpaid billing past its two hours is expired. */
export function centralPaymentStatus(data: Record<string, unknown>, now: number): CentralPaymentStatus {
  const status = data.status as CentralPaymentStatus;
  if (status === 'unpaid' && typeof data.expiresAt === 'number' && now >= data.expiresAt) return 'expired';
  return status;
}

function create(op: IncomingOp, current: StoredRecord | undefined, keyOwner: (k: string, v: string) => string | undefined): Decision {
  const parsed = parseData(CreateData, op.data);
  if (!parsed.ok) return parsed.decision;
  const p = parsed.value;
  if (current) return { status: 'rejected', reason: 'exists' };
  if (p.kind === 'billing') {
    if (!p.billingCode) return { status: 'rejected', reason: 'data.invalid:billingCode' };
    const owner = keyOwner('billingCode', p.billingCode);
    if (owner !== undefined && owner !== op.entityId) return { status: 'rejected', reason: 'billing.used' };
  }
  const status = p.kind === 'waiver' ? 'waived' : 'unpaid';
  // Who took it, when and at which desk, in central's own words: every desk of the office holds it.
  const data = {
    ...p,
    status,
    source: null,
    paidAt: null,
    createdBy: op.actor ?? null,
    createdAt: op.createdAt,
    originWorkstationId: op.origin,
  };
  return { status: 'applied', next: created(data, op.origin) };
}

/** A manual confirmation of a billing central already knows paid is reconciled, not applied twice. */
function confirmManual(op: IncomingOp, current: StoredRecord | undefined): Decision {
  const parsed = parseData(ManualData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
  if (current.data.kind !== 'billing') return { status: 'rejected', reason: 'payment.notBilling' };
  if (current.data.status === 'paid') return { status: 'applied' };
  const version = current.version + 1;
  const fields = {
    status: 'paid',
    source: 'manual',
    paidAt: parsed.value.paidAt,
    proofReference: parsed.value.proofReference,
    confirmedBy: parsed.value.confirmedBy,
  };
  const meta = { ...current.meta, ...Object.fromEntries(Object.keys(fields).map((k) => [k, [version, op.origin] as [number, string]])) };
  return { status: 'applied', next: { version, data: { ...current.data, ...fields }, meta, deleted: false } };
}

export const paymentEntity: EntityDef = {
  entity: 'payment',
  flowsDown: true,
  uniqueKeys: ['billingCode'],
  decide(op, current, ctx) {
    if (ctx.dayClosed?.(op.createdAt)) return { status: 'rejected', reason: 'day.closed' };
    if (op.op === 'payments.recordBilling' || op.op === 'payments.waive') return create(op, current, (k, v) => ctx.keyOwner(k, v));
    if (op.op === 'payments.confirmManual') return confirmManual(op, current);
    return { status: 'applied' };
  },
};
