// Check-in and the applicant's file: create (walk-in or booking), update, MRZ fill, checklist, notes.
// Every write goes through write(): the row, its audit event and the outbox op for central together.
import { v7 as uuidv7 } from 'uuid';
import type { DraftInput } from '@common/contract/applications/schemas.js';
import { AppError } from '@common/contract/result.js';
import { CHECK_IN_NOTIFICATION, EDITABLE_STATUSES } from '@common/domain/applications/flow.js';
import { formatApplicationNumber, MAX_DAILY_SEQUENCE } from '@common/domain/applications/number.js';
import { BILLING_VALIDITY_MS } from '@common/domain/applications/billing-code.js';
import { checkMrz } from '@common/domain/applications/mrz.js';
import type { Db } from '@db/connection.js';
import {
  insertApplication,
  insertTransition,
  listDocuments,
  setDocumentState,
  syncDocuments,
  updateApplication,
  type ApplicationPatch,
  type ApplicationRow,
} from '@db/queries/applications/applications.js';
import { getBooking, markBookingCheckedIn, nextSequence, type BookingRow } from '@db/queries/applications/catalogue.js';
import { getPaymentByBillingCode, insertPayment, insertPaymentEvent } from '@db/queries/applications/payments.js';
import { signedIn } from '../access/auth.js';
import { assertDraft, collectionDate, documentsFor, quote, serviceOrFail } from './catalogue.js';
import { officeContext, todayAt } from '../kernel/office.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { assertDayOpen } from '../end-of-day/day-closed.js';
import { applicationOrFail, toApplicationView } from './views.js';
import { guardState } from './guards.js';

export const viewOf = (ctx: CallContext, id: string) => {
  const a = applicationOrFail(ctx.db, id);
  return toApplicationView(ctx.db, a, signedIn(ctx).user.role, ctx.now, guardState(ctx, a));
};

export function assertEditable(a: ApplicationRow): void {
  if (!EDITABLE_STATUSES.includes(a.status)) {
    throw new AppError('CONFLICT', `The file cannot be changed once the application is ${a.status}`, {
      status: a.status,
      code: 'application.notEditable',
    });
  }
}

/** The applicant columns of a row (what central merges field by field). */
function applicantColumns(a: ReturnType<typeof assertDraft>['applicant']): ApplicationPatch {
  return {
    nik: a.nik,
    full_name: a.fullName,
    birth_place: a.birthPlace,
    birth_date: a.birthDate,
    sex: a.sex,
    marital_status: a.maritalStatus,
    address: a.address,
    phone: a.phone,
    email: a.email,
    father_name: a.fatherName,
    mother_name: a.motherName,
    nationality: a.nationality,
    passport_number: a.passportNumber,
    passport_expiry: a.passportExpiry,
    name_change: a.nameChange ? 1 : 0,
  };
}

/** camelCase record for central (the outbox op's data). */
export const syncRecord = (p: ApplicationPatch): Record<string, unknown> =>
  Object.fromEntries(Object.entries(p).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]));

function bookingFor(db: Db, code: string, draft: DraftInput, officeCode: string): BookingRow {
  const b = getBooking(db, code);
  if (!b) throw new AppError('NOT_FOUND', `No booking ${code} on this workstation`, { fields: { bookingCode: ['booking.unknown'] } });
  if (b.office_code !== officeCode) throw new AppError('CONFLICT', 'The booking is for another office', { code: 'booking.otherOffice' });
  if (b.status !== 'booked' || b.application_id)
    throw new AppError('CONFLICT', `The booking is already ${b.status}`, { code: 'booking.used', status: b.status });
  if ((draft.applicant.nik ?? '').replace(/[\s.-]/g, '') !== b.nik) {
    throw new AppError('VALIDATION', 'The NIK differs from the booking', { fields: { 'applicant.nik': ['booking.nikMismatch'] } });
  }
  return b;
}

export const applicationsHandlers = {
  'applications.bookingDraft': (ctx, input) => {
    const b = getBooking(ctx.db, input.bookingCode);
    if (!b) throw new AppError('NOT_FOUND', `No booking ${input.bookingCode} on this workstation`);
    return {
      bookingCode: b.code,
      appointmentDate: b.appointment_date,
      slot: b.slot,
      billingCode: b.billing_code,
      paymentStatus: b.payment_status,
      applicationId: b.application_id,
      draft: {
        serviceCode: b.service_code,
        reason: b.reason,
        accelerated: false,
        priorityGroup: null,
        applicant: {
          nik: b.nik,
          fullName: b.full_name,
          birthPlace: b.birth_place,
          birthDate: b.birth_date,
          sex: b.sex ?? 'M',
          maritalStatus: null,
          address: b.address,
          phone: b.phone,
          email: b.email,
          fatherName: null,
          motherName: null,
          nationality: 'IDN',
          passportNumber: null,
          passportExpiry: null,
          nameChange: false,
        },
      },
    };
  },

  'applications.create': (ctx, input) => {
    const { user } = signedIn(ctx);
    const office = officeContext(ctx);
    const today = todayAt(ctx);
    assertDayOpen(ctx, today);
    const { draft } = input;
    const booking = input.bookingCode ? bookingFor(ctx.db, input.bookingCode, draft, office.code) : undefined;
    const { service, applicant } = assertDraft(ctx.db, draft, today, false);
    const fee = quote(ctx.db, draft, today);
    const ready = collectionDate(ctx.db, service, draft.accelerated, today);
    const docs = documentsFor(ctx.db, service.code, draft.reason, applicant, today);
    if (booking?.billing_code && getPaymentByBillingCode(ctx.db, booking.billing_code)) {
      throw new AppError('CONFLICT', "The booking's billing code is already used by another application", { code: 'billing.used' });
    }
    const id = uuidv7();
    const row = {
      id,
      office_code: office.code,
      business_date: today,
      counter_number: office.counter,
      booking_code: booking?.code ?? null,
      service_code: service.code,
      reason: draft.reason,
      accelerated: draft.accelerated ? 1 : 0,
      priority_group: draft.priorityGroup,
      status: 'checked_in' as const,
      ...(applicantColumns(applicant) as Required<
        Pick<
          ApplicationPatch,
          | 'nik'
          | 'full_name'
          | 'birth_place'
          | 'birth_date'
          | 'sex'
          | 'marital_status'
          | 'address'
          | 'phone'
          | 'email'
          | 'father_name'
          | 'mother_name'
          | 'nationality'
          | 'passport_number'
          | 'passport_expiry'
          | 'name_change'
        >
      >),
      fee_total: fee.total,
      fee_lines: JSON.stringify(fee.lines),
      fee_unverified: fee.unverified ? 1 : 0,
      collection_date: ready,
      created_by: user.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    };
    write(ctx, 'applications.create', (db) => {
      const scope = `${office.prefix}-${today}-${office.counter}`;
      const seq = nextSequence(db, scope);
      if (seq > MAX_DAILY_SEQUENCE)
        throw new AppError('CONFLICT', 'This counter has used all application numbers for today', { code: 'number.exhausted' });
      const number = formatApplicationNumber({
        prefix: office.prefix,
        businessDate: today,
        counter: office.counter,
        seq,
        training: ctx.core.training,
      });
      insertApplication(db, { ...row, number });
      syncDocuments(db, id, docs);
      insertTransition(db, {
        id: uuidv7(),
        application_id: id,
        action: 'checkIn',
        from_status: null,
        to_status: 'checked_in',
        at: ctx.now,
        user_id: user.id,
        username: user.username,
        role: user.role,
        reason: null,
        override_by: null,
        override_reason: null,
        details: JSON.stringify({ number }),
      });
      if (booking) {
        markBookingCheckedIn(db, booking.code, id);
        if (booking.billing_code) {
          const paymentId = uuidv7();
          const amount = booking.billing_amount ?? fee.total;
          const status = booking.payment_status ?? 'unpaid';
          insertPayment(db, {
            id: paymentId,
            application_id: id,
            kind: 'billing',
            billing_code: booking.billing_code,
            amount,
            status,
            status_source: 'central',
            issued_at: booking.booked_at,
            expires_at: booking.booked_at + BILLING_VALIDITY_MS,
            paid_at: booking.paid_at,
            proof_reference: null,
            confirmed_by: null,
            reason: null,
            reconciliation: amount === fee.total ? 'none' : 'mismatch',
            created_by: user.id,
            created_at: ctx.now,
            updated_at: ctx.now,
          });
          insertPaymentEvent(db, {
            id: uuidv7(),
            payment_id: paymentId,
            at: ctx.now,
            status,
            source: 'central',
            user_id: user.id,
            detail: JSON.stringify({ from: 'booking' }),
          });
        }
      }
      return {
        change: {
          entity: 'application',
          entityId: id,
          summary: { bookingCode: row.booking_code, serviceCode: row.service_code, feeTotal: fee.total },
          // The number is allocated inside the transaction, so it goes to central from here.
          data: { ...syncRecord(row), status: 'checked_in', notify: CHECK_IN_NOTIFICATION, number },
        },
      };
    });
    return viewOf(ctx, id);
  },

  'applications.get': (ctx, input) => viewOf(ctx, input.id),

  'applications.update': (ctx, input) => {
    const a = applicationOrFail(ctx.db, input.id);
    assertEditable(a);
    assertDayOpen(ctx);
    if (a.version !== input.baseVersion)
      throw new AppError('CONFLICT', 'Someone changed this application meanwhile; reload it', {
        code: 'version.stale',
        version: a.version,
      });
    const today = todayAt(ctx);
    const { draft } = input;
    const { service, applicant } = assertDraft(ctx.db, draft, today, false);
    const serviceChanged =
      draft.serviceCode !== a.service_code || draft.reason !== a.reason || (draft.accelerated ? 1 : 0) !== a.accelerated;
    const patch: ApplicationPatch = { ...applicantColumns(applicant), priority_group: draft.priorityGroup };
    if (serviceChanged) {
      if (a.status === 'paid' || a.booking_code)
        throw new AppError('CONFLICT', 'The service of a booked or billed application cannot change', { code: 'service.locked' });
      // The fee is the one in force on the application date, not today.
      const fee = quote(ctx.db, draft, a.business_date);
      Object.assign(patch, {
        service_code: service.code,
        reason: draft.reason,
        accelerated: draft.accelerated ? 1 : 0,
        fee_total: fee.total,
        fee_lines: JSON.stringify(fee.lines),
        fee_unverified: fee.unverified ? 1 : 0,
        collection_date: collectionDate(ctx.db, service, draft.accelerated, a.business_date),
      });
    }
    const changed = Object.fromEntries(
      Object.entries(patch).filter(([k, v]) => (a as unknown as Record<string, unknown>)[k] !== v),
    ) as ApplicationPatch;
    if (Object.keys(changed).length === 0) return viewOf(ctx, a.id);
    write(ctx, 'applications.update', (db) => {
      updateApplication(db, a.id, changed, ctx.now);
      syncDocuments(db, a.id, documentsFor(db, service.code, draft.reason, applicant, today));
      return {
        change: {
          entity: 'application',
          entityId: a.id,
          baseVersion: a.version,
          summary: { fields: Object.keys(changed) },
          data: syncRecord(changed),
        },
      };
    });
    return viewOf(ctx, a.id);
  },

  'applications.fillFromMrz': (ctx, input) => {
    const a = applicationOrFail(ctx.db, input.id);
    assertEditable(a);
    assertDayOpen(ctx);
    const today = todayAt(ctx);
    const r = checkMrz(input.mrz, today);
    if (!r.valid || !r.fields) {
      const fields: Record<string, string[]> = {};
      for (const i of r.issues) (fields[`mrz.${i.field}`] ??= []).push(i.code);
      throw new AppError('VALIDATION', r.issues.map((i) => i.message).join('; '), { fields, issues: r.issues });
    }
    const f = r.fields;
    const mismatches: Record<string, string[]> = {};
    if (f.birthDate !== a.birth_date) mismatches['applicant.birthDate'] = ['mrz.birthDateMismatch'];
    if (f.sex !== null && f.sex !== a.sex) mismatches['applicant.sex'] = ['mrz.sexMismatch'];
    if (f.nationality !== a.nationality) mismatches['applicant.nationality'] = ['mrz.nationalityMismatch'];
    if (Object.keys(mismatches).length > 0)
      throw new AppError('VALIDATION', 'The passport does not belong to this applicant', { fields: mismatches });
    const patch: ApplicationPatch = { passport_number: f.documentNumber, passport_expiry: f.expiryDate };
    write(ctx, 'applications.fillFromMrz', (db) => {
      updateApplication(db, a.id, patch, ctx.now);
      return {
        change: {
          entity: 'application',
          entityId: a.id,
          baseVersion: a.version,
          summary: { passportNumber: f.documentNumber },
          data: syncRecord(patch),
        },
      };
    });
    return viewOf(ctx, a.id);
  },

  'applications.markDocument': (ctx, input) => {
    const { user } = signedIn(ctx);
    const a = applicationOrFail(ctx.db, input.id);
    assertEditable(a);
    assertDayOpen(ctx);
    if (!listDocuments(ctx.db, a.id).some((d) => d.doc_code === input.docCode)) {
      throw new AppError('VALIDATION', `${input.docCode} is not on this application's checklist`, {
        fields: { docCode: ['document.notRequired'] },
      });
    }
    const note = input.note ?? null;
    write(ctx, 'applications.markDocument', (db) => {
      setDocumentState(db, { applicationId: a.id, docCode: input.docCode, state: input.state, note, userId: user.id, at: ctx.now });
      updateApplication(db, a.id, {}, ctx.now);
      return {
        change: {
          entity: 'application',
          entityId: a.id,
          summary: { docCode: input.docCode, state: input.state },
          data: { docCode: input.docCode, state: input.state, note },
        },
      };
    });
    return viewOf(ctx, a.id);
  },

  'applications.setInterviewNotes': (ctx, input) => {
    const a = applicationOrFail(ctx.db, input.id);
    assertEditable(a);
    assertDayOpen(ctx);
    write(ctx, 'applications.setInterviewNotes', (db) => {
      updateApplication(db, a.id, { interview_notes: input.notes }, ctx.now);
      return {
        change: {
          entity: 'application',
          entityId: a.id,
          baseVersion: a.version,
          summary: { length: input.notes.length },
          data: { interviewNotes: input.notes },
        },
      };
    });
    return viewOf(ctx, a.id);
  },
} satisfies Partial<Handlers>;

export { serviceOrFail };
