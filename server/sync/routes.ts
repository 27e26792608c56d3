import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  BlobCheckRequest,
  EnrolRequest,
  OLDEST_ACCEPTED_PROTOCOL,
  PROTOCOL_VERSION,
  PullQuery,
  PushRequest,
  SnapshotQuery,
  type BlobCheckResponse,
  type EnrolResponse,
  type HealthResponse,
  type PullResponse,
  type PushResponse,
  type SnapshotResponse,
} from '@common/central/protocol.js';
import type { z } from 'zod';
import { hashCode } from '../admin/ops.js';
import { schemaVersion } from '../migrate.js';
import { applyPush } from './push.js';
import { decodePage, pullChanges, snapshotPage } from './feed.js';
import { officeOutbox, outboxReporter } from './outbox-report.js';
import { OfficeOutboxQuery, type OfficeOutboxView } from '@common/central/office-outbox.js';
import type { CentralDeps } from '../http/deps.js';
import { CentralError, parseJson, validate } from '../http/errors.js';
import {
  authenticate,
  checkSchemaVersion,
  importPublicKey,
  sha256Hex,
  signatureParts,
  signatureValid,
  useNonce,
  type Workstation,
} from '../http/signature.js';

/** Authenticates, then validates the body, then spends the nonce: refused requests write nothing. */
async function signed<S extends z.ZodType>(
  deps: CentralDeps,
  req: FastifyRequest,
  schema: S,
  source: 'body' | 'query',
  precheck?: (ws: Workstation, input: z.output<S>) => void,
): Promise<{ ws: Workstation; input: z.output<S> }> {
  checkSchemaVersion(req);
  const now = deps.now();
  const raw = source === 'body' ? req.body : undefined;
  if (source === 'body' && !Buffer.isBuffer(raw)) throw new CentralError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
  const { ws, parts } = await authenticate(deps.store, req, raw as Buffer | undefined, now);
  const input = validate(schema, source === 'body' ? parseJson(raw) : req.query);
  precheck?.(ws, input);
  await useNonce(deps.store, parts, now);
  deps.seen(ws.id, now);
  return { ws, input };
}

export function registerSyncRoutes(app: FastifyInstance, deps: CentralDeps): void {
  app.get('/health', async (): Promise<HealthResponse> => ({
    ok: true,
    version: deps.version,
    schemaVersion: await schemaVersion(deps.store),
    protocol: { current: PROTOCOL_VERSION, oldestAccepted: OLDEST_ACCEPTED_PROTOCOL },
    store: deps.store.kind,
  }));

  // Signed with the key being enrolled: the workstation proves it holds the private half.
  app.post('/v1/enrol', async (req): Promise<EnrolResponse> => {
    checkSchemaVersion(req);
    const now = deps.now();
    const parts = signatureParts(req, now);
    if (!Buffer.isBuffer(req.body)) throw new CentralError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
    const input = validate(EnrolRequest, parseJson(req.body));
    if (parts.workstationId !== input.workstationId)
      throw new CentralError('BAD_SIGNATURE', 'The signing workstation is not the one enrolling');
    if (!signatureValid(req, parts, importPublicKey(input.publicKey), sha256Hex(req.body))) {
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
      const existing = await sql.query<{ public_key: string }>('SELECT public_key FROM workstations WHERE id = $1', [input.workstationId]);
      const same = existing[0]?.public_key === input.publicKey && code.used_by === input.workstationId;
      if (existing[0] && !same) throw new CentralError('ENROLMENT_CONFLICT', 'A workstation with this id is already enrolled');
      if (code.used_by !== null && !same) throw new CentralError('ENROLMENT_INVALID', 'This enrolment code was already used');
      if (!same) {
        await sql.query(
          'INSERT INTO workstations (id, office_code, name, public_key, enrolled_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)',
          [input.workstationId, input.officeCode, input.name, input.publicKey, now],
        );
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

  app.post('/v1/push', async (req): Promise<PushResponse> => {
    const { ws, input } = await signed(deps, req, PushRequest, 'body', (w, i) => {
      if (i.officeCode !== w.officeCode)
        throw new CentralError('WRONG_OFFICE', `This workstation belongs to ${w.officeCode}; it cannot push ops for ${i.officeCode}`);
    });
    return applyPush(deps, { id: ws.id, officeCode: ws.officeCode }, input);
  });

  const reportOutbox = outboxReporter(deps.store);
  app.get('/v1/pull', async (req): Promise<PullResponse> => {
    const { ws, input } = await signed(deps, req, PullQuery, 'query');
    if (input.lastSeq !== undefined) await reportOutbox(ws.id, { lastSeq: input.lastSeq, conflicts: input.conflicts ?? 0 }, deps.now());
    const abort = new AbortController();
    req.raw.once('close', () => abort.abort());
    return pullChanges(deps.store, deps.notifier, ws.officeCode, { ...input, signal: abort.signal });
  });

  app.get('/v1/office/outbox', async (req): Promise<OfficeOutboxView> => {
    const { ws, input } = await signed(deps, req, OfficeOutboxQuery, 'query');
    return officeOutbox(deps.store, ws.officeCode, ws.id, input.date);
  });

  app.get('/v1/snapshot', async (req): Promise<SnapshotResponse> => {
    const { ws, input } = await signed(deps, req, SnapshotQuery, 'query', (_w, i) => void (i.page && decodePage(i.page)));
    return snapshotPage(deps.store, ws.officeCode, input.page, input.limit);
  });

  app.post('/v1/blobs/check', async (req): Promise<z.infer<typeof BlobCheckResponse>> => {
    const { ws, input } = await signed(deps, req, BlobCheckRequest, 'body');
    const rows = await deps.store.query<{ sha256: string }>(
      'SELECT sha256 FROM blobs WHERE office_code = $1 AND sha256 IN (SELECT jsonb_array_elements_text($2::jsonb))',
      [ws.officeCode, JSON.stringify(input.sha256s)],
    );
    return { present: rows.map((r) => r.sha256) };
  });
}
