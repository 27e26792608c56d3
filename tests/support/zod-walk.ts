// Walks a zod schema to every string it accepts, so a test can prove each text field of the contract
// and of central's wire refuses what no field may hold, including fields added later.
import type { z } from 'zod';

export interface StringLeaf {
  /** Where the string sits: object keys, `[]` for an array element, `{}` for a record value. */
  path: string;
  schema: z.ZodType;
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
}

const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'catch', 'readonly', 'nonoptional', 'success']);

/** Every string schema reachable from `schema`, record keys included (a key is text too). */
export function stringLeaves(schema: z.ZodType, path = ''): StringLeaf[] {
  const out: StringLeaf[] = [];
  const seen = new Set<z.ZodType>();
  const walk = (s: z.ZodType, at: string): void => {
    if (seen.has(s)) return;
    seen.add(s);
    const def = defOf(s);
    if (def.type === 'string') out.push({ path: at || '_', schema: s });
    else if (def.type === 'object') for (const [k, v] of Object.entries(def.shape ?? {})) walk(v, at ? `${at}.${k}` : k);
    else if (def.type === 'array') walk(def.element as z.ZodType, `${at}[]`);
    else if (WRAPPERS.has(def.type)) walk(def.innerType as z.ZodType, at);
    else if (def.type === 'pipe') {
      walk(def.in as z.ZodType, at);
      walk(def.out as z.ZodType, at);
    } else if (def.type === 'union') def.options?.forEach((o) => walk(o, at));
    else if (def.type === 'intersection') {
      walk(def.left as z.ZodType, at);
      walk(def.right as z.ZodType, at);
    } else if (def.type === 'record') {
      walk(def.keyType as z.ZodType, `${at}{key}`);
      walk(def.valueType as z.ZodType, `${at}{}`);
    } else if (def.type === 'tuple') {
      def.items?.forEach((i, n) => walk(i, `${at}[${n}]`));
      if (def.rest) walk(def.rest, `${at}[]`);
    } else if (def.type === 'lazy') walk((def.getter as () => z.ZodType)(), at);
  };
  walk(schema, path);
  return out;
}

/** Strings that no text field may accept, whatever else it allows (each also long enough for a min). */
export const POISON: Array<{ what: string; value: string }> = [
  { what: 'NUL', value: 'abcdefghij\u0000klm' },
  { what: 'a lone high surrogate', value: 'abcdefghij\ud800klm' },
  { what: 'a lone low surrogate', value: 'abcdefghij\udc00klm' },
  { what: 'an escape', value: 'abcdefghij\u001bklm' },
  { what: 'a C1 control', value: 'abcdefghij\u0085klm' },
  { what: 'a right-to-left override', value: 'abcdefghij\u202eklm' },
  { what: 'a first-strong isolate', value: 'abcdefghij\u2068klm' },
];
