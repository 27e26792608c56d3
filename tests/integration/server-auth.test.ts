// Enrolment and request signing at central: each refusal has its own code and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_CLOCK_SKEW_MS, PROTOCOL_VERSION, SYNC_HEADERS } from '@common/central/protocol.js';
import { loadServerMigrations } from '@server/migrate.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { centralDigest, enrolIdentity, newIdentity, wireOp, type SendOptions } from '../support/model/signed.js';
import { centralClient, sendPlain } from '../support/central-client.js';
import { adminRoutes, billingRoutes, queueAdminRoutes, queueRoutes, syncRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

describe.each(storeKinds())('central authentication on %s', (kind) => {
  let central: TestCentral;
  let now = Date.now();
  let clockOffset = 0;
  beforeAll(async () => {
    central = await startTestCentral(kind, { now: () => Date.now() + clockOffset });
  });
  afterAll(() => central?.close());

  const pull = (id: Identity, o: SendOptions = {}) => centralClient(central, id).send(syncRoutes.pull, { query: { cursor: 0 } }, o);
  const enrolBody = (id: Identity, code: string, officeCode = 'banyumanik') => ({
    body: { code, workstationId: id.workstationId, name: 'LOKET-09', officeCode, publicKey: id.publicKey },
  });
  const code = async (officeCode = 'banyumanik', ttlHours?: number) =>
    (await central.admin(adminRoutes.enrolmentCode, { body: { officeCode, ...(ttlHours ? { ttlHours } : {}) } })).code;

  it('answers /health with its version and schema version', async () => {
    const res = await sendPlain(central, syncRoutes.health);
    expect(res.body).toEqual({
      ok: true,
      version: '0.1.0',
      schemaVersion: loadServerMigrations().length,
      protocol: { current: PROTOCOL_VERSION, oldestAccepted: PROTOCOL_VERSION - 1 },
      store: kind,
    });
  });

  it('serves every route of the table', () => {
    const all = [syncRoutes, queueRoutes, queueAdminRoutes, adminRoutes, billingRoutes].flatMap((group) => Object.values(group));
    expect(all.filter((r) => !central.central.app.hasRoute({ method: r.method, url: r.path })).map((r) => r.path)).toEqual([]);
  });

  it('enrols with a single-use code, idempotently for the same key', async () => {
    const id = newIdentity();
    const c = await code();
    const first = await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, c));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ workstationId: id.workstationId, officeCode: 'banyumanik', office: { code: 'banyumanik' } });
    // The answer was lost and the workstation asks again with the same key: same answer.
    expect((await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, c))).status).toBe(200);
    const other = newIdentity();
    const reused = await centralClient(central, other).send(syncRoutes.enrol, enrolBody(other, c));
    expect([reused.status, reused.body.error?.code]).toEqual([403, 'ENROLMENT_INVALID']);
    const listed = await central.admin(adminRoutes.workstations, { query: { office: 'banyumanik' } });
    expect(listed.map((w) => w.id)).toContain(id.workstationId);
    expect(listed.map((w) => w.id)).not.toContain(other.workstationId);
  });

  it('refuses unknown, expired and other-office codes, and an enrolment not signed by its key', async () => {
    const id = newIdentity();
    const unknown = await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, 'AAAA-BBBB-CCCC'));
    expect([unknown.status, unknown.body.error?.code]).toEqual([403, 'ENROLMENT_INVALID']);
    const wrongOffice = await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, await code('batam')));
    expect([wrongOffice.status, wrongOffice.body.error?.code]).toEqual([403, 'WRONG_OFFICE']);
    const forged = await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, await code()), {
      signer: newIdentity(id.workstationId),
    });
    expect([forged.status, forged.body.error?.code]).toEqual([401, 'BAD_SIGNATURE']);
    const expiring = await code('banyumanik', 1);
    clockOffset = 2 * 3_600_000;
    const expired = await centralClient(central, id).send(syncRoutes.enrol, enrolBody(id, expiring), {
      timestamp: Date.now() + clockOffset,
    });
    clockOffset = 0;
    expect([expired.status, expired.body.error?.code]).toEqual([403, 'ENROLMENT_INVALID']);
    const enrolled = await central.central.deps.store.query<{ n: number }>('SELECT count(*)::int AS n FROM workstations WHERE id = $1', [
      id.workstationId,
    ]);
    expect(enrolled[0]?.n).toBe(0);
  });

  describe('signed requests', () => {
    let ws: Identity;
    beforeAll(async () => {
      ws = await enrolIdentity(central);
      now = Date.now();
    });

    it('accepts a correctly signed request', async () => {
      const r = await pull(ws);
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ cursor: expect.any(Number), more: expect.any(Boolean) });
    });

    const refusals: Array<[string, () => Promise<{ status: number; body: { error?: { code: string } } }>, number, string]> = [
      ['unsigned', () => pull(ws, { unsigned: true }), 401, 'UNSIGNED'],
      ['from an unknown workstation', () => pull(newIdentity()), 401, 'UNKNOWN_WORKSTATION'],
      ['signed with another key (forged)', () => pull(ws, { signer: newIdentity(ws.workstationId) }), 401, 'BAD_SIGNATURE'],
      ['timestamped more than 5 minutes ago', () => pull(ws, { timestamp: Date.now() - MAX_CLOCK_SKEW_MS - 60_000 }), 401, 'CLOCK_SKEW'],
      ['timestamped more than 5 minutes ahead', () => pull(ws, { timestamp: Date.now() + MAX_CLOCK_SKEW_MS + 60_000 }), 401, 'CLOCK_SKEW'],
      ['without a schema version', () => pull(ws, { schemaVersion: null }), 400, 'SCHEMA_MISSING'],
      ['from a workstation too old for central', () => pull(ws, { schemaVersion: PROTOCOL_VERSION - 2 }), 426, 'UPDATE_REQUIRED'],
      ['from a workstation newer than central', () => pull(ws, { schemaVersion: PROTOCOL_VERSION + 1 }), 400, 'SCHEMA_UNSUPPORTED'],
    ];
    for (const [what, send, status, code] of refusals) {
      it(`refuses a request ${what} with ${status} ${code} and writes nothing`, async () => {
        const before = await centralDigest(central);
        const r = await send();
        expect([r.status, r.body.error?.code]).toEqual([status, code]);
        expect(await centralDigest(central)).toBe(before);
      });
    }

    it('accepts the previous schema version', async () => {
      expect((await pull(ws, { schemaVersion: PROTOCOL_VERSION - 1 })).status).toBe(200);
    });

    it('refuses a body changed after signing', async () => {
      const body = { officeCode: 'banyumanik', ops: [wireOp(1)] };
      const signed = await centralClient(central, ws).send(syncRoutes.push, { body });
      expect(signed.status).toBe(200);
      const tampered = await centralClient(central, ws).sendLoose(
        syncRoutes.push,
        {},
        {
          headers: { ...signed.sent, [SYNC_HEADERS.nonce]: 'bm90LXRoZS1zYW1lLW5vbmNlLTEyMzQ' },
          raw: Buffer.from(JSON.stringify({ ...body, ops: [wireOp(2)] })),
        },
      );
      expect([tampered.status, tampered.body.error?.code]).toEqual([401, 'BAD_SIGNATURE']);
    });

    it('refuses a replayed request (same nonce) with REPLAYED and writes nothing', async () => {
      const first = await pull(ws);
      expect(first.status).toBe(200);
      const before = await centralDigest(central);
      const replay = await pull(ws, { headers: first.sent });
      expect([replay.status, replay.body.error?.code]).toEqual([409, 'REPLAYED']);
      expect(await centralDigest(central)).toBe(before);
    });

    it('applies a revocation on the very next request', async () => {
      const victim = await enrolIdentity(central, 'banyumanik', 'RAW-REVOKE');
      expect((await pull(victim)).status).toBe(200);
      await central.admin(adminRoutes.revoke, { params: { id: victim.workstationId } });
      const r = await pull(victim);
      expect([r.status, r.body.error?.code]).toEqual([403, 'REVOKED']);
      const listed = await central.admin(adminRoutes.workstations);
      expect(listed.find((w) => w.id === victim.workstationId)?.revokedAt).toBeGreaterThanOrEqual(now);
    });
  });

  it('refuses the admin API without the admin token', async () => {
    const res = await sendPlain(central, adminRoutes.workstations, {}, { token: 'wrong' });
    expect([res.status, res.body.error?.code]).toEqual([401, 'ADMIN_UNAUTHORIZED']);
  });
});
