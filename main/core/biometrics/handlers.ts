// Capture use cases: device captures, camera face photos, exceptions and supervisor acceptance. The
// capture screen drives these; each answers the application's full CaptureStatus so it can redraw.
import { AppError } from '@common/contract/result.js';
import { MODALITY_SPECS, modalityOf, type Modality } from '@common/domain/biometrics/modalities.js';
import { readIso, isoFormatOf } from '@common/domain/biometrics/iso.js';
import { isPng } from './png.js';
import { rateAttempt } from '@common/domain/biometrics/quality.js';
import type { Db } from '@db/connection.js';
import { acceptAttempt, applicationKnown, getRecord, insertException, lastChainHash } from '@db/queries/biometrics/biometrics.js';
import { getApplication } from '@db/queries/applications/applications.js';
import { mayViewBiometrics } from './viewers.js';
import type { UserRow } from '@db/queries/access/users.js';
import { v7 as uuidv7 } from 'uuid';
import { signedIn } from '../access/auth.js';
import { decodeImageInput, processExceptionPhoto, processFacePhoto } from './image.js';
import { biometricRuntime, deviceError } from './port.js';
import { biometricsPreviewHandlers, stopPreviews } from './preview.js';
import { attemptsLeft, evaluateCaptures, overrideAvailable, type ModalityEvaluation } from './requirements.js';
import { biometricsSettingsHandlers, thresholds } from './settings.js';
import { ensureDataKey, readImage, recordMeta, storeAttempt, storeExceptionPhoto } from './store.js';
import { captureStatus, toAttemptView } from './views.js';
import { shareCaptureState } from './capture-state.js';
import { write, type Handlers } from '../kernel/context.js';
import { overrideSummary, takeOverride } from '../access/override.js';

function assertMayView(db: Db, user: Pick<UserRow, 'id' | 'role'>, recordId: string): void {
  const record = getRecord(db, recordId);
  const app = record ? getApplication(db, record.application_id) : undefined;
  if (!record || !app) return; // readImage answers NOT_FOUND
  if (!mayViewBiometrics(db, user, app))
    throw new AppError('FORBIDDEN', 'Only the officers processing, adjudicating or handing over this application may see its biometrics', {
      reason: 'biometrics.notYours',
    });
}

function assertApplication(db: Db, applicationId: string): void {
  if (!applicationKnown(db, applicationId)) throw new AppError('NOT_FOUND', 'No such application');
}

const evaluation = (db: Db, applicationId: string, modality: Modality): ModalityEvaluation =>
  evaluateCaptures(db, applicationId).find((e) => e.modality === modality)!;

/** Refuses a new attempt the officer may not make, with a reason the screen can act on. */
function assertCanAttempt(e: ModalityEvaluation): void {
  if (e.state === 'excepted')
    throw new AppError('CONFLICT', 'Every finger or eye of this modality is recorded as an exception', { reason: 'capture.excepted' });
  if (e.state === 'accepted')
    throw new AppError('CONFLICT', 'A supervisor already accepted the capture for this modality', { reason: 'capture.accepted' });
  if (attemptsLeft(e) === 0) {
    throw new AppError('CONFLICT', 'All attempts for this modality are used', {
      reason: 'capture.attemptsUsed',
      attemptsExhausted: true,
      ...(e.state === 'belowThreshold' ? { overrideRequired: 'biometric.lowQuality' } : {}),
    });
  }
}

export const biometricsCoreHandlers = {
  'biometrics.devices': async (ctx, input) => {
    const devices = await biometricRuntime(ctx.core).devices.list(input.refresh);
    const scannedAt = ctx.core.now();
    if (input.refresh) ctx.core.events.emit('biometrics.devices', { devices, scannedAt });
    return { devices, scannedAt };
  },

  'biometrics.status': (ctx, input) => {
    assertApplication(ctx.db, input.applicationId);
    return captureStatus(ctx.db, input.applicationId);
  },

  'biometrics.capture': async (ctx, input) => {
    signedIn(ctx);
    const { db, core } = ctx;
    const { applicationId, modality } = input;
    assertApplication(db, applicationId);
    const rt = biometricRuntime(core);
    const e = evaluation(db, applicationId, modality);
    assertCanAttempt(e);
    if (rt.busy.has(applicationId))
      throw new AppError('CONFLICT', 'A capture is already running for this application', { reason: 'capture.busy' });
    rt.busy.add(applicationId);
    try {
      const spec = MODALITY_SPECS[modality];
      const threshold = thresholds(db)[spec.threshold];
      const previousHash = lastChainHash(db, applicationId) ?? '';
      const result = await rt.devices.capture({
        modality,
        deviceId: input.deviceId,
        subTypes: e.toCapture,
        exceptions: spec.subTypes.filter((s) => !e.toCapture.includes(s)),
        requestedScore: threshold,
        timeoutMs: input.timeoutMs ?? 40_000,
        previousHash,
        transactionId: uuidv7(),
      });
      const got = new Set(result.items.map((i) => i.bioSubType));
      if (got.size !== e.toCapture.length || e.toCapture.some((s) => !got.has(s))) {
        throw deviceError('mismatch', { info: `asked ${e.toCapture.join(', ')}; got ${[...got].join(', ')}` });
      }
      const rating = rateAttempt(
        result.items.map((i) => ({ bioSubType: i.bioSubType, quality: i.quality })),
        threshold,
      );
      const stored = storeAttempt(ctx, {
        applicationId,
        modality,
        source: 'sbi',
        deviceId: result.deviceId,
        deviceSerial: result.serialNo,
        transactionId: result.transactionId,
        chainPrev: previousHash,
        chainLast: result.lastHash,
        rating,
        images: result.items.map((i) => ({
          bioType: i.bioType,
          bioSubType: i.bioSubType,
          quality: i.quality,
          threshold,
          passed: i.quality >= threshold,
          format: isoFormatOf(i.bioType),
          chainHash: i.hash,
          bytes: i.iso,
        })),
      });
      stopPreviews(core, rt, modality, 'captured');
      shareCaptureState(ctx, applicationId);
      return { attempt: toAttemptView(db, stored.attempt), status: captureStatus(db, applicationId) };
    } finally {
      rt.busy.delete(applicationId);
    }
  },

  'biometrics.submitFacePhoto': (ctx, input) => {
    signedIn(ctx);
    const { db } = ctx;
    assertApplication(db, input.applicationId);
    assertCanAttempt(evaluation(db, input.applicationId, 'face'));
    const photo = processFacePhoto(decodeImageInput(input.image));
    const threshold = thresholds(db).face;
    const rating = rateAttempt([{ bioSubType: 'Face', quality: photo.quality.score }], threshold);
    const stored = storeAttempt(ctx, {
      applicationId: input.applicationId,
      modality: 'face',
      source: 'camera',
      deviceId: null,
      deviceSerial: null,
      transactionId: null,
      chainPrev: null,
      chainLast: null,
      rating,
      images: [
        {
          bioType: 'Face',
          bioSubType: 'Face',
          quality: photo.quality.score,
          threshold,
          passed: rating.passed,
          format: 'png',
          chainHash: null,
          bytes: photo.png,
        },
      ],
    });
    shareCaptureState(ctx, input.applicationId);
    const q = photo.quality;
    return {
      attempt: toAttemptView(db, stored.attempt),
      status: captureStatus(db, input.applicationId),
      quality: {
        score: q.score,
        exposureScore: q.exposureScore,
        sharpnessScore: q.sharpnessScore,
        brightness: Math.round(q.brightness),
        problems: q.problems,
      },
    };
  },

  'biometrics.recordException': (ctx, input) => {
    signedIn(ctx);
    const { db } = ctx;
    assertApplication(db, input.applicationId);
    const subTypes = [...new Set(input.bioSubTypes)];
    const modalities = new Set(subTypes.map(modalityOf));
    const modality = [...modalities][0]!;
    if (modalities.size > 1 || !MODALITY_SPECS[modality].exceptionsAllowed) {
      throw new AppError('VALIDATION', 'Record exceptions for one finger group or the eyes at a time; a face cannot be an exception', {
        fields: { bioSubTypes: ['exception.oneModality'] },
      });
    }
    const e = evaluation(db, input.applicationId, modality);
    const already = subTypes.filter((s) => !e.toCapture.includes(s));
    if (already.length > 0)
      throw new AppError('CONFLICT', `Already recorded as exceptions: ${already.join(', ')}`, { reason: 'capture.alreadyExcepted' });
    const png = processExceptionPhoto(decodeImageInput(input.photo, 'photo'));
    // Everything that can be refused has been checked: only now is the supervisor's grant used up.
    const grant = takeOverride(ctx, input.overrideToken, 'biometric.exception');
    const key = ensureDataKey(ctx);
    const note = input.note ? input.note : null;
    write(ctx, 'biometrics.exception', (tx) => {
      const photo = storeExceptionPhoto(ctx, tx, key, input.applicationId, modality, png);
      for (const s of subTypes) {
        insertException(tx, {
          id: uuidv7(),
          application_id: input.applicationId,
          modality,
          bio_subtype: s,
          reason: input.reason,
          note,
          photo_record_id: photo.id,
          approved_by: grant.supervisorId,
          approved_name: grant.supervisorName,
          approval_reason: grant.reason,
          created_by: ctx.user!.id,
          created_at: ctx.now,
        });
      }
      const summary = {
        applicationId: input.applicationId,
        modality,
        bioSubTypes: subTypes,
        reason: input.reason,
        note,
        ...overrideSummary(grant),
      };
      return {
        change: { entity: 'application', entityId: input.applicationId, summary, data: { ...summary, photo: recordMeta(photo) } },
      };
    });
    shareCaptureState(ctx, input.applicationId);
    return captureStatus(db, input.applicationId);
  },

  'biometrics.acceptLowQuality': (ctx, input) => {
    signedIn(ctx);
    const { db } = ctx;
    assertApplication(db, input.applicationId);
    const e = evaluation(db, input.applicationId, input.modality);
    if (!overrideAvailable(e) || !e.kept) {
      const why =
        e.state === 'belowThreshold'
          ? { reason: 'capture.attemptsLeft', message: `Use the remaining ${attemptsLeft(e)} attempt(s) first` }
          : { reason: 'capture.nothingToAccept', message: 'There is no capture below threshold to accept' };
      throw new AppError('CONFLICT', why.message, { reason: why.reason, state: e.state, attemptsLeft: attemptsLeft(e) });
    }
    const kept = e.kept;
    const grant = takeOverride(ctx, input.overrideToken, 'biometric.lowQuality');
    write(ctx, 'biometrics.acceptLowQuality', (tx) => {
      acceptAttempt(tx, kept.id, { id: grant.supervisorId, name: grant.supervisorName, reason: grant.reason });
      return {
        change: {
          entity: 'biometric_attempt',
          entityId: kept.id,
          summary: {
            applicationId: input.applicationId,
            modality: input.modality,
            attemptNo: kept.attempt_no,
            minQuality: kept.min_quality,
            ...overrideSummary(grant),
          },
        },
      };
    });
    shareCaptureState(ctx, input.applicationId);
    return captureStatus(db, input.applicationId);
  },

  'biometrics.image': (ctx, input) => {
    const { user } = signedIn(ctx);
    assertMayView(ctx.db, user, input.recordId);
    const { record, bytes } = readImage(ctx, input.recordId, 'display');
    if (record.format === 'png') return { recordId: record.id, mime: 'image/png' as const, data: bytes.toString('base64') };
    if (record.format === 'jpeg') return { recordId: record.id, mime: 'image/jpeg' as const, data: bytes.toString('base64') };
    // ISO records: show the embedded image where it is one the screen can draw.
    const iso = readIso(bytes);
    if (iso && isPng(iso.image))
      return { recordId: record.id, mime: 'image/png' as const, data: Buffer.from(iso.image).toString('base64') };
    return { recordId: record.id, mime: 'application/octet-stream' as const, data: bytes.toString('base64') };
  },
} satisfies Partial<Handlers>;

export const biometricsHandlers = {
  ...biometricsCoreHandlers,
  ...biometricsPreviewHandlers,
  ...biometricsSettingsHandlers,
} satisfies Partial<Handlers>;
