// The generic blob op: queue a file for central, content-addressed by SHA-256. Later entities that
// reference files (signed PDFs, photos) put `blobs: [{ sha256, size }]` into their op's data the same
// way; the sync client uploads each blob (resumably) and pushes the op only once central confirms it.
import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import { insertSyncBlob } from '@db/queries/sync/sync-blobs.js';
import { upsertSyncRecord } from '@db/queries/sync/sync.js';
import { write, type CallContext } from '../kernel/context.js';

export interface AttachBlobInput {
  bytes: Buffer;
  mime: string;
  name: string;
  ownerEntity?: string;
  ownerId?: string;
}

export function attachBlob(ctx: CallContext, input: AttachBlobInput): { id: string; sha256: string } {
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const id = uuidv7();
  const record = {
    sha256,
    size: input.bytes.length,
    mime: input.mime,
    name: input.name,
    ownerEntity: input.ownerEntity ?? null,
    ownerId: input.ownerId ?? null,
  };
  write(ctx, 'blob.attach', (db) => {
    insertSyncBlob(db, { sha256, size: input.bytes.length, data: input.bytes, mime: input.mime, created_at: ctx.now });
    upsertSyncRecord(db, { entity: 'blob', entity_id: id, version: 0, data: JSON.stringify(record), deleted: 0 });
    return {
      change: { entity: 'blob', entityId: id, summary: record, data: { ...record, blobs: [{ sha256, size: input.bytes.length }] } },
    };
  });
  return { id, sha256 };
}
