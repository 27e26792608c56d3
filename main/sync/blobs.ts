// Blob uploads before the ops that reference them: ask central whether it holds the content address,
// upload resumably over tus when it does not (resuming from the stored upload URL after a failure or a
// restart), and only report the blob ready once central confirms it.
import * as tus from 'tus-js-client';
import { BLOB_UPLOAD_PATH, UNSIGNED_PAYLOAD } from '@common/central/protocol.js';
import { syncRoutes } from '@common/central/routes.js';
import type { Db } from '@db/connection.js';
import { getSyncBlob, markBlobConfirmed, setBlobUploadUrl } from '@db/queries/sync/sync-blobs.js';
import { signHeaders, SyncHttpError, type Transport } from './transport.js';

export interface BlobSource {
  read(sha256: string): Buffer | undefined;
  /** Central confirmed it holds the blob (e.g. the biometric store marks its records uploaded). */
  confirmed?(sha256: string): void;
  uploadUrl?(sha256: string): string | null;
  setUploadUrl?(sha256: string, url: string | null): void;
}

/** Blobs queued by the generic blob op (main/core/replication/blobs.ts). */
export function syncBlobSource(db: Db, now: () => number): BlobSource {
  return {
    read: (sha) => getSyncBlob(db, sha)?.data,
    confirmed: (sha) => markBlobConfirmed(db, sha, now()),
    uploadUrl: (sha) => getSyncBlob(db, sha)?.upload_url ?? null,
    setUploadUrl: (sha, url) => setBlobUploadUrl(db, sha, url),
  };
}

export type BlobOutcome = 'present' | 'uploaded' | 'unavailable';

export interface UploaderOptions {
  transport: Transport;
  sources: readonly BlobSource[];
  now: () => number;
  chunkSize?: number;
  /** Tests: stop an upload after this many bytes were accepted, as a dropped connection would. */
  abortAfterBytes?: number;
  /**
   * An upload's deadline is by progress, not by size: it fails as NOT_ANSWERING once no byte has moved
   * (and no answer come) for this long, however long the whole upload takes on a slow line.
   */
  stallMs?: number;
}

export const UPLOAD_STALL_MS = 20_000;

export class BlobUploader {
  constructor(private readonly opts: UploaderOptions) {}

  private async present(sha256: string): Promise<boolean> {
    const r = await this.opts.transport.call(syncRoutes.blobCheck, { body: { sha256s: [sha256] } });
    return r.present.includes(sha256);
  }

  /**
   * 'unavailable': the bytes are no longer here (purged) and central lacks them. The op is pushed anyway
   * and central rejects it as blob.missing, visible on the Sync screen, instead of blocking the queue.
   */
  async ensure(sha256: string): Promise<BlobOutcome> {
    return this.ensureFrom(
      sha256,
      this.opts.sources.find((s) => s.read(sha256) !== undefined),
    );
  }

  /** The same, from a given source: its bytes are read only when central lacks them (a biometric read is audited). */
  async ensureFrom(sha256: string, source: BlobSource | undefined): Promise<BlobOutcome> {
    if (await this.present(sha256)) {
      source?.confirmed?.(sha256);
      return 'present';
    }
    const bytes = source?.read(sha256);
    if (!source || !bytes) return 'unavailable';
    await this.upload(sha256, bytes, source);
    if (!(await this.present(sha256))) throw new SyncHttpError(503, 'BLOB_NOT_CONFIRMED', 'Central did not confirm the uploaded blob');
    source.setUploadUrl?.(sha256, null);
    source.confirmed?.(sha256);
    return 'uploaded';
  }

  private upload(sha256: string, bytes: Buffer, source: BlobSource): Promise<void> {
    const { transport } = this.opts;
    const identity = transport.identity;
    const stallMs = this.opts.stallMs ?? UPLOAD_STALL_MS;
    let stall: NodeJS.Timeout | undefined;
    return new Promise<void>((resolve, reject) => {
      let accepted = 0;
      const progressed = (): void => {
        clearTimeout(stall);
        const since = transport.health.now();
        stall = setTimeout(() => {
          transport.health.timedOut(since);
          void upload.abort().then(() => reject(new SyncHttpError(0, 'NOT_ANSWERING', `Blob upload made no progress for ${stallMs} ms`)));
        }, stallMs);
        stall.unref();
      };
      const upload = new tus.Upload(bytes, {
        endpoint: `${transport.baseUrl}${BLOB_UPLOAD_PATH}`,
        uploadUrl: source.uploadUrl?.(sha256) ?? null,
        uploadSize: bytes.length,
        metadata: { sha256, filename: sha256 },
        chunkSize: this.opts.chunkSize ?? 1024 * 1024,
        // The sync loop owns retries and their backoff.
        retryDelays: null,
        storeFingerprintForResuming: false,
        onBeforeRequest: (req) => {
          const url = new URL(req.getURL(), transport.baseUrl);
          const headers = signHeaders(identity, req.getMethod(), url.pathname + url.search, UNSIGNED_PAYLOAD, this.opts.now());
          for (const [k, v] of Object.entries(headers)) req.setHeader(k, v);
        },
        onUploadUrlAvailable: () => {
          progressed();
          source.setUploadUrl?.(sha256, upload.url);
        },
        onProgress: () => progressed(),
        onChunkComplete: (_size, bytesAccepted) => {
          progressed();
          accepted = bytesAccepted;
          if (this.opts.abortAfterBytes !== undefined && accepted >= this.opts.abortAfterBytes && accepted < bytes.length) {
            void upload.abort().then(() => reject(new SyncHttpError(0, 'NETWORK', 'Upload interrupted')));
          }
        },
        onSuccess: () => resolve(),
        onError: (err) => {
          const status = (err as tus.DetailedError).originalResponse?.getStatus() ?? 0;
          // A stale upload URL (central removed a half upload): start afresh next time.
          if (status === 404 || status === 410) source.setUploadUrl?.(sha256, null);
          reject(
            new SyncHttpError(status, status >= 400 && status < 500 ? 'BLOB_REFUSED' : 'NETWORK', `Blob upload failed: ${err.message}`),
          );
        },
      });
      progressed();
      upload.start();
    }).finally(() => clearTimeout(stall));
  }
}
