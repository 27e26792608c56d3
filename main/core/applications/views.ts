// Rows to the contract's views. The view carries everything the counter screen draws, so a call answers
// the whole application and the screen never stitches pieces together.
import type { ApplicationSummary, ApplicationView, FeeView, PaymentView } from '@common/contract/applications/schemas.js';
import { AppError } from '@common/contract/result.js';
import { GUARD_REASONS, nextActions, type ApplicationStatus } from '@common/domain/applications/flow.js';
import { actionAvailability } from '@common/domain/applications/availability.js';
import { effectivePaymentStatus } from '@common/domain/applications/billing-code.js';
import type { Role } from '@common/domain/shared/roles.js';
import type { Db } from '@db/connection.js';
import { getApplication, listDocuments, listTransitions, type ApplicationRow } from '@db/queries/applications/applications.js';
import type { SearchRow } from '@db/queries/applications/applications-search.js';
import { documentTypeNames, getCatalogueService } from '@db/queries/applications/catalogue.js';
import { listPayments, type PaymentRow } from '@db/queries/applications/payments.js';
import { listReceipts } from '@db/queries/applications/receipts.js';
import type { GuardState } from './guards.js';

/** The applicant's fields as the contract names them, read from the application's row. */
export const applicantOf = (a: ApplicationRow) => ({
  nik: a.nik,
  fullName: a.full_name,
  birthPlace: a.birth_place,
  birthDate: a.birth_date,
  sex: a.sex,
  maritalStatus: a.marital_status,
  address: a.address,
  phone: a.phone,
  email: a.email,
  fatherName: a.father_name,
  motherName: a.mother_name,
  nationality: a.nationality,
  passportNumber: a.passport_number,
  passportExpiry: a.passport_expiry,
  nameChange: a.name_change === 1,
});

export function applicationOrFail(db: Db, id: string): ApplicationRow {
  const row = getApplication(db, id);
  if (!row) throw new AppError('NOT_FOUND', 'No such application');
  return row;
}

export const serviceName = (db: Db, code: string): { id: string; en: string } => {
  const s = getCatalogueService(db, code);
  return s ? { id: s.name_id, en: s.name_en } : { id: code, en: code };
};

export const toPaymentView = (p: PaymentRow, now: number): PaymentView => ({
  id: p.id,
  kind: p.kind,
  billingCode: p.billing_code,
  amount: p.amount,
  status: effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, now),
  source: p.status_source,
  issuedAt: p.issued_at,
  expiresAt: p.expires_at,
  paidAt: p.paid_at,
  proofReference: p.proof_reference,
  reason: p.reason,
  reconciliation: p.reconciliation,
});

export const feeOf = (a: ApplicationRow): FeeView => ({
  date: a.business_date,
  total: a.fee_total,
  unverified: a.fee_unverified === 1,
  lines: JSON.parse(a.fee_lines) as FeeView['lines'],
});

/** `guards` is what the guards of the next steps say now (`guardState`), for the steps' availability. */
export function toApplicationView(db: Db, a: ApplicationRow, role: Role, now: number, guards: GuardState): ApplicationView {
  const docNames = documentTypeNames(db);
  return {
    id: a.id,
    number: a.number,
    officeCode: a.office_code,
    businessDate: a.business_date,
    counterNumber: a.counter_number,
    bookingCode: a.booking_code,
    serviceCode: a.service_code,
    serviceName: serviceName(db, a.service_code),
    reason: a.reason,
    accelerated: a.accelerated === 1,
    priorityGroup: a.priority_group,
    status: a.status,
    applicant: applicantOf(a),
    interviewNotes: a.interview_notes,
    fee: feeOf(a),
    collectionDate: a.collection_date,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    readyAt: a.ready_at,
    version: a.version,
    documents: listDocuments(db, a.id).map((d) => ({
      docCode: d.doc_code,
      name: docNames.get(d.doc_code) ?? { id: d.doc_code, en: d.doc_code },
      state: d.state,
      note: d.note,
      checkedAt: d.checked_at,
    })),
    transitions: listTransitions(db, a.id).map((t) => ({
      action: t.action,
      from: t.from_status as ApplicationStatus | null,
      to: t.to_status as ApplicationStatus,
      at: t.at,
      username: t.username,
      role: t.role as Role,
      reason: t.reason,
      overrideBy: t.override_by,
    })),
    payments: listPayments(db, a.id).map((p) => toPaymentView(p, now)),
    receipts: listReceipts(db, a.id).map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      printCount: r.print_count,
      createdAt: r.created_at,
      voidReason: r.void_reason,
    })),
    nextActions: [...new Set(nextActions(a.status, role).map((r) => r.action))],
    availability: actionAvailability(a.status, role, guards.facts).map((x) =>
      x.reason === GUARD_REASONS.applicantComplete ? { ...x, fields: guards.fields } : x,
    ),
  };
}

export function toSummary(db: Db, r: SearchRow): ApplicationSummary {
  return {
    id: r.id,
    number: r.number,
    bookingCode: r.booking_code,
    status: r.status,
    serviceCode: r.service_code,
    serviceName: serviceName(db, r.service_code),
    fullName: r.full_name,
    nik: r.nik,
    passportNumber: r.passport_number,
    birthDate: r.birth_date,
    businessDate: r.business_date,
    updatedAt: r.updated_at,
  };
}
