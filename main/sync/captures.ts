// Biometric images go up after the op that describes them: once central has applied a capture's op, its
// images are uploaded through the blob channel (tus, content-addressed), central's confirmation marks
// them uploaded, and the retention after that confirmation decides when the desk's copy is purged.
import type { Db } from '@db/connection.js';
import { uploadableRecords } from '@db/queries/biometrics/biometrics.js';
import type { Core } from '../core/core.js';
import { blobForUpload, confirmUploaded, purgeExpired } from '../core/biometrics/blob-sync.js';
import type { BlobSource, BlobUploader } from './blobs.js';
import { SyncHttpError } from './transport.js';

const BATCH = 50;

/**
 * One round: uploads (or finds at central) every image whose op is applied, confirms each, then purges
 * what the retention allows. Returns how many were confirmed; their confirmation ops wait in the outbox.
 * Without the biometric vault (no host installed it) there is nothing this desk can read, so nothing to do.
 */
export async function uploadCaptures(core: Core, db: Db, blobs: BlobUploader): Promise<number> {
  if (!core.ports.biometrics) return 0;
  let confirmed = 0;
  for (const record of uploadableRecords(db, BATCH)) {
    let bytes: Buffer | undefined;
    const source: BlobSource = {
      // Read (and audited) only when central lacks the image, and only once.
      read: (sha) => (sha === record.blob_sha256 ? (bytes ??= readImage(core, db, record.id)) : undefined),
    };
    try {
      if ((await blobs.ensureFrom(record.blob_sha256, source)) === 'unavailable') continue;
    } catch (err) {
      // Central refused this one image (4xx): it waits, logged, and never holds up the ops or the others.
      // Anything else (central out of reach) fails the round, which backs off as a push does.
      if (!(err instanceof SyncHttpError && err.status >= 400 && err.status < 500)) throw err;
      core.log.warn({ recordId: record.id, code: err.code, status: err.status }, 'biometric image upload refused');
      continue;
    }
    confirmed += confirmUploaded(core, { recordIds: [record.id] }, db);
  }
  purgeExpired(core, db);
  return confirmed;
}

/** An image this desk cannot open (its key unavailable, the ciphertext damaged) is logged and skipped. */
function readImage(core: Core, db: Db, recordId: string): Buffer | undefined {
  try {
    return blobForUpload(core, recordId, db)?.bytes;
  } catch (err) {
    core.log.error({ err, recordId }, 'biometric image could not be read for upload');
    return undefined;
  }
}
