import type { AttemptView, CaptureStatus, ModalityStatus } from '@common/contract/biometrics.js';
import { MAX_ATTEMPTS, MODALITY_SPECS, type BioSubType, type Modality } from '@common/domain/biometrics/modalities.js';
import type { Db } from '@db/connection.js';
import { recordsOfAttempt, type AttemptRow } from '@db/queries/biometrics/biometrics.js';
import {
  attemptItems,
  attemptsLeft,
  evaluateCaptures,
  hasRequiredCaptures,
  overrideAvailable,
  type ModalityEvaluation,
} from './requirements.js';
import { thresholds } from './settings.js';
import { listPulledCaptures } from '@db/queries/biometrics/office-captures.js';

export function toAttemptView(db: Db, a: AttemptRow): AttemptView {
  const recordBySub = new Map(recordsOfAttempt(db, a.id).map((r) => [r.bio_subtype, r.id]));
  return {
    attemptId: a.id,
    attemptNo: a.attempt_no,
    modality: a.modality as Modality,
    source: a.source,
    deviceId: a.device_id,
    capturedAt: a.captured_at,
    passed: a.passed === 1,
    kept: a.kept === 1,
    items: attemptItems(a).map((i) => ({ ...i, recordId: recordBySub.get(i.bioSubType) ?? null })),
  };
}

function toModalityStatus(db: Db, e: ModalityEvaluation, threshold: number): ModalityStatus {
  return {
    modality: e.modality,
    required: e.required,
    threshold,
    state: e.state,
    attemptsUsed: e.attempts.length,
    attemptsLeft: attemptsLeft(e),
    overrideAvailable: overrideAvailable(e),
    toCapture: e.toCapture,
    best: e.kept ? toAttemptView(db, e.kept) : null,
    exceptions: e.exceptions.map((x) => ({
      bioSubType: x.bio_subtype as BioSubType,
      reason: x.reason as ModalityStatus['exceptions'][number]['reason'],
      note: x.note,
      photoRecordId: x.photo_record_id,
      approvedBy: x.approved_name,
      at: x.created_at,
    })),
    acceptedBy: e.kept?.accepted_by ? { supervisorName: e.kept.accepted_name ?? '', reason: e.kept.accepted_reason ?? '' } : null,
  };
}

export function captureStatus(db: Db, applicationId: string): CaptureStatus {
  const t = thresholds(db);
  // A modality finished on another desk of the office shows as finished here, where nothing was captured.
  const elsewhere = new Map(listPulledCaptures(db, applicationId).map((c) => [c.modality, c.state]));
  const evaluations = evaluateCaptures(db, applicationId).map((e) =>
    e.state === 'pending' && e.attempts.length === 0 && elsewhere.has(e.modality) ? { ...e, state: elsewhere.get(e.modality)! } : e,
  );
  return {
    applicationId,
    complete: hasRequiredCaptures(db, applicationId),
    maxAttempts: MAX_ATTEMPTS,
    modalities: evaluations.map((e) => toModalityStatus(db, e, t[MODALITY_SPECS[e.modality].threshold])),
  };
}
