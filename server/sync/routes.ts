import { OLDEST_ACCEPTED_PROTOCOL, PROTOCOL_VERSION } from '@common/central/protocol.js';
import { syncRoutes } from '@common/central/routes.js';
import { hashCode } from '../admin/ops.js';
import { schemaVersion } from '../migrate.js';
import { applyPush } from './push.js';
import { auditAnchorsOf, storeAuditAnchor } from './anchors.js';
import { decodePage, pullChanges, snapshotPage } from './feed.js';
import { officeOutbox, outboxReporter } from './outbox-report.js';
import { officeProblems } from './office-problems.js';
import { readOfficePhoto } from '../blobs/office-photo.js';
import { createFirstAdmin } from '../admin/first-admin.js';
import type { CentralDeps } from '../http/deps.js';
import { CentralError } from '../http/errors.js';
import { routeServer } from '../http/route.js';
import { importPublicKey, sha256Hex, signatureValid, useNonce } from '../http/signature.js';
import type { FastifyInstance } from 'fastify';

export function registerSyncRoutes(app: FastifyInstance, deps: CentralDeps): void {
  const serve = routeServer(app, deps);

  serve(syncRoutes.health, async () => ({
    ok: true as const,
    version: deps.version,
    schemaVersion: await schemaVersion(deps.store),
    protocol: { current: PROTOCOL_VERSION, oldestAccepted: OLDEST_ACCEPTED_PROTOCOL },
    store: deps.store.kind,
  }));

  // Signed with the key being enrolled: the workstation proves it holds the private half.
  serve(syncRoutes.enrol, async ({ req, now, parts, raw, body: input }) => {
    if (parts.workstationId !== input.workstationId)
      throw new CentralError('BAD_SIGNATURE', 'The signing workstation is not the one enrolling');
    if (!signatureValid(req, parts, importPublicKey(input.publicKey), sha256Hex(raw))) {
      throw new CentralError('BAD_SIGNATURE', 'The enrolment is not signed with the key it enrols');
    }
    const office = await deps.store.tx(async (sql) => {
      const codes = await sql.query<{ office_code: string; expires_at: number; used_by: string | null }>(
        'SELECT office_code, expires_at, used_by FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
        [hashCode(input.code)],
      );
      const code = codes[0];
      if (!code || code.expires_at < now) throw new CentralError('ENROLMENT_INVALID', 'This enrolment code is unknown or expired');
      if (code.office_code !== input.officeCode) {
        throw new CentralError('WRONG_OFFICE', `This code enrols a workstation of ${code.office_code}, not ${input.officeCode}`);
      }
      const existing = await sql.query<{ public_key: string; office_code: string; revoked_at: number | null }>(
        'SELECT public_key, office_code, revoked_at FROM workstations WHERE id = $1 FOR UPDATE',
        [input.workstationId],
      );
      const row = existing[0];
      const same = row?.public_key === input.publicKey && code.used_by === input.workstationId;
      // A revoked key never comes back, whatever code it brings: enrolment again needs a new key pair.
      const keyRevoked = await sql.query(
        'SELECT 1 FROM workstation_keys WHERE workstation_id = $1 AND public_key = $2 AND revoked_at IS NOT NULL',
        [input.workstationId, input.publicKey],
      );
      if (keyRevoked.length > 0 || (row && row.revoked_at !== null && row.public_key === input.publicKey)) {
        throw new CentralError('REVOKED', 'This workstation was revoked by an administrator; enrol it again with a new key');
      }
      const reenrol = row !== undefined && row.revoked_at !== null;
      if (row && !same && !reenrol) throw new CentralError('ENROLMENT_CONFLICT', 'A workstation with this id is already enrolled');
      if (code.used_by !== null && !same) throw new CentralError('ENROLMENT_INVALID', 'This enrolment code was already used');
      if (reenrol && row.office_code !== input.officeCode) {
        throw new CentralError('WRONG_OFFICE', `This workstation belongs to ${row.office_code}, not ${input.officeCode}`);
      }
      if (!same) {
        if (reenrol) {
          // The same desk under a new key: its device_seq, applied ops and outbox report go on.
          await sql.query('UPDATE workstations SET public_key = $2, name = $3, enrolled_at = $4, revoked_at = NULL WHERE id = $1', [
            input.workstationId,
            input.publicKey,
            input.name,
            now,
          ]);
        } else {
          await sql.query(
            'INSERT INTO workstations (id, office_code, name, public_key, enrolled_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)',
            [input.workstationId, input.officeCode, input.name, input.publicKey, now],
          );
        }
        await sql.query('INSERT INTO workstation_keys (workstation_id, public_key, enrolled_at) VALUES ($1, $2, $3)', [
          input.workstationId,
          input.publicKey,
          now,
        ]);
        await sql.query('UPDATE enrolment_codes SET used_at = $2, used_by = $3 WHERE code_hash = $1', [
          hashCode(input.code),
          now,
          input.workstationId,
        ]);
      }
      const offices = await sql.query<{ code: string; name: string; city: string; tz: string }>(
        'SELECT code, name, city, tz FROM offices WHERE code = $1',
        [input.officeCode],
      );
      return offices[0] as { code: string; name: string; city: string; tz: string };
    });
    await useNonce(deps.store, parts, now);
    return { workstationId: input.workstationId, officeCode: input.officeCode, office, serverTime: now };
  });

  serve(syncRoutes.auditAnchors, async ({ ws }) => auditAnchorsOf(deps.store, ws.id));

  serve(
    syncRoutes.push,
    async ({ req, ws, body }) => {
      const answer = await applyPush(deps, { id: ws.id, officeCode: ws.officeCode }, body);
      if (body.audit && (await storeAuditAnchor(deps.store, ws.id, body.audit, deps.now())) === 'behind')
        req.log.warn({ workstation: ws.id, seq: body.audit.seq }, 'audit anchor behind or unlike the one central holds');
      // Ids, codes and counts: the ops' payloads (names, NIKs) never reach the log.
      const entityOf = new Map(body.ops.map((o) => [o.opId, o.entity]));
      for (const r of answer.results)
        if (r.status === 'rejected' || r.status === 'conflict')
          req.log.info(
            { workstation: ws.id, opId: r.opId, deviceSeq: r.deviceSeq, entity: entityOf.get(r.opId), status: r.status, reason: r.reason },
            'op not applied',
          );
      req.log.debug({ workstation: ws.id, count: body.ops.length, answered: answer.results.length, gap: answer.gap }, 'push');
      return answer;
    },
    {
      check: ({ ws, body }) => {
        if (body.officeCode !== ws.officeCode)
          throw new CentralError('WRONG_OFFICE', `This workstation belongs to ${ws.officeCode}; it cannot push ops for ${body.officeCode}`);
      },
    },
  );

  const reportOutbox = outboxReporter(deps.store);
  serve(syncRoutes.pull, async ({ req, ws, query: input }) => {
    if (input.lastSeq !== undefined) await reportOutbox(ws.id, { lastSeq: input.lastSeq, conflicts: input.conflicts ?? 0 }, deps.now());
    const abort = new AbortController();
    req.raw.once('close', () => abort.abort());
    return pullChanges(deps.store, deps.notifier, ws.officeCode, { ...input, signal: abort.signal });
  });

  serve(syncRoutes.officeOutbox, async ({ ws, query }) => officeOutbox(deps.store, ws.officeCode, ws.id, query.date, deps.now()));
  serve(syncRoutes.officeProblems, async ({ ws }) => officeProblems(deps.store, ws.officeCode));
  serve(syncRoutes.firstAdmin, async ({ ws, body }) => createFirstAdmin(deps, ws.officeCode, ws.id, body));

  serve(syncRoutes.snapshot, async ({ ws, query }) => snapshotPage(deps.store, ws.officeCode, query.page, query.limit), {
    check: ({ query }) => void (query.page && decodePage(query.page)),
  });

  serve(syncRoutes.blobCheck, async ({ ws, body: input }) => {
    const rows = await deps.store.query<{ sha256: string }>(
      'SELECT sha256 FROM blobs WHERE office_code = $1 AND sha256 IN (SELECT jsonb_array_elements_text($2::jsonb))',
      [ws.officeCode, JSON.stringify(input.sha256s)],
    );
    return { present: rows.map((r) => r.sha256) };
  });

  serve(syncRoutes.blob, async ({ ws, params }) => readOfficePhoto(deps, ws.officeCode, params.sha256));
}
