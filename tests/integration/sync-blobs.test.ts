// The blob channel: content-addressed, resumable (tus), confirmed by central before the op that
// references it is pushed; bytes that do not match their address are refused.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLOB_UPLOAD_PATH, PROTOCOL_VERSION, SYNC_HEADERS } from '@common/central/protocol.js';
import { backgroundContext } from '@main/core/kernel/context.js';
import { attachBlob } from '@main/core/replication/blobs.js';
import { BlobUploader, type BlobSource } from '@main/sync/blobs.js';
import { blobPath } from '@server/blobs/routes.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

let central: TestCentral;
let w: TestWorkstation;
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  w = await startWorkstation(central, { blobChunkSize: 64 * 1024 });
});
afterAll(async () => {
  await w?.cleanup();
  await central?.close();
});

const ctx = () => backgroundContext(w.t.core, { db: w.t.core.liveDb, now: Date.now() });
const blobRow = async (sha256: string) =>
  (
    await central.central.deps.store.query<{ size: number; created_at: number }>(
      'SELECT size, created_at FROM blobs WHERE office_code = $1 AND sha256 = $2',
      ['banyumanik', sha256],
    )
  )[0];

describe('blob channel', () => {
  it('uploads the blob, and pushes the op that references it only once central confirms it', async () => {
    const bytes = randomBytes(200 * 1024);
    const { id, sha256 } = attachBlob(ctx(), {
      bytes,
      mime: 'application/pdf',
      name: 'tanda-terima.pdf',
      ownerEntity: 'receipt',
      ownerId: 'r-1',
    });
    await w.client.runCycle();
    expect(readFileSync(blobPath(central.dataDir, sha256)).equals(bytes)).toBe(true);
    const blob = await blobRow(sha256);
    expect(blob?.size).toBe(bytes.length);
    const [op] = await central.central.deps.store.query<{ status: string; applied_at: number; payload: { blobs: string[] } }>(
      "SELECT status, applied_at, payload FROM applied_ops WHERE entity = 'blob' AND entity_id = $1",
      [id],
    );
    expect(op).toMatchObject({ status: 'applied', payload: { blobs: [sha256] } });
    expect(op?.applied_at).toBeGreaterThanOrEqual(blob?.created_at ?? Infinity);
    expect(
      w.t.core.liveDb.prepare('SELECT confirmed_at IS NOT NULL AS c, upload_url FROM sync_blobs WHERE sha256 = ?').get(sha256),
    ).toEqual({ c: 1, upload_url: null });
    const [record] = await central.central.deps.store.query<{ data: Record<string, unknown> }>(
      "SELECT data FROM records WHERE entity = 'blob' AND entity_id = $1",
      [id],
    );
    expect(record?.data).toEqual({
      sha256,
      size: bytes.length,
      mime: 'application/pdf',
      name: 'tanda-terima.pdf',
      ownerEntity: 'receipt',
      ownerId: 'r-1',
    });
  });

  it('resumes an interrupted upload from where it stopped', async () => {
    const bytes = randomBytes(320 * 1024);
    const address = sha(bytes);
    const urls: Array<string | null> = [];
    let stored: string | null = null;
    const source: BlobSource = {
      read: (s) => (s === address ? bytes : undefined),
      uploadUrl: () => stored,
      setUploadUrl: (_s, url) => {
        stored = url;
        urls.push(url);
      },
    };
    const transport = w.client.transport;
    if (!transport) throw new Error('not enrolled');
    const cut = new BlobUploader({ transport, sources: [source], now: Date.now, chunkSize: 64 * 1024, abortAfterBytes: 128 * 1024 });
    await expect(cut.ensure(address)).rejects.toMatchObject({ code: 'NETWORK' });
    expect(await blobRow(address)).toBeUndefined();
    const partial = stored as string | null;
    expect(partial).toMatch(new RegExp(`${BLOB_UPLOAD_PATH}/`));
    const offset = await fetch(partial as string, { method: 'HEAD', headers: await signedTusHeaders(new URL(partial as string).pathname) });
    expect(Number(offset.headers.get('upload-offset'))).toBeGreaterThanOrEqual(128 * 1024);

    const whole = new BlobUploader({ transport, sources: [source], now: Date.now, chunkSize: 64 * 1024 });
    expect(await whole.ensure(address)).toBe('uploaded');
    // One upload, created once and continued (never a second upload URL), cleared once confirmed.
    expect(new Set(urls.slice(0, -1))).toEqual(new Set([partial]));
    expect(urls.at(-1)).toBeNull();
    expect((await blobRow(address))?.size).toBe(bytes.length);
    expect(await whole.ensure(address)).toBe('present');
  });

  it('refuses bytes that do not match their content address, and keeps nothing', async () => {
    const claimed = sha(Buffer.from('what the op says'));
    const transport = w.client.transport;
    if (!transport) throw new Error('not enrolled');
    const liar: BlobSource = { read: (s) => (s === claimed ? Buffer.from('something else entirely') : undefined) };
    await expect(new BlobUploader({ transport, sources: [liar], now: Date.now }).ensure(claimed)).rejects.toMatchObject({
      status: 422,
      code: 'BLOB_REFUSED',
    });
    expect(await blobRow(claimed)).toBeUndefined();
    expect(existsSync(blobPath(central.dataDir, claimed))).toBe(false);
  });

  it('binds an upload to the workstation that created it: another desk of the office can neither read, append to nor finish it', async () => {
    const other = await startWorkstation(central, { name: 'LOKET-02' });
    try {
      const bytes = randomBytes(192 * 1024);
      const address = sha(bytes);
      let stored: string | null = null;
      const source: BlobSource = {
        read: (s) => (s === address ? bytes : undefined),
        uploadUrl: () => stored,
        setUploadUrl: (_s, url) => {
          stored = url;
        },
      };
      const mine = w.client.transport;
      if (!mine) throw new Error('not enrolled');
      const cut = new BlobUploader({ transport: mine, sources: [source], now: Date.now, chunkSize: 64 * 1024, abortAfterBytes: 64 * 1024 });
      await expect(cut.ensure(address)).rejects.toMatchObject({ code: 'NETWORK' });
      const url = stored as string | null;
      if (!url) throw new Error('no upload url');
      const path = new URL(url).pathname;

      const own = await fetch(url, { method: 'HEAD', headers: await signedTusHeaders(path) });
      const offset = Number(own.headers.get('upload-offset'));
      expect(offset).toBeGreaterThan(0);

      const head = await fetch(url, { method: 'HEAD', headers: await signedTusHeaders(path, 'HEAD', other) });
      expect(head.status).toBe(403);
      expect(head.headers.get('upload-offset')).toBeNull();
      // The rest of the bytes at the right offset: it would finish the upload if the desk did not matter.
      const patch = await fetch(url, {
        method: 'PATCH',
        headers: {
          ...(await signedTusHeaders(path, 'PATCH', other)),
          'content-type': 'application/offset+octet-stream',
          'upload-offset': String(offset),
        },
        body: bytes.subarray(offset),
      });
      expect(patch.status).toBe(403);
      expect(await blobRow(address)).toBeUndefined();

      expect(await new BlobUploader({ transport: mine, sources: [source], now: Date.now, chunkSize: 64 * 1024 }).ensure(address)).toBe(
        'uploaded',
      );
      expect((await blobRow(address))?.size).toBe(bytes.length);
    } finally {
      await other.cleanup();
    }
  });

  it('refuses unsigned upload requests', async () => {
    const r = await fetch(`${central.url}${BLOB_UPLOAD_PATH}`, {
      method: 'POST',
      headers: { 'tus-resumable': '1.0.0', 'upload-length': '3', [SYNC_HEADERS.schema]: String(PROTOCOL_VERSION) },
    });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UNSIGNED');
  });

  it('pushes an op whose blob is gone everywhere: central rejects it visibly, the queue moves on', async () => {
    const { id, sha256 } = attachBlob(ctx(), { bytes: Buffer.from('purged before upload'), mime: 'text/plain', name: 'gone.txt' });
    w.t.core.liveDb.prepare('DELETE FROM sync_blobs WHERE sha256 = ?').run(sha256);
    attachBlob(ctx(), { bytes: Buffer.from('still here'), mime: 'text/plain', name: 'ok.txt' });
    await w.client.runCycle();
    const { items } = await w.t.value('sync.list', { filter: 'rejected' }, w.adminToken);
    expect(items).toEqual([expect.objectContaining({ entityId: id, reason: `blob.missing:${sha256}` })]);
    expect((await w.t.value('sync.status', {})).pendingOps).toBe(0);
  });
});

async function signedTusHeaders(path: string, method = 'HEAD', as: TestWorkstation = w): Promise<Record<string, string>> {
  const { signHeaders } = await import('@main/sync/transport.js');
  const identity = as.client.transport?.identity;
  if (!identity) throw new Error('not enrolled');
  return { ...signHeaders(identity, method, path, 'UNSIGNED-PAYLOAD', Date.now()), 'tus-resumable': '1.0.0' };
}
