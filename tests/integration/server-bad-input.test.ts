// Bad input to central: each kind gets a 4xx with its own code and writes nothing at all.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES } from '@common/central/protocol.js';
import { startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { centralDigest, enrolIdentity, wireOp, type SendOptions } from '../support/model/signed.js';
import { centralClient } from '../support/central-client.js';
import { syncRoutes } from '@common/central/routes.js';
import type { Identity } from '@main/sync/transport.js';

describe.each(storeKinds())('central refuses bad input on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  beforeAll(async () => {
    central = await startTestCentral(kind);
    ws = await enrolIdentity(central);
  });
  afterAll(() => central?.close());

  const client = () => centralClient(central, ws);
  const push = (body: unknown, o: SendOptions = {}) => client().sendLoose(syncRoutes.push, { body }, o);
  const valid = () => ({ officeCode: 'banyumanik', ops: [wireOp(1)] });

  const cases: Array<[string, () => ReturnType<typeof push>, number, string]> = [
    ['malformed JSON', () => push(undefined, { raw: Buffer.from('{"officeCode": "banyumanik", "ops": [') }), 400, 'MALFORMED_JSON'],
    ['an oversized body', () => push(undefined, { raw: Buffer.alloc(MAX_REQUEST_BYTES + 1024, 0x20) }), 413, 'BODY_TOO_LARGE'],
    ['an unknown top-level field', () => push({ ...valid(), extra: true }), 400, 'UNKNOWN_FIELD'],
    [
      'an unknown field in an op',
      () => push({ officeCode: 'banyumanik', ops: [{ ...wireOp(1), priority: 'high' }] }),
      400,
      'UNKNOWN_FIELD',
    ],
    ['a wrong type', () => push({ officeCode: 'banyumanik', ops: [{ ...wireOp(1), deviceSeq: 'one' }] }), 400, 'INVALID_FIELD'],
    ['a missing field', () => push({ officeCode: 'banyumanik', ops: [{ ...wireOp(1), opId: undefined }] }), 400, 'INVALID_FIELD'],
    ['an empty batch', () => push({ officeCode: 'banyumanik', ops: [] }), 400, 'INVALID_FIELD'],
    ['ops for another office', () => push({ ...valid(), officeCode: 'batam' }), 403, 'WRONG_OFFICE'],
    [
      'another media type',
      () => push(undefined, { raw: Buffer.from('officeCode=banyumanik'), contentType: 'application/x-www-form-urlencoded' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    ],
    ['a bad pull cursor', () => client().send(syncRoutes.pull, { query: { cursor: -4 } }), 400, 'INVALID_FIELD'],
    [
      'an unknown pull parameter',
      () => client().sendLoose(syncRoutes.pull, { query: { cursor: 0, since: 'yesterday' } }),
      400,
      'UNKNOWN_FIELD',
    ],
    [
      'a forged snapshot page token',
      () => client().send(syncRoutes.snapshot, { query: { page: 'bm90LWEtdG9rZW4' } }),
      400,
      'INVALID_FIELD',
    ],
  ];

  for (const [what, send, status, code] of cases) {
    it(`${what}: ${status} ${code}, nothing written`, async () => {
      const before = await centralDigest(central);
      const r = await send();
      expect([r.status, r.body.error?.code]).toEqual([status, code]);
      expect(await centralDigest(central)).toBe(before);
    });
  }

  it('names the offending fields', async () => {
    const r = await push({ officeCode: 'banyumanik', ops: [{ ...wireOp(1), deviceSeq: 'one', colour: 'red' }] });
    expect(r.body.error?.details).toEqual({ fields: { 'ops.0.deviceSeq': [expect.any(String)], 'ops.0.colour': ['field.unknown'] } });
  });

  it('never answers a mangled push with a 5xx or writes anything (property)', async () => {
    const field = fc.constantFrom('opId', 'deviceSeq', 'entity', 'entityId', 'op', 'baseVersion', 'createdAt', 'payload', 'blobs');
    await fc.assert(
      fc.asyncProperty(field, fc.anything(), async (key, value) => {
        const op: Record<string, unknown> = { ...wireOp(1), [key]: value };
        fc.pre(JSON.stringify(op[key]) !== JSON.stringify((wireOp(1) as Record<string, unknown>)[key]));
        const before = await centralDigest(central);
        const r = await push({ officeCode: 'banyumanik', ops: [op] });
        // A value that happens to be valid is applied; everything else is a 4xx that writes nothing.
        if (r.status === 200) return;
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect(await centralDigest(central)).toBe(before);
      }),
      { numRuns: 25, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
    );
  });
});
