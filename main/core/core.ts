import { basename, join } from 'node:path';
import type { Db } from '@db/connection.js';
import { migrate, loadMigrations, type Migration } from '@db/migrate.js';
import { upsertOffices, upsertServices } from '@db/queries/office/reference.js';
import { getSetting } from '@db/queries/office/settings.js';
import { OFFICE_SEED, SERVICE_SEED } from '@common/domain/shared/offices.js';
import { CoreEvents } from './kernel/events.js';
import { SessionStore } from './access/sessions.js';
import { OverrideStore } from './access/override-store.js';
import { isIdle, lockForIdle } from './access/idle.js';
import type { BiometricRuntime } from './biometrics/port.js';
import type { QueuePort } from './queue/port.js';
import type { PrintPort } from './receipts/printing.js';
import type { SyncPort } from './replication/port.js';
import { SILENT_LOG, type Log } from './log.js';
import { KeyFileWrapper, type KeyWrapper } from './kernel/crypto/key-wrapper.js';
import { openEncryptedDatabase } from './kernel/crypto/db-key.js';
import { securePrivateDir } from './kernel/file-modes.js';

export interface CoreOptions {
  dataDir: string;
  now?: () => number;
  version?: string;
  /** Where core logs (the host's log file); silent when left out. */
  log?: Log;
  /**
   * Seals each database's key (kernel/crypto/db-key.ts): safeStorage in the Electron shell; the 0600 key
   * file in the data folder (the biometric vault's KeyFileWrapper) for the web host, tools and tests.
   */
  keyWrapper?: KeyWrapper;
}

/**
 * What core reaches outside itself through, attached by the host that builds them (core never imports
 * main/sync, main/devices or electron). Each is optional: without it the use cases that need it fall back
 * (local queue, browser printing) or say it is not there.
 */
export interface CorePorts {
  /** Central's office queue (main/sync/queue-client.ts); without it the counter runs in local mode. */
  queue: QueuePort | undefined;
  /** The running sync client (main/sync/client.ts). */
  sync: SyncPort | undefined;
  /** The biometric devices and vault (main/devices/biometrics-install.ts). */
  biometrics: BiometricRuntime | undefined;
  /** The shell's printer (main/host/electron-print.ts); the web host has none. */
  print: PrintPort | undefined;
}

export const LIVE_DB_FILE = 'loket.sqlite';
export const TRAINING_DB_FILE = 'loket-training.sqlite';
const IDLE_SWEEP_MS = 15_000;

/**
 * The workstation's core: the open database (live or training), sessions and events. Hosts (Electron
 * IPC, web host) hold one Core and reach it only through main/ipc/dispatch.ts.
 */
export class Core {
  readonly sessions = new SessionStore();
  readonly overrides = new OverrideStore();
  readonly events = new CoreEvents();
  readonly ports: CorePorts = { queue: undefined, sync: undefined, biometrics: undefined, print: undefined };
  readonly now: () => number;
  readonly version: string;
  readonly dataDir: string;
  readonly log: Log;
  private readonly migrations: Migration[];
  private readonly keyWrapper: KeyWrapper;
  private readonly live: Db;
  private trainingDb: Db | undefined;
  private sweepTimer: NodeJS.Timeout | undefined;

  private constructor(opts: CoreOptions, live: Db, migrations: Migration[], keyWrapper: KeyWrapper) {
    this.keyWrapper = keyWrapper;
    this.dataDir = opts.dataDir;
    this.now = opts.now ?? Date.now;
    this.version = opts.version ?? '0.1.0';
    this.log = opts.log ?? SILENT_LOG;
    this.live = live;
    this.migrations = migrations;
  }

  static open(opts: CoreOptions): Core {
    // Personal data: the folder is this account's only, whatever an earlier version or a copy left.
    securePrivateDir(opts.dataDir, opts.log);
    const migrations = loadMigrations();
    const keyWrapper = opts.keyWrapper ?? new KeyFileWrapper(opts.dataDir);
    const live = Core.openMigrated(join(opts.dataDir, LIVE_DB_FILE), migrations, keyWrapper, opts.log);
    const core = new Core(opts, live, migrations, keyWrapper);
    if (getSetting(live, 'mode') === 'training') core.openTraining();
    return core;
  }

  private static openMigrated(file: string, migrations: Migration[], keyWrapper: KeyWrapper, log: Log | undefined): Db {
    const { db, encryptedNow } = openEncryptedDatabase(file, keyWrapper);
    if (encryptedNow) log?.info({ file: basename(file) }, 'the database was encrypted at rest (a plain copy from an earlier version)');
    migrate(db, migrations);
    // Reference data comes from central; the seed only fills an empty first-run database.
    const empty = (db.prepare('SELECT NOT EXISTS (SELECT 1 FROM offices) AS e').get() as { e: number }).e === 1;
    if (empty) {
      db.transaction(() => {
        upsertOffices(db, OFFICE_SEED);
        upsertServices(db, SERVICE_SEED);
      })();
    }
    return db;
  }

  /** The database every call works on: the training file while training mode is on. */
  get db(): Db {
    return this.trainingDb ?? this.live;
  }

  get liveDb(): Db {
    return this.live;
  }

  get training(): boolean {
    return this.trainingDb !== undefined;
  }

  /** Opens (creating and migrating when new) the training database and makes it current. */
  openTraining(): Db {
    this.trainingDb ??= Core.openMigrated(join(this.dataDir, TRAINING_DB_FILE), this.migrations, this.keyWrapper, this.log);
    this.sessions.clear();
    return this.trainingDb;
  }

  closeTraining(): void {
    this.trainingDb?.close();
    this.trainingDb = undefined;
    this.sessions.clear();
  }

  /** Attaches a port; the answer detaches it again unless another has replaced it meanwhile. */
  attach<K extends keyof CorePorts>(key: K, port: NonNullable<CorePorts[K]>): () => void {
    this.ports[key] = port;
    return () => {
      if (this.ports[key] === port) this.ports[key] = undefined;
    };
  }

  setting(key: string): string | undefined {
    return getSetting(this.db, key);
  }

  idleLockMs(): number {
    return Number(this.setting('idle_lock_minutes') ?? '5') * 60_000;
  }

  /** Locks idle sessions even when their window is frozen or closed; tells the hosts. */
  startIdleSweep(): void {
    this.sweepTimer ??= setInterval(() => this.sweepIdle(), IDLE_SWEEP_MS);
    this.sweepTimer.unref();
  }

  sweepIdle(): void {
    const now = this.now();
    for (const s of this.sessions.all()) if (isIdle(this, s, now)) lockForIdle(this, s, now);
  }

  close(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.trainingDb?.close();
    this.live.close();
  }
}
