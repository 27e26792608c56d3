// What free text may hold, for every field a person or a workstation can fill. PostgreSQL's jsonb and
// text refuse NUL and lone UTF-16 surrogates (one such character in one op used to fail a whole push
// batch, for good); other control characters and the bidirectional overrides and isolates can make a
// name read differently on screen, in a PDF or in the audit trail than it is stored. So they are refused
// at every door: the contract's string builders (common/contract/schemas.ts), central's wire schemas and
// central's per-op check of pushed payloads.

/** The problem codes a text check answers; the renderer translates them under `fields.text.*`. */
export const TEXT_PROBLEMS = ['text.control', 'text.surrogate', 'text.bidi'] as const;
export type TextProblem = (typeof TEXT_PROBLEMS)[number];

/** Bidirectional embeddings, overrides (U+202A–202E) and isolates (U+2066–2069). */
const isBidi = (c: number): boolean => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);
/** C0 controls, DEL and the C1 controls; tab, line feed and carriage return are allowed where text is multi-line. */
const isControl = (c: number, multiline: boolean): boolean =>
  (c < 0x20 && !(multiline && (c === 0x09 || c === 0x0a || c === 0x0d))) || (c >= 0x7f && c <= 0x9f);

/** The first problem of a text, or null when it is clean. */
export function textProblem(text: string, multiline = false): TextProblem | null {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return 'text.surrogate';
    }
    if (c >= 0xdc00 && c <= 0xdfff) return 'text.surrogate';
    if (isControl(c, multiline)) return 'text.control';
    if (isBidi(c)) return 'text.bidi';
  }
  return null;
}

/** The text with every character textProblem would refuse replaced by U+FFFD, for recording what was refused. */
export function replaceProblems(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
      } else out += '\ufffd';
    } else if ((c >= 0xdc00 && c <= 0xdfff) || isControl(c, false) || isBidi(c)) out += '\ufffd';
    else out += text[i]!;
  }
  return out;
}

/** How deep a stored JSON value (an op's audit or data, a request body) may nest. */
export const MAX_JSON_DEPTH = 32;

export type JsonProblem = TextProblem | 'json.tooDeep';

/**
 * The first problem anywhere in a JSON-like value: a key or string with a text problem (multi-line text
 * allowed, since the field's kind is not known here) or nesting deeper than `maxDepth`. Iterative, so a
 * hostile depth cannot overflow the stack.
 */
export function jsonProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): JsonProblem | null {
  const stack: Array<{ v: unknown; depth: number }> = [{ v: value, depth: 0 }];
  while (stack.length > 0) {
    const { v, depth } = stack.pop() as { v: unknown; depth: number };
    if (typeof v === 'string') {
      const p = textProblem(v, true);
      if (p) return p;
      continue;
    }
    if (v === null || typeof v !== 'object') continue;
    if (depth >= maxDepth) return 'json.tooDeep';
    if (Array.isArray(v)) {
      for (const item of v) stack.push({ v: item, depth: depth + 1 });
      continue;
    }
    for (const [k, item] of Object.entries(v)) {
      const p = textProblem(k, true);
      if (p) return p;
      stack.push({ v: item, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * The nesting depth of JSON text without parsing it (brackets outside strings), so a body can be
 * refused before a recursive walk of it could overflow the stack.
 */
export function jsonTextDepth(json: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}
