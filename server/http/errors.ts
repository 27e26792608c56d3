import type { z } from 'zod';
import { MAX_BODY_DEPTH, SYNC_ERRORS, type SyncErrorCode } from '@common/central/protocol.js';
import { jsonTextDepth } from '@common/domain/shared/text.js';

/** Thrown anywhere in the server; the error handler answers `{ ok: false, error }` with the code's status. */
export class CentralError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'CentralError';
  }
  get status(): number {
    return SYNC_ERRORS[this.code];
  }
  toBody(): { ok: false; error: { code: string; message: string; details?: unknown } } {
    return {
      ok: false,
      error:
        this.details === undefined
          ? { code: this.code, message: this.message }
          : { code: this.code, message: this.message, details: this.details },
    };
  }
}

function fieldsOf(issues: readonly z.core.$ZodIssue[]): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k].join('.')) : [issue.path.join('.') || '_'];
    for (const key of keys) (fields[key] ??= []).push(issue.code === 'unrecognized_keys' ? 'field.unknown' : issue.message);
  }
  return fields;
}

/** Unknown fields and wrong types get different codes: a newer client is told so, a broken one too. */
export function validate<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const unknown = parsed.error.issues.some((i) => i.code === 'unrecognized_keys');
  throw new CentralError(
    unknown ? 'UNKNOWN_FIELD' : 'INVALID_FIELD',
    unknown ? 'The request has fields this server does not know' : 'The request has fields of the wrong type or range',
    {
      fields: fieldsOf(parsed.error.issues),
    },
  );
}

/** Bodies arrive as raw bytes (the signature covers them); JSON is parsed only after the signature checks out. */
export function parseJson(raw: unknown): unknown {
  if (!Buffer.isBuffer(raw)) throw new CentralError('UNSUPPORTED_MEDIA_TYPE', 'Send application/json');
  const text = raw.toString('utf8');
  // Counted on the text, before parsing: nothing recursive ever sees a hostile depth.
  if (jsonTextDepth(text) > MAX_BODY_DEPTH)
    throw new CentralError('NESTING_TOO_DEEP', `The request body nests deeper than ${MAX_BODY_DEPTH} levels`);
  try {
    return JSON.parse(text);
  } catch {
    throw new CentralError('MALFORMED_JSON', 'The request body is not valid JSON');
  }
}
