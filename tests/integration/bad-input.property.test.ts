import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, type CallName } from '@common/contract/index.js';
import { dispatch } from '@main/ipc/dispatch.js';
import { setUp, tempCore, userSession, type TempCore } from '../support/core.js';
import { dbDigest } from '../support/snapshot.js';
import { MAX_JSON_DEPTH } from '@common/domain/shared/text.js';
import { poisonString, poisonValue as poisonArbitrary } from '../support/poison.js';

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

// Strings no field may hold (NUL, lone surrogates, controls, bidi overrides) and deep nesting, in the
// call's own fields: refused as VALIDATION before anything is written, so nothing reaches the audit
// trail or the outbox (one such op used to stop the workstation's sync for good).
const poisonValue = poisonArbitrary(MAX_JSON_DEPTH);

function poisonInputs(name: CallName): fc.Arbitrary<unknown> {
  const schema = contract[name].input;
  const keys = schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
  if (keys.length === 0) return fc.dictionary(poisonString, poisonValue, { minKeys: 1, maxKeys: 2 });
  return fc.record(Object.fromEntries(keys.map((k) => [k, poisonValue])), { requiredKeys: [keys[0]!] });
}

const counts = () =>
  t.core.db.prepare('SELECT (SELECT count(*) FROM audit_events) AS audit, (SELECT count(*) FROM outbox) AS outbox').get();

describe('every contract call refuses poison strings and deep nesting with VALIDATION and writes nothing', () => {
  for (const name of CALL_NAMES) {
    it(name, async () => {
      await fc.assert(
        fc.asyncProperty(poisonInputs(name), async (input) => {
          const before = dbDigest(t.core.db);
          const r = await dispatch(t.core, name, input, { sessionToken: tokenFor(name) });
          expect(r.ok ? 'ok' : r.error.code).toBe('VALIDATION');
          expect(dbDigest(t.core.db)).toBe(before);
        }),
        { numRuns: 10, seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : undefined },
      );
    });
  }

  it('refuses a login whose username holds poison before it is counted, audited or queued for central', async () => {
    const before = counts();
    for (const bad of ['petugas1\u0000', 'petugas1\ud800', '\u202epetugas1', 'petugas\u001b1']) {
      const r = await dispatch(t.core, 'auth.login', { username: bad, password: 'salah-sandi-123' }, {});
      expect(r.ok ? 'ok' : r.error).toMatchObject({
        code: 'VALIDATION',
        details: { fields: { username: [expect.stringMatching(/^text\./)] } },
      });
      expect(r.ok ? '' : r.error.message).toContain('username');
    }
    expect(counts()).toEqual(before);
  });
});
