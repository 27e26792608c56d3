// Storing and reading biometric images: encrypted in the same transaction as their metadata, audit
// event and outbox op, so a fault anywhere leaves nothing half-stored; every decryption is audited.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import { MAX_ATTEMPTS, MODALITY_SPECS, type BioSubType, type Modality } from '@common/domain/biometrics/modalities.js';
import { isBetter, type AttemptRating } from '@common/domain/biometrics/quality.js';
import type { Db } from '@db/connection.js';
import { deleteBlobs, getBlob, insertBlob } from '@db/queries/biometrics/biometrics-blobs.js';
import {
  countAttempts,
  getRecord,
  insertAttempt,
  insertRecord,
  keptAttempt,
  recordsOfAttempt,
  supersedeRecords,
  unkeepAttempts,
  type AttemptRow,
  type RecordRow,
} from '@db/queries/biometrics/biometrics.js';
import { setSetting } from '@db/queries/office/settings.js';
import { signedIn } from '../access/auth.js';
import { biometricRuntime } from './port.js';
import { write, type CallContext } from '../kernel/context.js';
import { DATA_KEY_SETTING, type DataKey } from '../kernel/crypto/vault.js';

export const sha256Hex = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

/** The database's data key, created (and audited) before the first image is sealed under it. */
export function ensureDataKey(ctx: CallContext): DataKey {
  const { vault } = biometricRuntime(ctx.core);
  let existing: DataKey | undefined;
  try {
    existing = vault.load(ctx.db);
  } catch (err) {
    ctx.core.log.error({ err }, 'biometric data key unavailable');
    throw new AppError('INTERNAL', 'The biometric data key cannot be opened on this workstation; call IT');
  }
  if (existing) return existing;
  const { dataKey, stored } = vault.create();
  write(ctx, 'biometrics.dataKeyCreated', (db) => {
    setSetting(db, DATA_KEY_SETTING, stored);
    return { change: { entity: 'workstation', summary: { keyId: dataKey.keyId, wrapper: vault.wrapper.kind }, data: {} } };
  });
  vault.remember(ctx.db, dataKey);
  return dataKey;
}

export interface ImageToStore {
  bioType: RecordRow['bio_type'];
  bioSubType: BioSubType | null;
  quality: number | null;
  threshold: number | null;
  passed: boolean | null;
  format: RecordRow['format'];
  chainHash: string | null;
  bytes: Uint8Array;
}

function sealRecord(
  ctx: CallContext,
  db: Db,
  key: DataKey,
  base: Omit<RecordRow, 'blob_sha256' | 'blob_size'>,
  bytes: Uint8Array,
): RecordRow {
  const row: RecordRow = { ...base, blob_sha256: sha256Hex(bytes), blob_size: bytes.length };
  insertRecord(db, row);
  const sealed = biometricRuntime(ctx.core).vault.seal(key, row.id, bytes);
  insertBlob(db, { record_id: row.id, key_id: sealed.keyId, nonce: sealed.nonce, tag: sealed.tag, ciphertext: sealed.ciphertext });
  return row;
}

const recordMeta = (r: RecordRow) => ({
  recordId: r.id,
  kind: r.kind,
  bioType: r.bio_type,
  bioSubType: r.bio_subtype,
  quality: r.quality,
  format: r.format,
  blobSha256: r.blob_sha256,
  blobSize: r.blob_size,
  chainHash: r.chain_hash,
});

export interface AttemptToStore {
  applicationId: string;
  modality: Modality;
  source: 'sbi' | 'camera';
  deviceId: string | null;
  deviceSerial: string | null;
  transactionId: string | null;
  chainPrev: string | null;
  chainLast: string | null;
  rating: AttemptRating;
  images: ImageToStore[];
}

/**
 * Records one quality-rated attempt. Only the best attempt's images are kept: a better attempt
 * supersedes the previous one and its ciphertext is deleted in the same transaction; a worse one is
 * recorded as metadata and its images are dropped (UU 27/2022: keep no more than the service needs).
 */
export function storeAttempt(ctx: CallContext, a: AttemptToStore): { attempt: AttemptRow; kept: boolean; records: RecordRow[] } {
  const { user } = signedIn(ctx);
  const key = ensureDataKey(ctx);
  const id = uuidv7();
  // The attempt number and whether it beat the kept one are decided inside the transaction, so the
  // change is described there too.
  return write(ctx, 'biometrics.capture', (db) => {
    const used = countAttempts(db, a.applicationId, a.modality);
    if (used >= MAX_ATTEMPTS) {
      throw new AppError('CONFLICT', `All ${MAX_ATTEMPTS} attempts for this modality are used`, {
        reason: 'capture.attemptsUsed',
        attemptsExhausted: true,
        overrideRequired: 'biometric.lowQuality',
      });
    }
    const previous = keptAttempt(db, a.applicationId, a.modality);
    const better = isBetter(
      a.rating,
      previous && {
        passed: previous.passed === 1,
        passing: previous.passing,
        minQuality: previous.min_quality,
        meanQuality: previous.mean_quality,
      },
    );
    const superseded = better && previous ? recordsOfAttempt(db, previous.id).map((r) => r.id) : [];
    if (better && previous) {
      supersedeRecords(db, superseded);
      deleteBlobs(db, superseded);
      unkeepAttempts(db, a.applicationId, a.modality);
    }
    const attempt: AttemptRow = {
      id,
      application_id: a.applicationId,
      modality: a.modality,
      attempt_no: used + 1,
      source: a.source,
      device_id: a.deviceId,
      device_serial: a.deviceSerial,
      transaction_id: a.transactionId,
      chain_prev: a.chainPrev,
      chain_last: a.chainLast,
      items: JSON.stringify(a.rating.items),
      passed: a.rating.passed ? 1 : 0,
      passing: a.rating.passing,
      min_quality: a.rating.minQuality,
      mean_quality: a.rating.meanQuality,
      kept: better ? 1 : 0,
      accepted_by: null,
      accepted_name: null,
      accepted_reason: null,
      captured_by: user.id,
      captured_at: ctx.now,
    };
    insertAttempt(db, attempt);
    const records = better
      ? a.images.map((img) =>
          sealRecord(
            ctx,
            db,
            key,
            {
              id: uuidv7(),
              application_id: a.applicationId,
              modality: a.modality,
              kind: 'capture',
              bio_type: img.bioType,
              bio_subtype: img.bioSubType,
              attempt_id: id,
              quality: img.quality,
              threshold: img.threshold,
              passed: img.passed === null ? null : img.passed ? 1 : 0,
              format: img.format,
              chain_hash: img.chainHash,
              status: 'active',
              created_by: user.id,
              created_at: ctx.now,
              uploaded_at: null,
              purged_at: null,
            },
            img.bytes,
          ),
        )
      : [];
    const summary = {
      applicationId: a.applicationId,
      modality: a.modality,
      attemptNo: attempt.attempt_no,
      source: a.source,
      deviceId: a.deviceId,
      passed: a.rating.passed,
      qualities: Object.fromEntries(a.rating.items.map((i) => [i.bioSubType, i.quality])),
      kept: better,
    };
    const data = {
      ...summary,
      transactionId: a.transactionId,
      chainPrev: a.chainPrev,
      chainLast: a.chainLast,
      records: records.map(recordMeta),
      superseded,
    };
    return { change: { entity: 'biometric_attempt', entityId: id, summary, data }, result: { attempt, kept: better, records } };
  });
}

/** Seals an exception photo as its own record; runs inside the caller's write(). */
export function storeExceptionPhoto(
  ctx: CallContext,
  db: Db,
  key: DataKey,
  applicationId: string,
  modality: Modality,
  png: Uint8Array,
): RecordRow {
  const { user } = signedIn(ctx);
  if (!MODALITY_SPECS[modality].exceptionsAllowed) throw new AppError('VALIDATION', 'This modality takes no exceptions');
  return sealRecord(
    ctx,
    db,
    key,
    {
      id: uuidv7(),
      application_id: applicationId,
      modality,
      kind: 'exceptionPhoto',
      bio_type: 'Photo',
      bio_subtype: null,
      attempt_id: null,
      quality: null,
      threshold: null,
      passed: null,
      format: 'png',
      chain_hash: null,
      status: 'active',
      created_by: user.id,
      created_at: ctx.now,
      uploaded_at: null,
      purged_at: null,
    },
    png,
  );
}

export { recordMeta };

/**
 * Decrypts one image. The audit event commits before the plaintext is returned: a read that cannot be
 * audited does not happen. Purged, superseded and unknown records answer NOT_FOUND.
 */
export function readImage(ctx: CallContext, recordId: string, purpose: string): { record: RecordRow; bytes: Buffer } {
  const record = getRecord(ctx.db, recordId);
  const blob = record ? getBlob(ctx.db, recordId) : undefined;
  if (!record || !blob) throw new AppError('NOT_FOUND', 'No stored image with this id (it may have been purged after upload)');
  const { vault } = biometricRuntime(ctx.core);
  write(ctx, 'biometrics.read', () => ({
    change: {
      entity: 'biometric_record',
      entityId: record.id,
      summary: {
        applicationId: record.application_id,
        modality: record.modality,
        kind: record.kind,
        bioSubType: record.bio_subtype,
        purpose,
      },
    },
  }));
  try {
    const bytes = vault.open(ctx.db, record.id, { keyId: blob.key_id, nonce: blob.nonce, tag: blob.tag, ciphertext: blob.ciphertext });
    return { record, bytes };
  } catch (err) {
    ctx.core.log.error({ err, recordId: record.id }, 'biometric record could not be decrypted');
    throw new AppError('INTERNAL', 'This biometric record cannot be decrypted; the incident was logged');
  }
}
