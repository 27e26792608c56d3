// SIMPONI billing codes (kode billing) identify one PNBP payment; M-Paspor issues them at booking and
// the payer has two hours to pay. The shape is all a workstation can check: the ledger is central's.

export const BILLING_CODE_LENGTH = 15;
export const BILLING_VALIDITY_MS = 2 * 60 * 60_000;

export type BillingProblem = 'billing.required' | 'billing.digits' | 'billing.length';

/** Accepts what officers paste (spaces and dashes between digit groups) and returns the 15 digits. */
export function normaliseBillingCode(raw: string): string {
  return raw.replace(/[\s-]/g, '');
}

export function billingCodeProblem(raw: string): BillingProblem | null {
  const code = normaliseBillingCode(raw);
  if (code.length === 0) return 'billing.required';
  if (!/^\d+$/.test(code)) return 'billing.digits';
  if (code.length !== BILLING_CODE_LENGTH) return 'billing.length';
  return null;
}

/** "8201 2345 6789 012": grouped for reading aloud at the counter. */
export const formatBillingCode = (code: string): string => code.replace(/^(\d{4})(\d{4})(\d{4})(\d{3})$/, '$1 $2 $3 $4');

export type PaymentStatus = 'unpaid' | 'paid' | 'expired' | 'waived';

/** An unpaid billing is expired once its two hours are over, whether or not central has said so yet. */
export function effectivePaymentStatus(p: { status: PaymentStatus; expiresAt: number | null }, now: number): PaymentStatus {
  if (p.status === 'unpaid' && p.expiresAt !== null && now >= p.expiresAt) return 'expired';
  return p.status;
}
