// The applicant's photo for the application screen, adjudication and hand-over, on whichever desk of the
// office shows it. The desk that captured it reads its own sealed record; another desk fetches the blob
// central names in the application record, refuses bytes that do not hash to that address, and keeps
// them sealed like a biometric image (photo_cache, same data key and retention). Every showing decrypts
// and is audited (`biometrics.read`) before the plaintext leaves core.
import { isPng } from '../biometrics/png.js';
import { readIso } from '@common/domain/biometrics/iso.js';
import { AppError } from '@common/contract/result.js';
import { getApplication } from '@db/queries/applications/applications.js';
import { cachedPhoto, insertCachedPhoto, listPulledCaptures, type PhotoCacheRow } from '@db/queries/biometrics/office-captures.js';
import { v7 as uuidv7 } from 'uuid';
import { signedIn } from '../access/auth.js';
import { evaluateCaptures } from '../biometrics/requirements.js';
import { recordsOfAttempt } from '@db/queries/biometrics/biometrics.js';
import { biometricRuntime } from '../biometrics/port.js';
import { ensureDataKey, readImage, sha256Hex } from '../biometrics/store.js';
import { mayViewBiometrics } from '../biometrics/viewers.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';

type Reason = 'photo.none' | 'photo.notYours' | 'photo.notAvailable' | 'photo.offline' | 'photo.mismatch' | 'photo.unreadable';
type Answer = { photo: string | null; reason: Reason | null };

const none = (reason: Reason): Answer => ({ photo: null, reason });

/** A face record as the screen can draw it: PNG or JPEG, or the image inside an ISO 19794-5 record. */
function dataUrl(bytes: Uint8Array): Answer {
  if (isPng(bytes)) return { photo: `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`, reason: null };
  if (bytes[0] === 0xff && bytes[1] === 0xd8)
    return { photo: `data:image/jpeg;base64,${Buffer.from(bytes).toString('base64')}`, reason: null };
  const iso = readIso(bytes);
  if (iso && isPng(iso.image)) return { photo: `data:image/png;base64,${Buffer.from(iso.image).toString('base64')}`, reason: null };
  return none('photo.unreadable');
}

/** Decrypts a cached photo; the audit event commits first, as for every biometric image. */
function openCached(ctx: CallContext, row: PhotoCacheRow): Buffer {
  write(ctx, 'biometrics.read', () => ({
    change: {
      entity: 'biometric_record',
      entityId: row.id,
      summary: { applicationId: row.application_id, modality: 'face', kind: 'cachedPhoto', sha256: row.sha256, purpose: 'photo' },
    },
  }));
  try {
    return biometricRuntime(ctx.core).vault.open(ctx.db, row.id, {
      keyId: row.key_id,
      nonce: row.nonce,
      tag: row.tag,
      ciphertext: row.ciphertext,
    });
  } catch (err) {
    ctx.core.log.error({ err, cacheId: row.id }, 'cached photo could not be decrypted');
    throw new AppError('INTERNAL', 'This photo cannot be decrypted; the incident was logged');
  }
}

function ownPhotoRecord(ctx: CallContext, applicationId: string): string | undefined {
  const face = evaluateCaptures(ctx.db, applicationId).find((e) => e.modality === 'face');
  if (!face?.kept) return undefined;
  return recordsOfAttempt(ctx.db, face.kept.id).find((r) => r.status === 'active' && r.purged_at === null)?.id;
}

export const applicationPhotoHandlers = {
  'applications.photo': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const app = getApplication(ctx.db, input.id);
    if (!app) throw new AppError('NOT_FOUND', 'No such application');
    if (!mayViewBiometrics(ctx.db, user, app)) return none('photo.notYours');
    // This desk's own capture is authoritative here.
    const own = ownPhotoRecord(ctx, app.id);
    if (own) return dataUrl(readImage(ctx, own, 'photo').bytes);
    const sha256 = listPulledCaptures(ctx.db, app.id).find((c) => c.modality === 'face')?.photo_sha256;
    if (!sha256) return none('photo.none');
    const cached = cachedPhoto(ctx.db, app.id, sha256);
    if (cached) return dataUrl(openCached(ctx, cached));
    const port = ctx.core.ports.sync;
    if (!port) return none('photo.offline');
    const got = await port.fetchPhoto(sha256);
    if (!got.ok) return none(got.why === 'notFound' ? 'photo.notAvailable' : 'photo.offline');
    if (sha256Hex(got.bytes) !== sha256) {
      // Kept on the record: bytes that are not what central's record names mean a store or a path to trust less.
      write(ctx, 'biometrics.photoRefused', () => ({
        change: { entity: 'application', entityId: app.id, summary: { applicationId: app.id, sha256, got: sha256Hex(got.bytes) } },
      }));
      return none('photo.mismatch');
    }
    const key = ensureDataKey(ctx);
    const id = uuidv7();
    const sealed = biometricRuntime(ctx.core).vault.seal(key, id, got.bytes);
    const row: PhotoCacheRow = {
      id,
      application_id: app.id,
      sha256,
      key_id: sealed.keyId,
      nonce: sealed.nonce,
      tag: sealed.tag,
      ciphertext: sealed.ciphertext,
      fetched_at: ctx.now,
    };
    write(ctx, 'biometrics.photoCached', (db) => {
      insertCachedPhoto(db, row);
      return { change: { entity: 'biometric_record', entityId: id, summary: { applicationId: app.id, sha256, size: got.bytes.length } } };
    });
    return dataUrl(openCached(ctx, row));
  },
} satisfies Partial<Handlers>;
