// Every refusal core or central can answer with reaches the officer in Indonesian and English: each
// reason code found in the source (tests/support/refusal-reasons.ts) has a text in both dictionaries
// under one of the keys describeError tries, and every error code has its own text.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@common/contract/result.js';
import { Language } from '@common/contract/schemas.js';
import { reasonKeys } from '@renderer/lib/errors.js';
import { CENTRAL_ONLY_CODES, REASON_TEMPLATES, refusalReasons, refusalsWithoutReason, scanRefusals } from '../support/refusal-reasons.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
type Dictionary = { [key: string]: string | Dictionary };
const leaves = (dict: Dictionary, prefix = ''): string[] =>
  Object.entries(dict).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v, `${prefix}${k}.`)));
const dictionaries = Language.options.map(
  (lang) => [lang, new Set(leaves(JSON.parse(readFileSync(`${root}/renderer/i18n/${lang}.json`, 'utf8')) as Dictionary))] as const,
);

const scan = scanRefusals(root);

/** The reasons without a text in some language, under the keys describeError tries. */
function untranslated(reasons: ReadonlyMap<string, string>): string[] {
  return [...reasons].flatMap(([reason, where]) =>
    dictionaries.flatMap(([lang, keys]) => (reasonKeys(reason).some((k) => keys.has(k)) ? [] : [`${reason} (${where}): no ${lang} text`])),
  );
}

describe('refusal reasons', () => {
  it('finds the reasons of core, central and the shared rules (the scan is not blind)', () => {
    const all = refusalReasons(root);
    expect(all.size).toBeGreaterThan(80);
    for (const known of [
      'queue.counterBusy',
      'day.closed',
      'eod.officeUnsynced',
      'actor.unknown',
      'op.unstorable',
      'exists',
      'blob.missing',
    ])
      expect(all.has(known), known).toBe(true);
    for (const guard of ['application.feeUnpaid', 'application.documentsMissing', 'application.capturesMissing'])
      expect(all.has(guard), guard).toBe(true);
  });

  it('knows every template a reason is built from', () => {
    expect([...scan.templates].filter(([head]) => !(head in REASON_TEMPLATES)).map(([head, where]) => `${head} (${where})`)).toEqual([]);
  });

  it('has an Indonesian and an English text for every reason', () => {
    expect(untranslated(refusalReasons(root))).toEqual([]);
  });

  it('gives every conflict and every refusal of a right a reason (the generic text says too little)', () => {
    expect(refusalsWithoutReason(root, 'CONFLICT')).toEqual([]);
    // The gate's refusal of a role is what FORBIDDEN's own text says.
    expect(refusalsWithoutReason(root, 'FORBIDDEN').filter((w) => !w.startsWith('main/core/kernel/gate.ts:'))).toEqual([]);
  });

  it('fails on a reason added without a text', () => {
    const added = new Map([...refusalReasons(root), ['queue.somethingNew', 'a refusal added later']]);
    expect(untranslated(added)).toEqual([
      'queue.somethingNew (a refusal added later): no id text',
      'queue.somethingNew (a refusal added later): no en text',
    ]);
  });
});

describe('error codes', () => {
  it('gives every code core answers with its own text in both languages', () => {
    const thrown = [...scan.codes.keys()].filter((c) => !CENTRAL_ONLY_CODES.includes(c));
    expect(thrown.filter((c) => !(ERROR_CODES as readonly string[]).includes(c))).toEqual([]);
    const missing = ERROR_CODES.flatMap((code) =>
      dictionaries.flatMap(([lang, keys]) => (keys.has(`errors.${code}`) ? [] : [`${code}: no ${lang} text`])),
    );
    expect(missing).toEqual([]);
  });

  it('lists only central codes central still throws', () => {
    expect(CENTRAL_ONLY_CODES.filter((c) => !scan.codes.has(c))).toEqual([]);
  });
});
