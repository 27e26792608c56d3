// No text field anywhere takes what PostgreSQL cannot store or what reads differently than it is stored:
// every string of every call's input and of every central route's request refuses control characters,
// lone surrogates and bidirectional overrides. The walk finds fields added later by itself.
import { describe, expect, it } from 'vitest';
import { contract, CALL_NAMES } from '@common/contract/index.js';
import { multilineText, text } from '@common/contract/schemas.js';
import * as routeTables from '@common/central/routes.js';
import type { RouteSpec } from '@common/central/routes.js';
import { MAX_BODY_DEPTH, opProblem, type WireOp } from '@common/central/protocol.js';
import { jsonProblem, jsonTextDepth, MAX_JSON_DEPTH, replaceProblems, textProblem } from '@common/domain/shared/text.js';
import { POISON, stringLeaves } from '../support/zod-walk.js';

const routes = Object.entries(routeTables).flatMap(([table, entries]) =>
  typeof entries === 'object' && entries !== null
    ? Object.entries(entries as Record<string, RouteSpec>).map(([name, route]) => ({ name: `${table}.${name}`, route }))
    : [],
);

/**
 * A pushed op's fields are checked per op (opProblem, below), not by the batch's schema: refusing the
 * whole batch for one op would stop the workstation's outbox behind it.
 */
const perOp = (route: string, path: string) => route === 'syncRoutes.push' && path.startsWith('body.ops[]');

describe('every text field refuses poison', () => {
  it('finds the fields it walks', () => {
    expect(CALL_NAMES.flatMap((n) => stringLeaves(contract[n].input)).length).toBeGreaterThan(80);
    expect(routes.length).toBeGreaterThan(30);
  });

  for (const name of CALL_NAMES) {
    it(`the input of ${name}`, () => {
      const accepted = stringLeaves(contract[name].input).flatMap((leaf) =>
        POISON.filter((p) => leaf.schema.safeParse(p.value).success).map((p) => `${leaf.path} takes ${p.what}`),
      );
      expect(accepted).toEqual([]);
    });
  }

  for (const { name, route } of routes) {
    it(`the request of central's ${name}`, () => {
      const accepted = (['params', 'query', 'body'] as const).flatMap((part) =>
        route[part]
          ? stringLeaves(route[part], part)
              .filter((leaf) => !perOp(name, leaf.path))
              .flatMap((leaf) => POISON.filter((p) => leaf.schema.safeParse(p.value).success).map((p) => `${leaf.path} takes ${p.what}`))
          : [],
      );
      expect(accepted).toEqual([]);
    });
  }
});

describe('the text builders', () => {
  it('name the problem, so the form can say what is wrong with the field', () => {
    const issues = (v: string) => (text().safeParse(v).error?.issues ?? []).map((i) => i.message);
    expect(issues('Siti\u0000')).toEqual(['text.control']);
    expect(issues('Siti\ud800')).toEqual(['text.surrogate']);
    expect(issues('\u202eitiS')).toEqual(['text.bidi']);
    expect(issues('Siti Rahmawati \u{1F600} ÄÖ عربي')).toEqual([]);
  });

  it('allow tab and line breaks only in multi-line text', () => {
    expect(text().safeParse('Jl. Melati 7\nSemarang').success).toBe(false);
    expect(multilineText().safeParse('Jl. Melati 7\r\nSemarang\tRT 3').success).toBe(true);
    expect(multilineText().safeParse('Jl. Melati\u0000').success).toBe(false);
  });

  it('accept a well-formed surrogate pair and refuse either half alone', () => {
    expect(textProblem('\ud83d\ude00')).toBeNull();
    expect(textProblem('\ude00\ud83d')).toBe('text.surrogate');
    expect(textProblem('x\ud83d')).toBe('text.surrogate');
  });
});

describe("central's per-op check", () => {
  const op = (over: Partial<WireOp> = {}): WireOp => ({
    opId: '0190a0b0-0000-7000-8000-000000000001',
    deviceSeq: 1,
    entity: 'journal',
    entityId: 'x-1',
    op: 'test.op',
    baseVersion: null,
    createdAt: 0,
    payload: { audit: { username: 'petugas1' }, data: { note: 'line one\nline two' } },
    blobs: [],
    ...over,
  });
  const nested = (depth: number): unknown => (depth === 0 ? 'leaf' : { a: nested(depth - 1) });

  it('passes a clean op and rejects poison anywhere in it, keys included', () => {
    expect(opProblem(op())).toBeNull();
    for (const p of POISON) {
      expect(opProblem(op({ entityId: p.value }))).toBe('op.unstorable');
      expect(opProblem(op({ payload: { audit: { username: p.value }, data: {} } }))).toBe('op.unstorable');
      expect(opProblem(op({ payload: { audit: {}, data: { list: [{ deep: [p.value] }] } } }))).toBe('op.unstorable');
      expect(opProblem(op({ payload: { audit: {}, data: { [p.value]: 1 } } }))).toBe('op.unstorable');
    }
  });

  it('rejects data nested deeper than the limit', () => {
    expect(opProblem(op({ payload: { audit: {}, data: nested(MAX_JSON_DEPTH - 1) as Record<string, unknown> } }))).toBeNull();
    expect(opProblem(op({ payload: { audit: {}, data: nested(MAX_JSON_DEPTH + 1) as Record<string, unknown> } }))).toBe('op.tooDeep');
  });

  it('measures depth without recursion, even far past any stack', () => {
    expect(jsonProblem(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)))).toBe('json.tooDeep');
    expect(jsonTextDepth('{"a":"[[[{","b":[[1]]}')).toBe(3);
    expect(jsonTextDepth('{"a":"\\"[["}')).toBe(1);
    // A pushed op's data at the limit still fits in a body.
    expect(
      jsonTextDepth(JSON.stringify({ ops: [op({ payload: { audit: {}, data: nested(MAX_JSON_DEPTH - 1) as Record<string, unknown> } })] })),
    ).toBeLessThanOrEqual(MAX_BODY_DEPTH);
  });

  it('records a refused id with the offending characters replaced', () => {
    expect(replaceProblems('a\u0000b\ud800c\u202ed\ud83d\ude00')).toBe('a\ufffdb\ufffdc\ufffdd\ud83d\ude00');
  });
});
