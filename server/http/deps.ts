import type { EntityRegistry } from '../entities/registry.js';
import type { OfficeNotifier } from '../sync/notifier.js';
import type { Store } from '../store/store.js';

/** Everything the routes share; built once by createCentral(). */
export interface CentralDeps {
  store: Store;
  registry: EntityRegistry;
  notifier: OfficeNotifier;
  now: () => number;
  version: string;
  dataDir: string;
  adminToken: string;
  /** A commit published changes up to lastSeq for the office. */
  published: (officeCode: string, lastSeq: number) => void;
  /** A workstation made a signed request (last_seen_at, written at most once a minute). */
  seen: (workstationId: string, now: number) => void;
}
