// The conflict rules (docs/architecture.md, "Sync") as reusable kinds: field-level merge, append-only, central-owned and
// journal (kept for the record, published nowhere).
import type { z } from 'zod';
import type { ConflictField } from '@common/central/protocol.js';
import { sameSet } from '@common/central/set-fields.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

/** Order-insensitive for object keys, so {a,b} and {b,a} are the same value. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  const ka = Object.keys(a).sort();
  const kb = Object.keys(b).sort();
  return sameValue(ka, kb) && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function created(data: Record<string, unknown>, origin: string): StoredRecord {
  return { version: 1, data, meta: Object.fromEntries(Object.keys(data).map((k) => [k, [1, origin]])), deleted: false };
}

/**
 * Field-level merge: a field conflicts when someone other than the op's workstation changed it after the
 * version the op was based on, to a value different from the op's. Otherwise the op's fields win.
 * A conflicting op changes nothing: the officer resolves it (sync.resolveConflict) with a new op.
 */
export function mergePatch(
  current: StoredRecord,
  patch: Record<string, unknown>,
  op: Pick<IncomingOp, 'baseVersion' | 'origin'>,
  /** Fields whose lists are sets (common/central/set-fields.ts): the same members in another order are no change. */
  sets: ReadonlySet<string> = new Set(),
): Decision {
  const base = op.baseVersion ?? 0;
  const conflicts: ConflictField[] = [];
  const changed: string[] = [];
  for (const [field, mine] of Object.entries(patch)) {
    const theirs = current.data[field];
    if (sameValue(mine, theirs) || (sets.has(field) && sameSet(mine, theirs))) continue;
    const last = current.meta[field];
    if (last && last[0] > base && last[1] !== op.origin) conflicts.push({ field, mine, theirs: theirs ?? null });
    else changed.push(field);
  }
  if (conflicts.length > 0) return { status: 'conflict', reason: 'fields.changed', conflict: { fields: conflicts, patch } };
  if (changed.length === 0) return { status: 'applied' };
  const version = current.version + 1;
  const data = { ...current.data };
  const meta = { ...current.meta };
  for (const field of changed) {
    data[field] = patch[field];
    meta[field] = [version, op.origin];
  }
  return { status: 'applied', next: { version, data, meta, deleted: current.deleted } };
}

export function parseData<T>(schema: z.ZodType<T>, data: unknown): { ok: true; value: T } | { ok: false; decision: Decision } {
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '_'))];
  return { ok: false, decision: { status: 'rejected', reason: `data.invalid:${fields.join(',')}` } };
}

/** Tickets, payments, captures, blobs: created once, never changed; a second create must match. */
export function appendOnly(entity: string, schema?: z.ZodType<Record<string, unknown>>): EntityDef {
  return {
    entity,
    flowsDown: true,
    uniqueKeys: [],
    decide(op, current) {
      const parsed = schema ? parseData(schema, op.data) : { ok: true as const, value: op.data };
      if (!parsed.ok) return parsed.decision;
      if (current) return sameValue(current.data, parsed.value) ? { status: 'applied' } : { status: 'rejected', reason: 'exists' };
      return { status: 'applied', next: created(parsed.value, op.origin) };
    },
  };
}

/** Reference data (offices, services): central wins; a workstation cannot change it. */
export function centralOwned(entity: string): EntityDef {
  return { entity, flowsDown: true, uniqueKeys: [], decide: () => ({ status: 'rejected', reason: 'central.owned' }) };
}

/**
 * Ops whose entity has no central state (workstation settings, logins, reads): applied, kept with their
 * audit event in applied_ops, published nowhere. An entity without a definition of its own lands here
 * too, so nothing is lost and its ops can be replayed once it is.
 */
export function journal(entity: string): EntityDef {
  return { entity, flowsDown: false, uniqueKeys: [], decide: () => ({ status: 'applied' }) };
}
