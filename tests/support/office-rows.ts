// Another desk's applications and payments in this desk's tables, as the pull brings them (origin set):
// the end of day counts them under that desk. Rows are inserted directly, so an office's day can be built
// without driving each desk through the application flow.
import type { Db } from '@db/connection.js';
import { insertApplication } from './application-row.js';

export interface OtherDeskApplication {
  id: string;
  number: string;
  origin: string;
  businessDate: string;
  officeCode?: string;
  serviceCode?: string;
  status?: string;
  feeTotal?: number;
  createdBy?: string;
}

export function insertDeskApplication(db: Db, a: OtherDeskApplication): void {
  insertApplication(db, a.id);
  const createdBy = a.createdBy ?? (db.prepare("SELECT id FROM users WHERE role = 'officer' LIMIT 1").pluck().get() as string | undefined);
  db.prepare(
    `UPDATE applications SET number = @number, origin_workstation_id = @origin, business_date = @businessDate, office_code = @officeCode,
       service_code = @serviceCode, status = @status, fee_total = @feeTotal, created_by = coalesce(@createdBy, created_by) WHERE id = @id`,
  ).run({
    id: a.id,
    number: a.number,
    origin: a.origin,
    businessDate: a.businessDate,
    officeCode: a.officeCode ?? 'banyumanik',
    serviceCode: a.serviceCode ?? 'PASPOR_ELEKTRONIK_10',
    status: a.status ?? 'paid',
    feeTotal: a.feeTotal ?? 650_000,
    createdBy: createdBy ?? null,
  });
}

export function insertDeskPayment(
  db: Db,
  p: { id: string; applicationId: string; origin: string; amount: number; source: 'central' | 'manual'; at: number; billingCode: string },
): void {
  db.prepare(
    `INSERT INTO payments (id, application_id, kind, billing_code, amount, status, status_source, issued_at, paid_at, reconciliation, created_by,
       created_at, updated_at, origin_workstation_id)
     VALUES (@id, @applicationId, 'billing', @billingCode, @amount, 'paid', @source, @at, @at, @reconciliation, 'someone', @at, @at, @origin)`,
  ).run({ ...p, reconciliation: p.source === 'manual' ? 'matched' : 'none' });
}
