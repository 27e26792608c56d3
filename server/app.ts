// The central server: Fastify over the store, with its migrations, the sync and blob routes and the
// admin API. createCentral() is what `npm run server`, the embedded central and the tests start.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import { MAX_REQUEST_BYTES } from '../common/central/protocol.js';
import { seedOffices } from './admin/ops.js';
import { BUILT_IN_ENTITIES, EntityRegistry } from './entities/registry.js';
import type { EntityDef } from './entities/types.js';
import { registerAdminRoutes } from './admin/routes.js';
import { registerBlobRoutes } from './blobs/routes.js';
import { registerPaymentRoutes } from './payments/routes.js';
import { registerQueueRoutes } from './queue/routes.js';
import type { CentralDeps } from './http/deps.js';
import { CentralError } from './http/errors.js';
import { requestFacts, SILENT_CENTRAL_LOG, type CentralLog } from './http/log.js';
import { purgeNonces } from './http/signature.js';
import { registerSyncRoutes } from './sync/routes.js';
import { migrateServer } from './migrate.js';
import { openStore, type Store } from './store/store.js';
import { OfficeNotifier } from './sync/notifier.js';
import { assertAdminToken } from './config.js';

export const CENTRAL_VERSION = '0.1.0';

export interface CentralOptions {
  /** Blobs, uploads and (without a database URL) the PGlite database live here. */
  dataDir: string;
  /** An open store; otherwise one is opened from databaseUrl, or PGlite in dataDir/pgdata. */
  store?: Store;
  databaseUrl?: string;
  adminToken: string;
  /** Entities beyond the built-in ones (tests; the product's own are listed in entities/registry.ts). */
  entities?: readonly EntityDef[];
  now?: () => number;
  /** Creates the reference list's offices on first start (default true). */
  seedOffices?: boolean;
  /** How often past days' leftover tickets are closed (default a minute); null: never (tests that move `now` by hand). */
  dayEndSweepMs?: number | null;
  /** Where central logs (stdout for `npm run server`, the workstation's log file when embedded); silent when left out. */
  log?: CentralLog;
}

export type { CentralLog };

export interface Central {
  app: FastifyInstance;
  deps: CentralDeps;
  listen(opts?: { host?: string; port?: number }): Promise<string>;
  close(): Promise<void>;
}

const FASTIFY_CODES: Record<string, CentralError['code']> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
};

/**
 * Every error answer is logged by its code, status and route: never the request's body (an op batch
 * carries names and NIKs) nor the error's details. Only unexpected failures log the error itself: its
 * type, code, message and stack, with digit runs and quoted text scrubbed (common/domain/shared/log-privacy.ts).
 */
function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const answer = (e: CentralError, status = e.status, cause?: unknown) => {
      const facts = { ...requestFacts(req), code: e.code, status };
      if (status >= 500) req.log.error({ ...facts, err: cause }, 'request failed');
      else req.log.info(facts, 'request refused');
      return reply.status(status).send(e.toBody());
    };
    if (err instanceof CentralError) return answer(err);
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped)
      return answer(
        new CentralError(mapped, mapped === 'BODY_TOO_LARGE' ? `Requests are limited to ${MAX_REQUEST_BYTES} bytes` : err.message),
      );
    if (err.statusCode && err.statusCode < 500) return answer(new CentralError('INVALID_FIELD', err.message), err.statusCode);
    return answer(new CentralError('INTERNAL', 'The central server failed; try again'), 500, err);
  });
  app.setNotFoundHandler((_req, reply) => {
    const e = new CentralError('NOT_FOUND', 'No such endpoint');
    return reply.status(404).send(e.toBody());
  });
}

export async function createCentral(opts: CentralOptions): Promise<Central> {
  assertAdminToken(opts.adminToken, 'the central options');
  mkdirSync(opts.dataDir, { recursive: true });
  const ownsStore = !opts.store;
  const log = opts.log ?? SILENT_CENTRAL_LOG;
  const store =
    opts.store ??
    (await openStore({
      databaseUrl: opts.databaseUrl,
      dataDir: join(opts.dataDir, 'pgdata'),
      onIdleError: (err) => log.error({ err }, 'an idle PostgreSQL connection failed'),
    }));
  await migrateServer(store);
  const notifier = new OfficeNotifier();
  const lastSeen = new Map<string, number>();
  const deps: CentralDeps = {
    store,
    registry: new EntityRegistry([...BUILT_IN_ENTITIES, ...(opts.entities ?? [])]),
    notifier,
    now: opts.now ?? Date.now,
    version: CENTRAL_VERSION,
    dataDir: opts.dataDir,
    adminToken: opts.adminToken,
    published: (officeCode) => notifier.notify(officeCode),
    seen: (id, now) => {
      if (now - (lastSeen.get(id) ?? 0) < 60_000) return;
      lastSeen.set(id, now);
      store.query('UPDATE workstations SET last_seen_at = $2 WHERE id = $1', [id, now]).catch(() => undefined);
    },
  };
  if (opts.seedOffices !== false) await seedOffices(deps);

  // Requests are not logged one by one (long-polls would flood the log and URLs carry queries); errors are.
  const app = Fastify({
    bodyLimit: MAX_REQUEST_BYTES,
    loggerInstance: log as FastifyBaseLogger,
    logController: new LogController({ disableRequestLogging: true }),
    forceCloseConnections: true,
  });
  app.removeAllContentTypeParsers();
  // Raw bytes: the signature covers them, so JSON is parsed only once it has been checked.
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
  installErrorHandling(app);
  registerSyncRoutes(app, deps);
  const stopBlobs = registerBlobRoutes(app, deps);
  registerAdminRoutes(app, deps);
  registerPaymentRoutes(app, deps);
  registerQueueRoutes(app, deps, opts.dayEndSweepMs === undefined ? 60_000 : opts.dayEndSweepMs);
  app.addHook('preClose', async () => notifier.close());

  const sweep = setInterval(() => void purgeNonces(store, deps.now()).catch(() => undefined), 60_000);
  sweep.unref();

  return {
    app,
    deps,
    async listen(l = {}) {
      await app.listen({ host: l.host ?? '127.0.0.1', port: l.port ?? 0 });
      const address = app.server.address();
      const port = typeof address === 'object' && address ? address.port : l.port;
      return `http://${l.host && l.host !== '0.0.0.0' ? l.host : '127.0.0.1'}:${port}`;
    },
    async close() {
      clearInterval(sweep);
      stopBlobs();
      await app.close();
      if (ownsStore) await store.close();
    },
  };
}
