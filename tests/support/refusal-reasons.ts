// The refusal reasons core and central can answer with, read from their source: the stable codes a
// refusal carries in `details.reason` (or `details.code`), the queue's `conflict('queue.x', ...)`, the
// reasons an op is rejected with, and the error codes thrown. Templated reasons (`transition.${code}`)
// are reported by their head so the caller expands them from the values they are built from.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UNSTORABLE_REASONS } from '@common/central/protocol.js';
import { GUARD_REASONS, type TransitionRefusal } from '@common/domain/applications/flow.js';

export interface RefusalScan {
  /** Reason codes with where each was first seen. */
  reasons: Map<string, string>;
  /** Heads of reasons built from a template (`transition.` for `transition.${rule.code}`), with where. */
  templates: Map<string, string>;
  /** Error codes of `new AppError('X'` and `new CentralError('X'`. */
  codes: Map<string, string>;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

const DOTTED = String.raw`[a-z][a-zA-Z]*(?:\.[a-zA-Z]+)+`;
const PATTERNS: { re: RegExp; dirs: readonly string[] }[] = [
  // `reason: 'day.closed'` anywhere: a refusal's details, an op's rejection.
  { re: new RegExp(String.raw`\breason: ['"](${DOTTED})['"]`, 'g'), dirs: ['main', 'server', 'common'] },
  // An op rejected with a one-word reason ('exists').
  { re: /status: 'rejected', reason: '([a-zA-Z.]+)'/g, dirs: ['main', 'server', 'common'] },
  // Older refusals name their reason `code` in the details (receipts, payments, end of day).
  { re: new RegExp(String.raw`\bcode: ['"](${DOTTED})['"]`, 'g'), dirs: ['main', 'server'] },
  // The queue's pure rules: conflict('queue.counterBusy', ...).
  { re: new RegExp(String.raw`\bconflict\(\s*['"](${DOTTED})['"]`, 'g'), dirs: ['common', 'main', 'server'] },
  // The central protocol's own op problems: { text: 'op.unstorable', depth: 'op.tooDeep' }.
  { re: new RegExp(String.raw`\b(?:text|depth): ['"](op\.[a-zA-Z]+)['"]`, 'g'), dirs: ['common'] },
];
const TEMPLATE = /\breason: `([a-z][a-zA-Z.]*?)(\$\{|:)/g;
const CODE = /\bnew (?:AppError|CentralError)\(\s*'([A-Z_]+)'/g;

export function scanRefusals(root: string): RefusalScan {
  const scan: RefusalScan = { reasons: new Map(), templates: new Map(), codes: new Map() };
  const note = (map: Map<string, string>, key: string, where: string) => map.has(key) || map.set(key, where);
  for (const dir of ['main', 'server', 'common']) {
    for (const path of sourceFiles(join(root, dir))) {
      const text = readFileSync(path, 'utf8');
      const name = relative(root, path);
      const where = (index: number) => `${name}:${text.slice(0, index).split('\n').length}`;
      for (const { re, dirs } of PATTERNS) {
        if (!dirs.includes(dir)) continue;
        for (const m of text.matchAll(re)) note(scan.reasons, m[1]!, where(m.index));
      }
      for (const m of text.matchAll(TEMPLATE)) {
        // `blob.missing:${sha}` is the reason blob.missing with detail; `transition.${code}` is built.
        if (m[2] === ':' || !m[1]!.endsWith('.')) note(scan.reasons, m[1]!.replace(/\.$/, ''), where(m.index));
        else note(scan.templates, m[1]!, where(m.index));
      }
      for (const m of text.matchAll(CODE)) note(scan.codes, m[1]!, where(m.index));
    }
  }
  return scan;
}

/** Reasons built from a template, by head, with every value they are built from (the compiler holds the list). */
const transitionRefusals: Record<TransitionRefusal['code'], true> = { unknownAction: true, outOfOrder: true, role: true };
export const REASON_TEMPLATES: Record<string, readonly string[]> = { 'transition.': Object.keys(transitionRefusals) };

/**
 * Central's own HTTP error codes: they reach a desk's sync client, which turns them into one of the
 * contract's codes (main/sync/errors.ts, main/core/queue/central.ts), so the officer never sees them.
 */
export const CENTRAL_ONLY_CODES = [
  'INVALID_FIELD',
  'UNSUPPORTED_MEDIA_TYPE',
  'NESTING_TOO_DEEP',
  'MALFORMED_JSON',
  'ADMIN_UNAUTHORIZED',
  'SCHEMA_MISSING',
  'UPDATE_REQUIRED',
  'SCHEMA_UNSUPPORTED',
  'UNSIGNED',
  'BAD_SIGNATURE',
  'CLOCK_SKEW',
  'UNKNOWN_WORKSTATION',
  'REVOKED',
  'REPLAYED',
  'WRONG_OFFICE',
  'CURSOR_EXPIRED',
  'CURSOR_AHEAD',
  'ENROLMENT_INVALID',
  'ENROLMENT_CONFLICT',
];

/** Every reason code core or central can refuse with, and where it was found. */
export function refusalReasons(root: string): Map<string, string> {
  const scan = scanRefusals(root);
  const all = new Map(scan.reasons);
  for (const [head, where] of scan.templates) for (const v of REASON_TEMPLATES[head] ?? []) all.set(`${head}${v}`, where);
  for (const r of Object.values(GUARD_REASONS)) all.set(r, 'common/domain/applications/flow.ts GUARD_REASONS');
  for (const r of Object.values(UNSTORABLE_REASONS)) all.set(r, 'common/central/protocol.ts UNSTORABLE_REASONS');
  return all;
}

/**
 * The `new AppError(code, ...)` calls of `code` whose arguments name no reason (`reason:` or `code:`),
 * no field problems and pass on no other refusal's details, by where they are: the officer would read
 * only the code's generic text.
 */
export function refusalsWithoutReason(root: string, code: string): string[] {
  const out: string[] = [];
  const head = `new AppError('${code}'`;
  for (const dir of ['main', 'server', 'common']) {
    for (const path of sourceFiles(join(root, dir))) {
      const text = readFileSync(path, 'utf8');
      for (let at = text.indexOf(head); at >= 0; at = text.indexOf(head, at + 1)) {
        let depth = 0;
        let end = at + 'new AppError'.length;
        for (; end < text.length; end++) {
          if (text[end] === '(') depth++;
          else if (text[end] === ')' && --depth === 0) break;
        }
        if (!/\b(reason|code|fields):|\.\.\.details\b/.test(text.slice(at, end)))
          out.push(`${relative(root, path)}:${text.slice(0, at).split('\n').length}`);
      }
    }
  }
  return out;
}
