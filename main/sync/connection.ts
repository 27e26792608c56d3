// What an enrolled desk talks to central through: the signed transport, the blob uploader and the push
// and pull contexts, built from the enrolment and the client's options. A configured or embedded central's
// address wins over the one recorded at enrolment, and the recorded one follows it.
import type { Db } from '@db/connection.js';
import { setSyncState } from '@db/queries/sync/sync.js';
import type { Core } from '../core/core.js';
import { BlobUploader, syncBlobSource } from './blobs.js';
import type { SyncClientOptions } from './client-options.js';
import type { Enrolment } from './enrol.js';
import type { CentralHealth } from './health.js';
import type { PullContext } from './pull.js';
import type { PushContext } from './push.js';
import { Transport } from './transport.js';

export interface Connection {
  enrolment: Enrolment;
  push: PushContext;
  pull: PullContext;
}

export function openConnection(core: Core, db: Db, opts: SyncClientOptions, health: CentralHealth, enrolment: Enrolment): Connection {
  const baseUrl = opts.embedded?.url ?? opts.centralUrl ?? enrolment.centralUrl;
  if (baseUrl !== enrolment.centralUrl) setSyncState(db, 'central_url', baseUrl);
  // Signatures use the wall clock, whatever clock core's business rules run on.
  const transport = new Transport({ baseUrl, identity: enrolment.identity, fetch: opts.fetch, health, deadlines: opts.deadlines });
  const blobs = new BlobUploader({
    transport,
    sources: [syncBlobSource(db, core.now), ...(opts.blobSources ?? [])],
    now: Date.now,
    chunkSize: opts.blobChunkSize,
  });
  return {
    enrolment: { ...enrolment, centralUrl: baseUrl },
    push: {
      core,
      db,
      transport,
      officeCode: enrolment.officeCode,
      blobs,
      batchSize: opts.batchSize ?? 500,
      maxBatchBytes: opts.maxBatchBytes ?? 2 * 1024 * 1024,
    },
    pull: { core, db, transport, pageSize: opts.pageSize ?? 1000, snapshotPageSize: opts.snapshotPageSize ?? 5000 },
  };
}
