// A photo read back by another desk of the office. Central answers only for a blob its own data ties to
// the signing desk's office: an application record of that office names it as the applicant's photo and
// the office holds the upload. Any other address, another office's photo included, is NOT_FOUND, so the
// answer does not even tell whether the photo exists elsewhere.
import { readFile } from 'node:fs/promises';
import type { CentralDeps } from '../http/deps.js';
import { CentralError } from '../http/errors.js';
import { blobPath } from './routes.js';

export async function readOfficePhoto(
  deps: CentralDeps,
  officeCode: string,
  sha256: string,
): Promise<{ sha256: string; size: number; data: string }> {
  const named = await deps.store.query<{ n: number }>(
    `SELECT 1 AS n FROM records
     WHERE office_code = $1 AND entity = 'application' AND NOT deleted
       AND data->'captures'->'face'->>'photoSha256' = $2 LIMIT 1`,
    [officeCode, sha256],
  );
  if (named.length === 0) throw new CentralError('NOT_FOUND', 'No application of this office has this photo');
  const held = await deps.store.query<{ n: number }>('SELECT 1 AS n FROM blobs WHERE office_code = $1 AND sha256 = $2', [
    officeCode,
    sha256,
  ]);
  if (held.length === 0) throw new CentralError('NOT_FOUND', 'The photo has not been uploaded yet', { reason: 'photo.notUploaded' });
  const bytes = await readFile(blobPath(deps.dataDir, sha256));
  return { sha256, size: bytes.length, data: bytes.toString('base64') };
}
