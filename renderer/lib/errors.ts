// Turns the Result envelope's errors into specific, translated messages for forms and banners.
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { ErrorBody } from '@common/contract/result.js';

/** Field path (as the contract names it, e.g. `admin.password`) to i18n keys or raw messages. */
export type FieldProblems = Record<string, string[]>;

export function isTransportError(error: ErrorBody): boolean {
  const details = error.details as { transport?: unknown } | undefined;
  return details?.transport === true;
}

/**
 * Where a refusal's stable reason (`details.reason`, or `details.code` on older refusals) finds its words,
 * in this order: the shared `reasons.*`, then the feature blocks that named their reasons first. The
 * queue's keys hold underscores for the dots. A `:suffix` (`blob.missing:<sha>`) is detail, not reason.
 */
export const REASON_NAMESPACES: readonly { prefix: string; key: (reason: string) => string }[] = [
  { prefix: 'reasons.', key: (r) => r },
  { prefix: 'endOfDay.errors.', key: (r) => r },
  { prefix: 'queue.reasons.', key: (r) => r.replace(/\./g, '_') },
  { prefix: 'sync.reasons.', key: (r) => r },
];

/** Every key a reason may be written under, in the order they are tried. */
export function reasonKeys(reason: string): string[] {
  const base = reason.split(':')[0]!;
  return REASON_NAMESPACES.map((ns) => ns.prefix + ns.key(base));
}

export function reasonOf(error: ErrorBody): string | null {
  const details = error.details as { reason?: unknown; code?: unknown } | undefined;
  const reason = details?.reason ?? details?.code;
  return typeof reason === 'string' && reason !== '' ? reason : null;
}

const I18NEXT_OPTIONS = new Set(['lng', 'lngs', 'ns', 'context', 'count', 'defaultValue', 'keySeparator', 'nsSeparator', 'returnObjects']);

/** A reason code in the user's language (`values` fill its placeholders), or null when no dictionary has it. */
export function reasonWords(t: TFunction, reason: string, values: Record<string, string | number> = {}): string | null {
  for (const key of reasonKeys(reason)) {
    const text = t(key, { ...values, defaultValue: '' });
    if (text) return text;
  }
  return null;
}

/** The refusal's reason in the user's language, or null when it has none or no dictionary has it. */
export function reasonText(t: TFunction, error: ErrorBody): string | null {
  const reason = reasonOf(error);
  if (!reason) return null;
  // The refusal's own facts fill the text ({{number}}, {{day}}); i18next's option names never pass.
  const values = Object.fromEntries(
    Object.entries((error.details ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string | number] => (typeof e[1] === 'string' || typeof e[1] === 'number') && !I18NEXT_OPTIONS.has(e[0]),
    ),
  );
  return reasonWords(t, reason, values);
}

/**
 * One sentence for a banner: the refusal's reason when it has one, else the code's own text. Never the
 * server's English message: the officer reads Indonesian or English as they chose.
 */
export function describeError(t: TFunction, error: ErrorBody): string {
  if (isTransportError(error)) return t('errors.transport');
  return reasonText(t, error) ?? t(`errors.${error.code}`);
}

export function fieldsOf(error: ErrorBody): FieldProblems {
  const details = error.details as { fields?: unknown } | undefined;
  const fields = details?.fields;
  if (!fields || typeof fields !== 'object') return {};
  const out: FieldProblems = {};
  for (const [path, messages] of Object.entries(fields as Record<string, unknown>)) {
    if (Array.isArray(messages)) out[path] = messages.filter((m): m is string => typeof m === 'string');
  }
  return out;
}

/**
 * A problem key in the user's language: a form's own ('password.tooShort', 'required') under `fields`,
 * a domain rule's ('nik.birthDateMismatch') under `applications.problems`, else a generic message.
 */
export function problemText(t: TFunction, i18nExists: (key: string) => boolean, problem: string): string {
  if (i18nExists(`fields.${problem}`)) return t(`fields.${problem}`);
  if (i18nExists(`applications.problems.${problem}`)) return t(`applications.problems.${problem}`);
  return t('fields.invalid');
}

/**
 * Checks a form's input against the contract's own schema before sending it (main parses it again),
 * so the renderer never restates the rules. Empty strings read as "required".
 */
export function checkInput<S extends z.ZodType>(schema: S, input: unknown, fallback: Record<string, string> = {}): FieldProblems {
  const parsed = schema.safeParse(input);
  if (parsed.success) return {};
  const out: FieldProblems = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.');
    const value = issue.path.reduce<unknown>(
      (node, key) => (node as Record<PropertyKey, unknown> | undefined)?.[key as PropertyKey],
      input,
    );
    const looksKeyed = /^[a-z]+\.[a-zA-Z]+$/.test(issue.message);
    const problem = value === '' || value === undefined ? 'required' : looksKeyed ? issue.message : (fallback[path] ?? 'invalid');
    const list = (out[path] ??= []);
    if (!list.includes(problem)) list.push(problem);
  }
  return out;
}

export function merge(...all: FieldProblems[]): FieldProblems {
  const out: FieldProblems = {};
  for (const fields of all) {
    for (const [path, problems] of Object.entries(fields)) {
      const list = (out[path] ??= []);
      for (const p of problems) if (!list.includes(p)) list.push(p);
    }
  }
  return out;
}

export const hasProblems = (fields: FieldProblems): boolean => Object.values(fields).some((v) => v.length > 0);
