// The audit chain anchored at central: every push carries the desk's audit head, central keeps it, and
// audit:verify compares a database with those anchors, so a tail cut off the end or a chain rebuilt with
// new hashes (both invisible to the chain alone) is named.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminRoutes } from '@common/central/routes.js';
import { KeyFileWrapper } from '@main/core/kernel/crypto/key-wrapper.js';
import { openEncryptedDatabase } from '@main/core/kernel/crypto/db-key.js';
import { auditHash, GENESIS_HASH, verifyAnchors, verifyAudit } from '@main/core/kernel/audit.js';
import { LIVE_DB_FILE } from '@main/core/core.js';
import type { AuditRow } from '@db/queries/office/audit.js';
import { userSession } from '../support/core.js';
import { preferredStore, startTestCentral, type TestCentral } from '../support/model/central.js';
import { startWorkstation, type TestWorkstation } from '../support/model/workstation.js';

let central: TestCentral;
let w: TestWorkstation;
beforeAll(async () => {
  central = await startTestCentral(preferredStore());
  w = await startWorkstation(central);
});
afterAll(async () => {
  await w?.cleanup();
  await central?.close();
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'main/cli/audit-verify.ts', ...args], { encoding: 'utf8' });
    return { code: 0, out: stdout };
  } catch (e) {
    const err = e as { code: number; stdout: string };
    return { code: err.code, out: err.stdout };
  }
}

const head = (): number => w.t.core.liveDb.prepare('SELECT max(seq) FROM audit_events').pluck().get() as number;
const anchorsAtCentral = (of = w) =>
  central.admin(adminRoutes.auditAnchors, { params: { id: of.client.transport!.identity.workstationId } });

/** The database as someone holding the file and its key would open it (the web host's key file beside it). */
const openRaw = (file: string) => openEncryptedDatabase(file, new KeyFileWrapper(dirname(file))).db;

describe('audit anchors', () => {
  it('keeps the head of each push at central and names a tail cut off the database', async () => {
    await userSession(w.t, w.adminToken, 'petugas1', 'officer');
    await w.client.runCycle();
    const pushedHead = head();
    const { anchors } = await anchorsAtCentral();
    expect(anchors.at(-1)).toMatchObject({ seq: pushedHead });
    expect(verifyAnchors(w.t.core.liveDb, anchors)).toMatchObject({ ok: true, missingFrom: null });

    const file = join(w.t.dataDir, LIVE_DB_FILE);
    const exported = join(w.t.dataDir, 'anchors.json');
    writeFileSync(exported, JSON.stringify(await anchorsAtCentral()));
    expect(await cli(file, '--central')).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: .*of central's anchors match/) });

    // Someone with the file drops the guard and cuts the newest three events: the rest still links up.
    const raw = openRaw(file);
    raw.exec('DROP TRIGGER audit_events_no_delete');
    raw.prepare('DELETE FROM audit_events WHERE seq > ?').run(pushedHead - 3);
    raw.close();
    expect(verifyAudit(w.t.core.liveDb).ok).toBe(true);
    const missing = new RegExp(`events ${pushedHead - 2}-${pushedHead} are missing`);
    expect(await cli(file, '--central')).toMatchObject({ code: 1, out: expect.stringMatching(missing) });
    expect(await cli(file, '--anchors', exported)).toMatchObject({ code: 1, out: expect.stringMatching(missing) });
  });

  it('names a chain rebuilt with new hashes, which the chain alone accepts', async () => {
    const other = await startWorkstation(central, { name: 'LOKET-02' });
    try {
      await userSession(other.t, other.adminToken, 'petugas2', 'officer');
      await other.client.runCycle();
      const { anchors } = await anchorsAtCentral(other);
      const top = anchors.at(-1)!.seq;
      expect(verifyAnchors(other.t.core.liveDb, anchors).ok).toBe(true);

      // Rewrite event 2 and re-chain everything after it, as a forger with the file would.
      const raw = openRaw(join(other.t.dataDir, LIVE_DB_FILE));
      raw.exec('DROP TRIGGER audit_events_no_update');
      const rows = raw.prepare('SELECT * FROM audit_events ORDER BY seq').all() as AuditRow[];
      let prev = GENESIS_HASH;
      raw.transaction(() => {
        for (const row of rows) {
          const summary = row.seq === 2 ? '{"forged":true}' : row.summary;
          const { hash: _old, ...rest } = { ...row, prev_hash: prev, summary };
          const hash = auditHash(rest);
          raw.prepare('UPDATE audit_events SET summary = ?, prev_hash = ?, hash = ? WHERE seq = ?').run(summary, prev, hash, row.seq);
          prev = hash;
        }
      })();
      raw.close();
      expect(verifyAudit(other.t.core.liveDb).ok).toBe(true);
      const verdict = verifyAnchors(other.t.core.liveDb, anchors);
      expect(verdict.ok).toBe(false);
      expect(verdict.problems.join(' ')).toContain(`event ${top} is not the one central was told of`);
    } finally {
      await other.cleanup();
    }
  });
});
