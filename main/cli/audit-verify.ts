// npm run audit:verify -- <database file> [--anchors <file> | --central [<url>] [--key <pem file>]]
// Walks the hash chain and names the first broken link; with central's anchors (the audit heads each push
// reported) it also names a tail cut off the end or a chain rebuilt with new hashes, which the chain alone
// cannot show. The anchors come from an exported file (GET /admin/workstations/:id/audit-anchors, saved as
// JSON) or from central itself, asked with the workstation's own key (the web host's key file; the Electron
// shell's key is sealed by the platform, so export the file there).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { AuditAnchors } from '@common/central/protocol.js';
import { syncRoutes } from '@common/central/routes.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import { verifyAnchors, verifyAudit } from '../core/kernel/audit.js';
import { KeyFileWrapper } from '../core/kernel/crypto/key-wrapper.js';
import { openEncryptedDatabase } from '../core/kernel/crypto/db-key.js';
import { KEY_FILE } from '../sync/index.js';
import { identityFrom, Transport } from '../sync/transport.js';

const USAGE =
  'Usage: npm run audit:verify -- <path to loket.sqlite> [--anchors <anchor file> | --central [<url>] [--key <private key PEM>]]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { anchors: { type: 'string' }, central: { type: 'string' }, key: { type: 'string' } },
  args: normaliseCentralFlag(process.argv.slice(2)),
});
const file = positionals[0];
if (!file || !existsSync(file)) {
  console.error(USAGE);
  process.exit(2);
}

/** `--central` without a URL means the one recorded at enrolment. */
function normaliseCentralFlag(args: string[]): string[] {
  return args.flatMap((a, i) => (a === '--central' && (args[i + 1] === undefined || args[i + 1]!.startsWith('--')) ? [a, ''] : [a]));
}

// The web host's databases are sealed by the key file beside them; the shell's by safeStorage, which needs the shell.
const { db } = openEncryptedDatabase(file, new KeyFileWrapper(dirname(file)), { readonly: true });
try {
  const verdict = verifyAudit(db);
  if (!verdict.ok) {
    console.log(`BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.checked} events before it are intact)`);
    process.exit(1);
  }
  let anchors: AuditAnchors | undefined;
  if (values.anchors !== undefined) {
    anchors = AuditAnchors.parse(JSON.parse(readFileSync(values.anchors, 'utf8')));
  } else if (values.central !== undefined) {
    const workstationId = getSyncState(db, 'workstation_id');
    const baseUrl = values.central || getSyncState(db, 'central_url');
    const keyFile = values.key ?? join(dirname(file), KEY_FILE);
    if (!workstationId || !baseUrl || !existsSync(keyFile)) {
      console.error('This database was never enrolled, or its key file is not here: use --anchors with an exported file');
      process.exit(2);
    }
    const transport = new Transport({ baseUrl, identity: identityFrom(workstationId, readFileSync(keyFile, 'utf8')) });
    anchors = await transport.call(syncRoutes.auditAnchors, { query: {} });
  }
  if (!anchors) {
    console.log(`OK: ${verdict.checked} audit events, chain intact (not compared with central's anchors)`);
  } else {
    const anchored = verifyAnchors(db, anchors.anchors);
    if (!anchored.ok) {
      console.log(`BROKEN: ${anchored.problems.join('; ')}`);
      process.exit(1);
    }
    console.log(`OK: ${verdict.checked} audit events, chain intact, ${anchored.matched} of central's anchors match`);
  }
} finally {
  db.close();
}
