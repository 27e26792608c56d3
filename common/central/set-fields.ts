// Fields whose value is a set: a list whose order means nothing (an officer's services). Central's merge
// and the desk compare them as sets, so the same services sent in another order are the same value, not a
// change and never a conflict.
export const SET_FIELDS: Readonly<Record<string, readonly string[]>> = {
  user: ['services'],
};

export const setFieldsOf = (entity: string): ReadonlySet<string> => new Set(SET_FIELDS[entity] ?? []);

const key = (v: unknown): string => JSON.stringify(v);

/** Two lists with the same members, whatever their order (and repeats). Anything but two arrays: false. */
export function sameSet(a: unknown, b: unknown): boolean {
  if (!Array.isArray(a) || !Array.isArray(b)) return false;
  const left = new Set(a.map(key));
  const right = new Set(b.map(key));
  return left.size === right.size && [...left].every((k) => right.has(k));
}

/** One spelling of a set of names: sorted, each once. */
export const normaliseSet = (values: readonly string[]): string[] => [...new Set(values)].sort();
