// npm run audit:verify -- <database file>: walks the hash chain and names the first broken link.
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { verifyAudit } from '../core/kernel/audit.js';
import { KeyFileWrapper } from '../core/kernel/crypto/key-wrapper.js';
import { openEncryptedDatabase } from '../core/kernel/crypto/db-key.js';

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.error('Usage: npm run audit:verify -- <path to loket.sqlite>');
  process.exit(2);
}
// The web host's databases are sealed by the key file beside them; the shell's by safeStorage, which needs the shell.
const { db } = openEncryptedDatabase(file, new KeyFileWrapper(dirname(file)), { readonly: true });
const verdict = verifyAudit(db);
db.close();
if (verdict.ok) {
  console.log(`OK: ${verdict.checked} audit events, chain intact`);
} else {
  console.log(`BROKEN at event ${verdict.brokenAt}: ${verdict.reason} (${verdict.checked} events before it are intact)`);
  process.exit(1);
}
