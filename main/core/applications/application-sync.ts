// The office's applications from central (entity "application", by the ordinary pull): an application made
// or moved on another desk of the office lands in this desk's tables, so the adjudication queue, search
// and hand-over work from any desk. Central's record is the truth for every field it holds; this desk
// keeps who first made the row and the officer and time of checklist marks it made itself. Records with
// this desk's unsent ops wait in sync_deferred (replication/apply.ts), so none of this clobbers them.
import { ApplicationRecordData, type CaptureEntry, type TransitionEntry } from '@common/central/application-record.js';
import type { Db } from '@db/connection.js';
import { getApplication, insertTransition, listDocuments, syncDocuments } from '@db/queries/applications/applications.js';
import { hasTransition, setPulledDocumentState, upsertPulledApplication } from '@db/queries/applications/application-sync.js';
import { upsertPulledCapture, type PulledCaptureRow } from '@db/queries/biometrics/office-captures.js';
import { keepUnreadable, type ApplyEffects, type LocalApplier, type PulledRecord } from '../replication/applier.js';
import { paymentApplier } from '../payments/payment-sync.js';
import { receiptApplier } from '../receipts/receipt-sync.js';
import { adoptKeptAside, originOf, userIdOf } from './pulled.js';
import { documentsFor } from './catalogue.js';

function addTransitions(db: Db, applicationId: string, entries: readonly TransitionEntry[]): void {
  for (const t of entries) {
    if (hasTransition(db, { applicationId, action: t.action, to: t.to, at: t.at })) continue;
    insertTransition(db, {
      id: t.id,
      application_id: applicationId,
      action: t.action,
      from_status: t.from,
      to_status: t.to,
      at: t.at,
      user_id: userIdOf(db, t.by),
      username: t.by ?? 'central',
      role: t.role ?? 'officer',
      reason: t.reason,
      override_by: null,
      override_reason: null,
      details: JSON.stringify({ from: 'central' }),
    });
  }
}

function applyDocuments(db: Db, rec: PulledRecord, d: ApplicationRecordData, isNew: boolean, now: number): void {
  if (isNew || listDocuments(db, rec.entityId).length === 0) {
    const applicant = {
      nik: d.nik ?? null,
      fullName: d.fullName,
      birthPlace: d.birthPlace ?? null,
      birthDate: d.birthDate,
      sex: d.sex,
      maritalStatus: d.maritalStatus ?? null,
      address: d.address ?? null,
      phone: d.phone ?? null,
      email: d.email ?? null,
      fatherName: d.fatherName ?? null,
      motherName: d.motherName ?? null,
      nationality: d.nationality,
      passportNumber: d.passportNumber ?? null,
      passportExpiry: d.passportExpiry ?? null,
      nameChange: d.nameChange === 1,
    };
    syncDocuments(db, rec.entityId, documentsFor(db, d.serviceCode, d.reason, applicant, d.businessDate));
  }
  for (const doc of listDocuments(db, rec.entityId)) {
    const state = rec.data[`document.${doc.doc_code}`];
    if (state !== 'pending' && state !== 'present' && state !== 'missing') continue;
    const note = rec.data[`documentNote.${doc.doc_code}`];
    setPulledDocumentState(db, {
      applicationId: rec.entityId,
      docCode: doc.doc_code,
      state,
      note: typeof note === 'string' ? note : doc.note,
      at: now,
    });
  }
}

function applyApplication(db: Db, rec: PulledRecord, now: number, effects: ApplyEffects): boolean {
  const parsed = ApplicationRecordData.safeParse(rec.data);
  if (!parsed.success) {
    keepUnreadable(db, rec, effects, parsed.error.issues);
    return false;
  }
  const d = parsed.data;
  const local = getApplication(db, rec.entityId);
  // Two desks set up with one counter number make the same application number; central keeps the first
  // and refuses the other's create (number.taken, on that desk's Sync screen). The one central kept must
  // not stop this desk's pull when the refused one holds the number here: it waits aside, named in the log.
  const holder = db.prepare('SELECT id FROM applications WHERE number = ? AND id <> ?').pluck().get(d.number, rec.entityId);
  if (holder !== undefined) {
    keepUnreadable(db, rec, effects, [{ path: ['number'], code: 'held_by_another_record' }]);
    return false;
  }
  upsertPulledApplication(db, {
    id: rec.entityId,
    number: d.number,
    office_code: d.officeCode,
    business_date: d.businessDate,
    counter_number: d.counterNumber,
    booking_code: d.bookingCode ?? null,
    service_code: d.serviceCode,
    reason: d.reason,
    accelerated: d.accelerated ?? 0,
    priority_group: d.priorityGroup ?? null,
    status: d.status,
    nik: d.nik ?? null,
    full_name: d.fullName,
    birth_place: d.birthPlace ?? null,
    birth_date: d.birthDate,
    sex: d.sex,
    marital_status: d.maritalStatus ?? null,
    address: d.address ?? null,
    phone: d.phone ?? null,
    email: d.email ?? null,
    father_name: d.fatherName ?? null,
    mother_name: d.motherName ?? null,
    nationality: d.nationality,
    passport_number: d.passportNumber ?? null,
    passport_expiry: d.passportExpiry ?? null,
    name_change: d.nameChange ?? 0,
    interview_notes: d.interviewNotes ?? null,
    fee_total: d.feeTotal,
    fee_lines: d.feeLines,
    fee_unverified: d.feeUnverified ?? 0,
    collection_date: d.collectionDate ?? null,
    submitted_at: d.submittedAt ?? local?.submitted_at ?? null,
    ready_at: d.readyAt ?? local?.ready_at ?? null,
    closed_at: d.closedAt ?? local?.closed_at ?? null,
    created_by: d.createdBy,
    created_at: d.createdAt,
    updated_at: now,
    version: rec.version,
    origin_workstation_id: originOf(db, d.originWorkstationId),
  });
  applyDocuments(db, rec, d, !local, now);
  addTransitions(db, rec.entityId, d.transitions ?? []);
  // Captures made on any desk (this one's included): the biometrics step reads them beside its own records.
  for (const [modality, c] of Object.entries(d.captures ?? {}) as [PulledCaptureRow['modality'], CaptureEntry][]) {
    upsertPulledCapture(db, {
      application_id: rec.entityId,
      modality,
      state: c.state,
      quality: c.quality,
      approved_by: c.approvedBy,
      photo_sha256: c.photoSha256,
      updated_at: now,
    });
  }
  return !local;
}

const dependants = new Map<string, LocalApplier>([
  [paymentApplier.entity, paymentApplier],
  [receiptApplier.entity, receiptApplier],
]);

export const applicationApplier: LocalApplier = {
  entity: 'application',
  apply(db, rec, now, effects) {
    if (applyApplication(db, rec, now, effects)) adoptKeptAside(db, rec.entityId, now, effects, dependants);
  },
};
