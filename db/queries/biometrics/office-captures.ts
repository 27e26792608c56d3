// Captures made on another desk of the office (pulled from central) and the photos fetched for them.
import type { Db } from '@db/connection.js';

export interface PulledCaptureRow {
  application_id: string;
  modality: 'leftSlap' | 'rightSlap' | 'thumbs' | 'iris' | 'face';
  state: 'passed' | 'accepted' | 'excepted';
  quality: number | null;
  approved_by: string | null;
  photo_sha256: string | null;
  updated_at: number;
}

export function upsertPulledCapture(db: Db, row: PulledCaptureRow): void {
  db.prepare(
    `INSERT INTO pulled_captures (application_id, modality, state, quality, approved_by, photo_sha256, updated_at)
     VALUES (@application_id, @modality, @state, @quality, @approved_by, @photo_sha256, @updated_at)
     ON CONFLICT (application_id, modality) DO UPDATE SET state = excluded.state, quality = excluded.quality,
       approved_by = excluded.approved_by, photo_sha256 = excluded.photo_sha256, updated_at = excluded.updated_at`,
  ).run(row);
}

export const listPulledCaptures = (db: Db, applicationId: string): PulledCaptureRow[] =>
  db.prepare('SELECT * FROM pulled_captures WHERE application_id = ?').all(applicationId) as PulledCaptureRow[];

export interface PhotoCacheRow {
  id: string;
  application_id: string;
  sha256: string;
  key_id: string;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
  fetched_at: number;
}

export function insertCachedPhoto(db: Db, row: PhotoCacheRow): void {
  db.prepare(
    `INSERT INTO photo_cache (id, application_id, sha256, key_id, nonce, tag, ciphertext, fetched_at)
     VALUES (@id, @application_id, @sha256, @key_id, @nonce, @tag, @ciphertext, @fetched_at)`,
  ).run(row);
}

export const cachedPhoto = (db: Db, applicationId: string, sha256: string): PhotoCacheRow | undefined =>
  db
    .prepare('SELECT * FROM photo_cache WHERE application_id = ? AND sha256 = ? ORDER BY fetched_at DESC LIMIT 1')
    .get(applicationId, sha256) as PhotoCacheRow | undefined;

/** Ids of cached photos fetched at or before the horizon. */
export const expiredCachedPhotos = (db: Db, horizon: number): string[] =>
  db.prepare('SELECT id FROM photo_cache WHERE fetched_at <= ?').pluck().all(horizon) as string[];

export function deleteCachedPhotos(db: Db, ids: readonly string[]): number {
  const stmt = db.prepare('DELETE FROM photo_cache WHERE id = ?');
  return ids.reduce((n, id) => n + stmt.run(id).changes, 0);
}
