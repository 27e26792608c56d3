import type { Db } from '@db/connection.js';

export interface SyncBlobRow {
  sha256: string;
  size: number;
  data: Buffer;
  mime: string;
  created_at: number;
  upload_url: string | null;
  confirmed_at: number | null;
}

/** Content-addressed: the same bytes queued twice are stored once. */
export function insertSyncBlob(db: Db, row: Pick<SyncBlobRow, 'sha256' | 'size' | 'data' | 'mime' | 'created_at'>): void {
  db.prepare(
    'INSERT INTO sync_blobs (sha256, size, data, mime, created_at) VALUES (@sha256, @size, @data, @mime, @created_at) ON CONFLICT (sha256) DO NOTHING',
  ).run(row);
}

export const getSyncBlob = (db: Db, sha256: string): SyncBlobRow | undefined =>
  db.prepare('SELECT sha256, size, data, mime, created_at, upload_url, confirmed_at FROM sync_blobs WHERE sha256 = ?').get(sha256) as
    SyncBlobRow | undefined;

export function setBlobUploadUrl(db: Db, sha256: string, url: string | null): void {
  db.prepare('UPDATE sync_blobs SET upload_url = ? WHERE sha256 = ?').run(url, sha256);
}

export function markBlobConfirmed(db: Db, sha256: string, at: number): void {
  db.prepare('UPDATE sync_blobs SET confirmed_at = coalesce(confirmed_at, ?), upload_url = NULL WHERE sha256 = ?').run(at, sha256);
}
