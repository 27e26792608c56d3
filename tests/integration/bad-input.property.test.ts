import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, type CallName } from '@common/contract/index.js';
import { dispatch } from '@main/ipc/dispatch.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { dbDigest } from '../support/snapshot.js';

let t: TempCore;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  t = tempCore();
  tokens.admin = await setUp(t);
  tokens.officer = await userSession(t, tokens.admin, 'petugas1', 'officer');
  tokens.supervisor = await userSession(t, tokens.admin, 'supervisor1', 'supervisor');
});
afterAll(() => t.cleanup());

/** A session whose role passes the call's access check, so only the input can be at fault. */
function tokenFor(name: CallName): string | undefined {
  const access = contract[name].access;
  if (access === 'public') return undefined;
  if (access === 'session') return tokens.officer;
  return access.includes('admin') ? tokens.admin : tokens.supervisor;
}

/** Anything at all, plus objects that have the call's own keys holding values of any type. */
function badInputs(name: CallName): fc.Arbitrary<unknown> {
  const schema = contract[name].input;
  const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
  const keys = Object.keys(shape);
  const nearMiss = fc.record(Object.fromEntries(keys.map((k) => [k, fc.anything()])), { requiredKeys: [] });
  const extraKey = fc
    .tuple(
      nearMiss,
      fc.string({ minLength: 1 }).filter((k) => !keys.includes(k) && k !== '__proto__'),
      fc.anything(),
    )
    .map(([obj, k, v]) => ({ ...obj, [k]: v }));
  return fc.oneof(fc.anything(), nearMiss, extraKey).filter((input) => !schema.safeParse(input ?? {}).success);
}

describe('every contract call rejects malformed input with VALIDATION and writes nothing', () => {
  for (const name of CALL_NAMES) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(badInputs(name), async (input) => {
          const before = dbDigest(t.core.db);
          const r = await dispatch(t.core, name, input, { sessionToken: tokenFor(name) });
          expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
          expect(dbDigest(t.core.db)).toBe(before);
        }),
        { numRuns: 60, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
      );
    });
  }
});

describe('every role-restricted call refuses other roles with FORBIDDEN', () => {
  for (const name of CALL_NAMES) {
    const access = contract[name].access;
    if (typeof access === 'string') continue;
    for (const role of ['officer', 'supervisor', 'admin'] as const) {
      if (access.includes(role)) continue;
      it(`${name} as ${role}`, async () => {
        const before = dbDigest(t.core.db);
        const r = await dispatch(t.core, name, {}, { sessionToken: tokens[role] });
        expect(r.ok ? 'ok' : r.error.code).toBe('FORBIDDEN');
        expect(dbDigest(t.core.db)).toBe(before);
      });
    }
  }

  it('refuses every non-public call without a session', async () => {
    for (const name of CALL_NAMES.filter((n) => contract[n].access !== 'public')) {
      const r = await dispatch(t.core, name, {}, {});
      expect([name, r.ok ? 'ok' : r.error.code]).toEqual([name, 'UNAUTHENTICATED']);
    }
  });
});
