// Strings PostgreSQL cannot store (NUL, lone surrogates), text that reads differently than it is stored
// (controls, bidi overrides) and deep nesting, sent to every central endpoint: never a 5xx, nothing
// written on a refusal, and a pushed op that holds any of it is rejected alone while the rest of its
// batch is applied.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { BLOB_UPLOAD_PATH, MAX_BODY_DEPTH, PROTOCOL_VERSION, type PushResponse } from '@common/central/protocol.js';
import * as routeTables from '@common/central/routes.js';
import { routePath, syncRoutes, type RouteSpec } from '@common/central/routes.js';
import { signHeaders, type Identity } from '@main/sync/transport.js';
import { centralClient } from '../support/central-client.js';
import { ADMIN_TOKEN, preferredStore, startTestCentral, storeKinds, type TestCentral } from '../support/model/central.js';
import { centralDigest, enrolIdentity, sendSigned, wireOp, type RawResponse } from '../support/model/signed.js';
import { nested, poisonString, poisonValue as poisonArbitrary } from '../support/poison.js';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined;
const poisonValue = poisonArbitrary(MAX_BODY_DEPTH);

/**
 * Percent-encoding that also carries a lone surrogate, as the bytes a careless encoder would send for it
 * (encodeURIComponent throws on one): the server must refuse it, not fall over.
 */
const encodeAny = (text: string): string =>
  text.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (c) => {
    const code = c.charCodeAt(0);
    if (c.length === 1 && code >= 0xd800 && code <= 0xdfff)
      return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    return encodeURIComponent(c);
  });
const pathOf = (route: RouteSpec, input: { params?: Record<string, unknown>; query?: Record<string, unknown> }): string => {
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => encodeAny(String(input.params?.[name] ?? '')));
  const query = Object.entries(input.query ?? {}).map(([k, v]) => `${encodeAny(k)}=${encodeAny(String(v))}`);
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
};

const routes = Object.entries(routeTables).flatMap(([table, entries]) =>
  typeof entries === 'object' && entries !== null
    ? Object.entries(entries as Record<string, RouteSpec>).map(([name, route]) => ({ name: `${table}.${name}`, route }))
    : [],
);
const keysOf = (schema: z.ZodType | undefined): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);
/** The part's own keys, each holding poison (at least one key, so a schema without keys is fed one too). */
const partOf = (schema: z.ZodType | undefined, value: fc.Arbitrary<unknown>) => {
  const keys = keysOf(schema);
  return keys.length === 0
    ? fc.dictionary(poisonString, value, { minKeys: 1, maxKeys: 1 })
    : fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [keys[0]!] });
};

describe('central takes poison from no endpoint', () => {
  let central: TestCentral;
  let ws: Identity;
  beforeAll(async () => {
    central = await startTestCentral(preferredStore());
    ws = await enrolIdentity(central);
  });
  afterAll(() => central?.close());

  async function send(route: RouteSpec, input: { params?: unknown; query?: unknown; body?: unknown }): Promise<RawResponse> {
    const loose = input as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
    const path = pathOf(route, loose);
    if (route.auth === 'workstation' || route.auth === 'enrolment') return sendSigned(central, ws, route.method, path, loose.body);
    const headers: Record<string, string> = route.auth === 'admin' ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {};
    if (loose.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${central.url}${path}`, {
      method: route.method,
      headers,
      body: loose.body === undefined ? undefined : JSON.stringify(loose.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : {}) as RawResponse['body'], headers: {} };
  }

  for (const { name, route } of routes) {
    it(`${name}: no 5xx, nothing written on a refusal`, async () => {
      const input = fc.record({
        ...(route.params ? { params: partOf(route.params, poisonString) } : {}),
        ...(route.query ? { query: partOf(route.query, poisonString) } : {}),
        ...(route.body
          ? {
              body: fc.oneof(
                { arbitrary: partOf(route.body, poisonValue), weight: 6 },
                { arbitrary: fc.constant(nested(MAX_BODY_DEPTH + 50)), weight: 1 },
              ),
            }
          : {}),
      });
      const before = await centralDigest(central);
      const statuses: number[] = [];
      await fc.assert(
        fc.asyncProperty(input, async (i) => {
          const r = await send(route, i);
          statuses.push(r.status);
          expect([r.status, r.body.error?.code]).not.toEqual([expect.any(Number), 'INTERNAL']);
          expect(r.status).toBeLessThan(500);
        }),
        { numRuns: 5, seed },
      );
      if (statuses.every((s) => s >= 400)) expect(await centralDigest(central)).toBe(before);
    });
  }

  it('refuses a body nested too deep with NESTING_TOO_DEEP on every route that takes a body', async () => {
    const deep = Buffer.from('['.repeat(100_000) + ']'.repeat(100_000));
    for (const { name, route } of routes.filter((r) => r.route.body)) {
      const before = await centralDigest(central);
      const r =
        route.auth === 'admin'
          ? await fetch(`${central.url}${routePath(route, { params: { id: 'x', code: '123456789012345' } })}`, {
              method: 'POST',
              headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
              body: new Uint8Array(deep),
            }).then(async (res) => ({ status: res.status, body: (await res.json()) as RawResponse['body'] }))
          : await sendSigned(central, ws, 'POST', routePath(route, { params: { id: 'x' } }), undefined, { raw: deep });
      expect([name, r.status, r.body.error?.code]).toEqual([name, 400, 'NESTING_TOO_DEEP']);
      expect(await centralDigest(central)).toBe(before);
    }
  });

  it('answers the tus upload routes without a 5xx when their ids and metadata hold poison', async () => {
    const app = central.central.app;
    const signed = (method: string, path: string) =>
      signHeaders(ws, method, path, 'UNSIGNED-PAYLOAD', Date.now(), PROTOCOL_VERSION) as Record<string, string>;
    await fc.assert(
      fc.asyncProperty(poisonString, async (p) => {
        const meta = `sha256 ${Buffer.from(p).toString('base64')},name ${Buffer.from(p).toString('base64')}`;
        const created = await app.inject({
          method: 'POST',
          url: BLOB_UPLOAD_PATH,
          headers: { ...signed('POST', BLOB_UPLOAD_PATH), 'tus-resumable': '1.0.0', 'upload-length': '4', 'upload-metadata': meta },
        });
        expect(created.statusCode).toBeLessThan(500);
        const path = `${BLOB_UPLOAD_PATH}/${encodeAny(p)}`;
        const head = await app.inject({ method: 'HEAD', url: path, headers: { ...signed('HEAD', path), 'tus-resumable': '1.0.0' } });
        expect(head.statusCode).toBeLessThan(500);
      }),
      { numRuns: 6, seed },
    );
  });
});

describe.each(storeKinds())('a poisonous op among good ones on %s', (kind) => {
  let central: TestCentral;
  let ws: Identity;
  let next = 1;
  beforeAll(async () => {
    central = await startTestCentral(kind);
    ws = await enrolIdentity(central);
  });
  afterAll(() => central?.close());
  const push = async (ops: unknown[]): Promise<PushResponse> => {
    const r = await centralClient(central, ws).sendLoose(syncRoutes.push, { body: { officeCode: 'banyumanik', ops } });
    expect(r.status).toBe(200);
    return r.body as unknown as PushResponse;
  };

  /** Where in an op the poison goes: its id, its audit, its data (keys and values, deep or not). */
  const poisoned = (deviceSeq: number, p: string, where: number) => {
    const places = [
      { entityId: `e-${p}` },
      { payload: { audit: { action: 'auth.login', username: p }, data: {} } },
      { payload: { audit: { action: 'auth.login' }, data: { fullName: p } } },
      { payload: { audit: { action: 'auth.login' }, data: { list: [{ notes: [p] }] } } },
      { payload: { audit: { action: 'auth.login' }, data: { [p]: 'value' } } },
      { payload: { audit: { action: 'auth.login' }, data: { deep: nested(40) } } },
    ];
    return wireOp(deviceSeq, places[where % places.length]);
  };

  it('rejects the poisonous ops with their reason and applies the rest of the batch (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.option(fc.tuple(poisonString, fc.nat()), { freq: 2 }), { minLength: 2, maxLength: 8 }), async (plan) => {
        const first = next;
        const ops = plan.map((bad, i) => (bad ? poisoned(first + i, bad[0], bad[1]) : wireOp(first + i)));
        const answer = await push(ops);
        next += ops.length;
        expect(answer.nextDeviceSeq).toBe(next);
        expect(answer.gap).toBeNull();
        const byId = new Map(answer.results.map((r) => [r.opId, r]));
        plan.forEach((bad, i) => {
          const r = byId.get(ops[i]!.opId);
          if (bad) expect(r).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/^op\.(unstorable|tooDeep)$/) });
          else expect(r).toMatchObject({ status: 'applied', reason: null });
        });
        // A resend (the client did not get the answer) is answered from what was stored.
        const again = await push(ops);
        expect(again.results.map((r) => [r.status, r.original])).toEqual(answer.results.map((r) => ['duplicate', r.status]));
      }),
      { numRuns: 8, seed },
    );
  });
});
