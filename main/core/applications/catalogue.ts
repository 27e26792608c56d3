// Reference data as the counter uses it: the service catalogue, the fee schedule in force on a date,
// the holiday calendar and the document checklist; plus the checks a draft application must pass.
import { AppError } from '@common/contract/result.js';
import type { DraftInput, FeeView } from '@common/contract/applications/schemas.js';
import {
  applicationProblems,
  isMinor,
  normaliseName,
  normalisePhone,
  type ApplicantData,
  type FieldProblems,
  type ServiceFacts,
} from '@common/domain/applications/applicant.js';
import { requiredDocuments, type ChecklistRule, type DocumentCondition } from '@common/domain/applications/checklist.js';
import { feeItems, MissingFeeError, quoteFee, type ApplicationReason, type FeeRow } from '@common/domain/applications/fees.js';
import { addWorkingDays } from '@common/domain/shared/working-days.js';
import type { Db } from '@db/connection.js';
import {
  feeItemNames,
  feeRows,
  getCatalogueService,
  holidaysFrom,
  listCatalogueServices,
  serviceDocumentRules,
  type CatalogueServiceRow,
} from '@db/queries/applications/catalogue.js';
import type { Handlers } from '../kernel/context.js';
import { todayAt } from '../kernel/office.js';

export function serviceOrFail(db: Db, code: string): CatalogueServiceRow {
  const s = getCatalogueService(db, code);
  if (!s) throw new AppError('VALIDATION', `Unknown service ${code}`, { fields: { serviceCode: ['service.unknown'] } });
  return s;
}

export const serviceFacts = (s: CatalogueServiceRow): ServiceFacts => ({
  code: s.code,
  category: s.category,
  applicantKind: s.applicant_kind,
  passportYears: s.passport_years,
  allowsAcceleration: s.allows_acceleration === 1,
  allowedReasons: s.allowed_reasons.split(',') as ApplicationReason[],
});

const toFeeRow = (r: {
  item_code: string;
  amount: number;
  effective_from: string;
  revision: number;
  verified: number;
  legal_basis: string;
}): FeeRow => ({
  itemCode: r.item_code,
  amount: r.amount,
  effectiveFrom: r.effective_from,
  revision: r.revision,
  verified: r.verified === 1,
  legalBasis: r.legal_basis,
});

/** The fee lines in force on `date`; a gap in the schedule is the officer's to report, not a crash. */
export function quote(db: Db, p: { serviceCode: string; reason: ApplicationReason; accelerated: boolean }, date: string): FeeView {
  const items = feeItems(p);
  try {
    const q = quoteFee(feeRows(db, items).map(toFeeRow), p, date);
    const names = feeItemNames(db);
    return {
      date,
      total: q.total,
      unverified: q.unverified,
      lines: q.lines.map((l) => ({ ...l, name: names.get(l.itemCode) ?? { id: l.itemCode, en: l.itemCode } })),
    };
  } catch (err) {
    if (err instanceof MissingFeeError)
      throw new AppError('VALIDATION', err.message, { fields: { serviceCode: ['fee.missing'] }, itemCode: err.itemCode });
    throw err;
  }
}

export function collectionDate(db: Db, s: CatalogueServiceRow, accelerated: boolean, date: string): string {
  const lead = accelerated ? s.accelerated_lead_working_days : s.lead_working_days;
  return addWorkingDays(date, lead, new Set(holidaysFrom(db, date)));
}

/** What the officer typed, as stored: names as on the KTP (upper case), phone as +62..., ids without spaces. */
export function normaliseApplicant(a: DraftInput['applicant']): ApplicantData {
  const name = (v: string | null) => (v === null ? null : normaliseName(v));
  return {
    nik: a.nik === null ? null : a.nik.replace(/[\s.-]/g, ''),
    fullName: normaliseName(a.fullName),
    birthPlace: name(a.birthPlace),
    birthDate: a.birthDate,
    sex: a.sex,
    maritalStatus: a.maritalStatus,
    address: a.address,
    phone: a.phone === null ? null : normalisePhone(a.phone),
    email: a.email === null ? null : a.email.toLowerCase(),
    fatherName: name(a.fatherName),
    motherName: name(a.motherName),
    nationality: a.nationality,
    passportNumber: a.passportNumber === null ? null : a.passportNumber.replace(/\s/g, '').toUpperCase(),
    passportExpiry: a.passportExpiry,
    nameChange: a.nameChange,
  };
}

export function draftProblems(
  db: Db,
  draft: DraftInput,
  today: string,
  complete: boolean,
): { problems: FieldProblems; service: CatalogueServiceRow; applicant: ApplicantData } {
  const service = serviceOrFail(db, draft.serviceCode);
  const applicant = normaliseApplicant(draft.applicant);
  const problems = applicationProblems(
    { service: serviceFacts(service), reason: draft.reason, accelerated: draft.accelerated, priorityGroup: draft.priorityGroup, applicant },
    today,
    complete,
  );
  return { problems, service, applicant };
}

/** Refuses a draft with its field problems (VALIDATION, details.fields as the contract's parse errors). */
export function assertDraft(
  db: Db,
  draft: DraftInput,
  today: string,
  complete: boolean,
): { service: CatalogueServiceRow; applicant: ApplicantData } {
  const r = draftProblems(db, draft, today, complete);
  if (Object.keys(r.problems).length > 0) throw new AppError('VALIDATION', 'The application has problems to fix', { fields: r.problems });
  return r;
}

export function documentsFor(db: Db, serviceCode: string, reason: ApplicationReason, a: ApplicantData, today: string): string[] {
  const rules: ChecklistRule[] = serviceDocumentRules(db, serviceCode).map((r) => ({
    docCode: r.doc_code,
    condition: r.condition as DocumentCondition,
    sort: r.sort,
  }));
  const minor = /^\d{4}-\d{2}-\d{2}$/.test(a.birthDate) ? isMinor(a, today) : false;
  return requiredDocuments(rules, { reason, minor, nameChange: a.nameChange });
}

export const catalogueHandlers = {
  'applications.catalogue': (ctx) => {
    const today = todayAt(ctx);
    return listCatalogueServices(ctx.db).map((s) => {
      let feeToday: number | null = null;
      try {
        feeToday = quote(ctx.db, { serviceCode: s.code, reason: 'new', accelerated: false }, today).total;
      } catch {
        feeToday = null;
      }
      return {
        code: s.code,
        category: s.category,
        applicantKind: s.applicant_kind,
        name: { id: s.name_id, en: s.name_en },
        passportYears: s.passport_years,
        allowsAcceleration: s.allows_acceleration === 1,
        allowedReasons: s.allowed_reasons.split(','),
        leadWorkingDays: s.lead_working_days,
        feeToday,
      };
    });
  },

  'applications.validate': (ctx, input) => {
    const today = todayAt(ctx);
    const { problems, service, applicant } = draftProblems(ctx.db, input.draft, today, input.complete);
    let fee: FeeView | null = null;
    try {
      fee = quote(ctx.db, input.draft, today);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      (problems.serviceCode ??= []).push('fee.missing');
    }
    return {
      problems,
      fee,
      collectionDate: collectionDate(ctx.db, service, input.draft.accelerated, today),
      requiredDocuments: documentsFor(ctx.db, service.code, input.draft.reason, applicant, today),
    };
  },
} satisfies Partial<Handlers>;
