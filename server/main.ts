// `npm run server`: the reference central server. PostgreSQL when DATABASE_URL is set, PGlite in the
// data folder otherwise. `npm run server -- admin ...` is the admin CLI (server/admin/cli.ts).
// The log is JSON lines on stdout (for the service manager to keep); the three lines saying where the
// server runs and where its admin token is are for the person who started it, in plain words.
import { createCentral } from './app.js';
import { runCli } from './admin/cli.js';
import { defaultCentralDir, loadAdminToken, writeRuntimeInfo } from './config.js';
import { centralLog } from './http/log.js';

async function serve(log: ReturnType<typeof centralLog>): Promise<void> {
  const dataDir = defaultCentralDir();
  const admin = loadAdminToken(dataDir);
  const central = await createCentral({ dataDir, adminToken: admin.token, databaseUrl: process.env.DATABASE_URL, log });
  const host = process.env.LOKET_CENTRAL_HOST ?? '127.0.0.1';
  const port = Number(process.env.LOKET_CENTRAL_PORT ?? 8731);
  const url = await central.listen({ host, port });
  writeRuntimeInfo(dataDir, { url, pid: process.pid, store: central.deps.store.kind });
  console.log(`Loket central is running at ${url}`);
  console.log(
    `(store: ${central.deps.store.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `PGlite in ${dataDir}/pgdata`}; data in ${dataDir})`,
  );
  console.log(admin.file ? `Admin token: ${admin.file}${admin.created ? ' (new)' : ''}` : 'Admin token: from LOKET_ADMIN_TOKEN');
  const stop = async (): Promise<void> => {
    await central.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

// Central's data folder holds every office's personal data and the admin token: this account's only.
if (process.platform !== 'win32') process.umask(0o077);

const [first, ...rest] = process.argv.slice(2);
if (first === 'admin') {
  runCli(rest).then(
    (code) => process.exit(code),
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exit(1);
    },
  );
} else {
  const log = centralLog();
  serve(log).catch((err: unknown) => {
    log.fatal({ err }, 'central failed to start');
    process.exit(1);
  });
}
