// Whether an application's biometrics step is done: for every required modality, each finger or eye is
// either captured at or above its threshold, accepted below it by a supervisor, or an approved exception.
import { MAX_ATTEMPTS, MODALITIES, MODALITY_SPECS, type BioSubType, type Modality } from '@common/domain/biometrics/modalities.js';
import type { Db } from '@db/connection.js';
import { listAttempts, listExceptions, type AttemptRow, type ExceptionRow } from '@db/queries/biometrics/biometrics.js';
import { listPulledCaptures } from '@db/queries/biometrics/office-captures.js';
import { requiredModalities } from './settings.js';

export type ModalityState = 'pending' | 'passed' | 'belowThreshold' | 'accepted' | 'excepted';

export interface StoredItem {
  bioSubType: BioSubType;
  quality: number;
  threshold: number;
  passed: boolean;
}

export interface ModalityEvaluation {
  modality: Modality;
  required: boolean;
  state: ModalityState;
  attempts: AttemptRow[];
  kept: AttemptRow | undefined;
  exceptions: ExceptionRow[];
  toCapture: BioSubType[];
}

export const attemptItems = (a: AttemptRow): StoredItem[] => JSON.parse(a.items) as StoredItem[];

export const isComplete = (s: ModalityState): boolean => s === 'passed' || s === 'accepted' || s === 'excepted';

function stateOf(kept: AttemptRow | undefined, toCapture: readonly BioSubType[]): ModalityState {
  if (toCapture.length === 0) return 'excepted';
  if (!kept) return 'pending';
  const items = new Map(attemptItems(kept).map((i) => [i.bioSubType, i]));
  const relevant = toCapture.map((s) => items.get(s));
  if (relevant.some((i) => i === undefined)) return 'pending';
  if (relevant.every((i) => i!.passed)) return 'passed';
  return kept.accepted_by ? 'accepted' : 'belowThreshold';
}

export function evaluateCaptures(db: Db, applicationId: string): ModalityEvaluation[] {
  const required = new Set(requiredModalities(db));
  const attempts = listAttempts(db, applicationId);
  const exceptions = listExceptions(db, applicationId);
  return MODALITIES.map((modality) => {
    const mine = attempts.filter((a) => a.modality === modality);
    const excepted = exceptions.filter((e) => e.modality === modality);
    const exceptedSet = new Set(excepted.map((e) => e.bio_subtype));
    const toCapture = MODALITY_SPECS[modality].subTypes.filter((s) => !exceptedSet.has(s));
    const kept = mine.find((a) => a.kept === 1);
    return {
      modality,
      required: required.has(modality),
      state: stateOf(kept, toCapture),
      attempts: mine,
      kept,
      exceptions: excepted,
      toCapture,
    };
  });
}

export const attemptsLeft = (e: ModalityEvaluation): number => Math.max(0, MAX_ATTEMPTS - e.attempts.length);

export const overrideAvailable = (e: ModalityEvaluation): boolean => e.state === 'belowThreshold' && attemptsLeft(e) === 0;

/**
 * The predicate the application flow calls before leaving the biometrics step. Reads metadata only
 * (no image is decrypted), so it is not an audited read.
 */
export function hasRequiredCaptures(db: Db, applicationId: string): boolean {
  // A modality finished on another desk of the office counts as finished here too (central's record);
  // this desk's own records decide wherever they are complete.
  const elsewhere = new Set(listPulledCaptures(db, applicationId).map((c) => c.modality));
  return evaluateCaptures(db, applicationId).every((e) => !e.required || isComplete(e.state) || elsewhere.has(e.modality));
}
