// How a sync client is set up: where central is, how the desk's key is kept, whether the loops run by
// themselves, and the sizes and waits tests shorten.
import type { Db } from '@db/connection.js';
import type { BlobSource } from './blobs.js';
import type { KeyStore } from './keystore.js';
import type { Deadlines, FetchLike } from './transport.js';

export interface SyncClientOptions {
  keyStore: KeyStore;
  /** Central's URL; overrides the one stored at enrolment (central moved). */
  centralUrl?: string;
  /** The central running inside this Loket: its URL, and codes for enrolling without an administrator. */
  embedded?: { url: string; enrolmentCode(officeCode: string): Promise<string> };
  /** The database to sync: the live one. A training database is refused. */
  db?: Db;
  fetch?: FetchLike;
  /** false: no loops; the caller drives runCycle() (tests, the model test's workstations). */
  background?: boolean;
  batchSize?: number;
  maxBatchBytes?: number;
  pageSize?: number;
  snapshotPageSize?: number;
  longPollMs?: number;
  intervalMs?: number;
  outboxPollMs?: number;
  backoffBaseMs?: number;
  backoffMaxMs?: number;
  blobSources?: readonly BlobSource[];
  blobChunkSize?: number;
  /** Tests shorten them; see main/sync/transport.ts for the defaults. */
  deadlines?: Partial<Deadlines>;
}
