// npm run audit:verify -- <database file>: walks the hash chain and names the first broken link.
import { existsSync } from 'node:fs';
import { openDatabase } from '@db/connection.js';
import { verifyAudit } from '../core/kernel/audit.js';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Usage: npm run audit:verify -- <path to loket.sqlite>');
  process.exit(2);
}
const db = openDatabase(file, { readonly: true });
const verdict = verifyAudit(db);
db.close();
if (verdict.ok) {
  console.log(`OK: ${verdict.checked} audit events, chain intact`);
} else {
  console.log(`BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.checked} events before it are intact)`);
  process.exit(1);
}
