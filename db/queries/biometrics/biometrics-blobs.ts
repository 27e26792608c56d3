import type { Db } from '@db/connection.js';

/** Ciphertext only: the plaintext image never reaches SQLite. */
export interface BlobRow {
  record_id: string;
  key_id: string;
  nonce: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

export function insertBlob(db: Db, row: BlobRow): void {
  db.prepare(
    'INSERT INTO biometric_blobs (record_id, key_id, nonce, tag, ciphertext) VALUES (@record_id, @key_id, @nonce, @tag, @ciphertext)',
  ).run(row);
}

export const getBlob = (db: Db, recordId: string): BlobRow | undefined =>
  db.prepare('SELECT record_id, key_id, nonce, tag, ciphertext FROM biometric_blobs WHERE record_id = ?').get(recordId) as
    BlobRow | undefined;

export function deleteBlobs(db: Db, recordIds: readonly string[]): number {
  const stmt = db.prepare('DELETE FROM biometric_blobs WHERE record_id = ?');
  return recordIds.reduce((n, id) => n + stmt.run(id).changes, 0);
}

export const countBlobs = (db: Db): number => (db.prepare('SELECT count(*) AS n FROM biometric_blobs').get() as { n: number }).n;
