// Inputs no door may accept: strings holding NUL, lone surrogates, controls or bidi overrides, and values
// nested deeper than a door reads. Shared by the property tests of the workstation's calls and central's endpoints.
import fc from 'fast-check';

export const POISON_CHARS = ['\u0000', '\ud800', '\udfff', '\u001b', '\u0085', '\u202e', '\u2066', '\u2069'];

/** A string with one poisonous character somewhere in it. */
export const poisonString = fc
  .tuple(fc.string({ maxLength: 6 }), fc.constantFrom(...POISON_CHARS), fc.string({ maxLength: 6 }))
  .map(([a, p, b]) => `${a}${p}${b}`);

export const nested = (depth: number): unknown => (depth === 0 ? 'x' : depth % 2 ? [nested(depth - 1)] : { a: nested(depth - 1) });

/** Poison as a string, a list, a record's keys and values, or nesting past `maxDepth`. */
export const poisonValue = (maxDepth: number): fc.Arbitrary<unknown> =>
  fc.oneof(
    { arbitrary: poisonString, weight: 6 },
    { arbitrary: fc.array(poisonString, { minLength: 1, maxLength: 3 }), weight: 2 },
    { arbitrary: fc.dictionary(poisonString, poisonString, { minKeys: 1, maxKeys: 2 }), weight: 2 },
    { arbitrary: fc.integer({ min: maxDepth + 1, max: maxDepth + 200 }).map(nested), weight: 1 },
  );
