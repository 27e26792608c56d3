// What the sync issue calls: the plaintext of a blob to upload (an audited read), the confirmation
// that central received it, and the purge once the retention after that confirmation has passed.
import type { Db } from '@db/connection.js';
import { deleteBlobs, getBlob } from '@db/queries/biometrics/biometrics-blobs.js';
import { getRecord, markPurged, markUploaded, purgeableRecords, recordIdsBySha } from '@db/queries/biometrics/biometrics.js';
import { biometricRuntime } from './port.js';
import { retentionDays } from './settings.js';
import { deleteCachedPhotos, expiredCachedPhotos } from '@db/queries/biometrics/office-captures.js';
import { backgroundContext, write } from '../kernel/context.js';
import type { Core } from '../core.js';

const DAY_MS = 86_400_000;

export interface BlobForUpload {
  recordId: string;
  sha256: string;
  size: number;
  bytes: Buffer;
}

/**
 * The image to upload through the sync blob channel, content-addressed by the SHA-256 of its
 * plaintext. Undefined when it is no longer here: superseded by a better attempt (central learns that
 * from the next capture op's `superseded` list) or already purged.
 */
export function blobForUpload(core: Core, recordId: string, db: Db = core.liveDb): BlobForUpload | undefined {
  const record = getRecord(db, recordId);
  const blob = record && record.status === 'active' ? getBlob(db, recordId) : undefined;
  if (!record || !blob) return undefined;
  // Background work acts as the workstation itself (no user); the audit event says so by its action.
  write(backgroundContext(core, { db }), 'biometrics.readForUpload', () => ({
    change: {
      entity: 'biometric_record',
      entityId: record.id,
      summary: { applicationId: record.application_id, sha256: record.blob_sha256 },
    },
  }));
  const bytes = biometricRuntime(core).vault.open(db, record.id, {
    keyId: blob.key_id,
    nonce: blob.nonce,
    tag: blob.tag,
    ciphertext: blob.ciphertext,
  });
  return { recordId: record.id, sha256: record.blob_sha256, size: record.blob_size, bytes };
}

/** Central confirmed it holds these blobs (by record id or by content hash). Returns how many records were marked. */
export function confirmUploaded(
  core: Core,
  refs: { recordIds?: readonly string[]; sha256s?: readonly string[] },
  db: Db = core.liveDb,
): number {
  const ctx = backgroundContext(core, { db });
  const ids = new Set(refs.recordIds ?? []);
  for (const sha of refs.sha256s ?? []) for (const id of recordIdsBySha(db, sha)) ids.add(id);
  if (ids.size === 0) return 0;
  return write(ctx, 'biometrics.uploadConfirmed', (tx) => ({
    change: { entity: 'biometric_record', summary: { count: ids.size } },
    result: markUploaded(tx, [...ids], ctx.now),
  }));
}

/**
 * Deletes the ciphertext of every record uploaded more than the retention ago; metadata stays for the
 * audit trail. Hosts run this on a timer (and the sync client after each confirmation).
 */
export function purgeExpired(core: Core, db: Db = core.liveDb): number {
  const ctx = backgroundContext(core, { db });
  const horizon = ctx.now - retentionDays(db) * DAY_MS;
  const due = purgeableRecords(db, horizon).map((r) => r.id);
  // Photos fetched from central for captures made on another desk go by the same retention, from their fetch.
  const cached = expiredCachedPhotos(db, horizon);
  if (due.length === 0 && cached.length === 0) return 0;
  write(ctx, 'biometrics.purged', (tx) => {
    deleteBlobs(tx, due);
    markPurged(tx, due, ctx.now);
    deleteCachedPhotos(tx, cached);
    return {
      change: {
        entity: 'biometric_record',
        summary: { count: due.length + cached.length, recordIds: due, ...(cached.length > 0 ? { cachedPhotoIds: cached } : {}) },
      },
    };
  });
  return due.length + cached.length;
}
