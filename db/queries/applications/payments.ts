import type { Db } from '@db/connection.js';

export interface PaymentRow {
  id: string;
  application_id: string;
  kind: 'billing' | 'waiver';
  billing_code: string | null;
  amount: number;
  status: 'unpaid' | 'paid' | 'expired' | 'waived';
  status_source: 'central' | 'manual' | null;
  issued_at: number;
  expires_at: number | null;
  paid_at: number | null;
  proof_reference: string | null;
  confirmed_by: string | null;
  reason: string | null;
  reconciliation: 'none' | 'pending' | 'matched' | 'mismatch';
  created_by: string;
  created_at: number;
  updated_at: number;
  version: number;
}

export function insertPayment(db: Db, p: Omit<PaymentRow, 'version'>): void {
  db.prepare(
    `INSERT INTO payments (id, application_id, kind, billing_code, amount, status, status_source, issued_at, expires_at, paid_at,
     proof_reference, confirmed_by, reason, reconciliation, created_by, created_at, updated_at)
     VALUES (@id, @application_id, @kind, @billing_code, @amount, @status, @status_source, @issued_at, @expires_at, @paid_at,
     @proof_reference, @confirmed_by, @reason, @reconciliation, @created_by, @created_at, @updated_at)`,
  ).run(p);
}

export const getPayment = (db: Db, id: string): PaymentRow | undefined =>
  db.prepare('SELECT * FROM payments WHERE id = ?').get(id) as PaymentRow | undefined;

export const getPaymentByBillingCode = (db: Db, code: string): PaymentRow | undefined =>
  db.prepare('SELECT * FROM payments WHERE billing_code = ?').get(code) as PaymentRow | undefined;

export const listPayments = (db: Db, applicationId: string): PaymentRow[] =>
  db.prepare('SELECT * FROM payments WHERE application_id = ? ORDER BY created_at, rowid').all(applicationId) as PaymentRow[];

export function updatePayment(
  db: Db,
  id: string,
  patch: Partial<Pick<PaymentRow, 'status' | 'status_source' | 'paid_at' | 'proof_reference' | 'confirmed_by' | 'reconciliation'>>,
  now: number,
): void {
  const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
  const sets = [...entries.map(([k]) => `${k} = @${k}`), 'updated_at = @updated_at', 'version = version + 1'];
  db.prepare(`UPDATE payments SET ${sets.join(', ')} WHERE id = @id`).run({ ...Object.fromEntries(entries), id, updated_at: now });
}

export function insertPaymentEvent(
  db: Db,
  e: {
    id: string;
    payment_id: string;
    at: number;
    status: string;
    source: 'counter' | 'central' | 'manual';
    user_id: string | null;
    detail: string;
  },
): void {
  db.prepare(
    'INSERT INTO payment_events (id, payment_id, at, status, source, user_id, detail) VALUES (@id, @payment_id, @at, @status, @source, @user_id, @detail)',
  ).run(e);
}
