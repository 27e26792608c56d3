// Resumable blob uploads over tus (@tus/server + @tus/file-store). Each tus request is signed like any
// other (its streamed body excepted, see UNSIGNED_PAYLOAD); when an upload completes its SHA-256 must
// equal the content address it was announced under, or it is deleted and refused.
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { FileStore } from '@tus/file-store';
import { Server as TusServer } from '@tus/server';
import { BLOB_UPLOAD_PATH, MAX_BLOB_BYTES, SYNC_HEADERS } from '@common/central/protocol.js';
import type { CentralDeps } from '../http/deps.js';
import { authenticate, checkSchemaVersion, findWorkstation, useNonce } from '../http/signature.js';

const SHA = /^[0-9a-f]{64}$/;

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

const tusError = (status: number, code: string, message: string) => ({
  status_code: status,
  body: JSON.stringify({ ok: false, error: { code, message } }),
});

export const blobPath = (dataDir: string, sha256: string): string => join(dataDir, 'blobs', sha256.slice(0, 2), sha256);

export function registerBlobRoutes(app: FastifyInstance, deps: CentralDeps): () => void {
  const uploads = join(deps.dataDir, 'tus-uploads');
  const datastore = new FileStore({ directory: uploads });
  const tus = new TusServer({
    path: BLOB_UPLOAD_PATH,
    datastore,
    maxSize: MAX_BLOB_BYTES,
    relativeLocation: true,
    onUploadCreate: async (req, upload) => {
      const sha = upload.metadata?.sha256 ?? '';
      if (!SHA.test(sha)) throw tusError(400, 'INVALID_FIELD', 'Upload-Metadata must carry the sha256 of the blob');
      const ws = req.headers.get(SYNC_HEADERS.workstation) ?? '';
      return { metadata: { ...upload.metadata, sha256: sha, workstation: ws } };
    },
    // An upload belongs to the workstation that created it (signed, so the header is proven): another
    // one, even of the same office, may neither read its offset nor append to it or finish it.
    onIncomingRequest: async (req, uploadId) => {
      if (req.method === 'POST') return;
      const owner = await datastore.getUpload(uploadId).then(
        (u) => u.metadata?.workstation,
        () => undefined,
      );
      if (owner !== undefined && owner !== req.headers.get(SYNC_HEADERS.workstation)) {
        throw tusError(403, 'FORBIDDEN', 'This upload belongs to another workstation');
      }
    },
    onUploadFinish: async (req, upload) => {
      const sha = upload.metadata?.sha256 ?? '';
      const file = join(uploads, upload.id);
      const actual = await sha256OfFile(file);
      const ws = await findWorkstation(deps.store, req.headers.get(SYNC_HEADERS.workstation) ?? '');
      if (actual !== sha || !ws) {
        await rm(file, { force: true });
        await rm(`${file}.json`, { force: true });
        throw tusError(422, 'BLOB_INVALID', 'The uploaded bytes do not match their SHA-256');
      }
      const target = blobPath(deps.dataDir, sha);
      await mkdir(join(deps.dataDir, 'blobs', sha.slice(0, 2)), { recursive: true });
      await rename(file, target);
      await rm(`${file}.json`, { force: true });
      const { size } = await stat(target);
      await deps.store.query(
        'INSERT INTO blobs (office_code, sha256, size, workstation_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING',
        [ws.officeCode, sha, size, ws.id, deps.now()],
      );
      return {};
    },
  });

  // tus reads the raw request body itself.
  app.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));

  const handle = async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    checkSchemaVersion(req);
    const now = deps.now();
    const { parts } = await authenticate(deps.store, req, undefined, now, { unsignedPayload: true });
    await useNonce(deps.store, parts, now);
    reply.hijack();
    await tus.handle(req.raw, reply.raw);
  };
  app.all(BLOB_UPLOAD_PATH, handle);
  app.all(`${BLOB_UPLOAD_PATH}/*`, handle);
  return () => tus.removeAllListeners();
}
