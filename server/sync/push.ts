// Applies a workstation's pushed ops: each exactly once (idempotency by op_id), in device_seq order
// (a skipped seq is answered with a gap so the client resends), each to its entity's rules, in one
// transaction whose change sequence numbers come from the office's counter row.
import type { OpResult, PushRequest, PushResponse, RecordState, WireOp } from '@common/central/protocol.js';
import type { EntityRegistry } from '../entities/registry.js';
import type { Decision, StoredRecord } from '../entities/types.js';
import type { Sql, Store } from '../store/store.js';
import { BUSINESS_DAY_ENTITY, businessDateOf, isClosedDay } from '../entities/business-day.js';
import { accountsOf, actorRefs, authorise, officeHasAccounts } from './authorise.js';
import {
  allocateSeqs,
  insertAppliedOps,
  loadKeys,
  loadRecords,
  lockOffice,
  writeKeys,
  writeRecords,
  type AppliedOpRow,
  type RecordWrite,
} from './persist.js';
import { refused, sortUnstorable } from './unstorable.js';

export interface PushDeps {
  store: Store;
  registry: EntityRegistry;
  now: () => number;
  /** Called after commit with the office's new last seq, to wake long-polling pulls. */
  published: (officeCode: string, lastSeq: number) => void;
}

export interface PushingWorkstation {
  id: string;
  officeCode: string;
}

interface StoredResult {
  op_id: string;
  workstation_id: string;
  status: 'applied' | 'rejected' | 'conflict';
  reason: string | null;
  result: { version?: number | null; current?: RecordState | null; conflict?: OpResult['conflict'] } | null;
}

const keyOf = (entity: string, id: string): string => `${entity}\u0000${id}`;
const publicState = (r: StoredRecord | undefined): RecordState | null =>
  r ? { version: r.version, data: r.data, deleted: r.deleted } : null;

function duplicateOf(op: WireOp, stored: StoredResult): OpResult {
  return {
    opId: op.opId,
    deviceSeq: op.deviceSeq,
    status: 'duplicate',
    original: stored.status,
    reason: stored.reason,
    version: stored.result?.version ?? null,
    current: stored.result?.current ?? null,
    conflict: stored.result?.conflict ?? null,
  };
}

async function knownOps(sql: Sql, ids: readonly string[]): Promise<Map<string, StoredResult>> {
  const rows = await sql.query<StoredResult>(
    'SELECT op_id, workstation_id, status, reason, result FROM applied_ops WHERE op_id IN (SELECT jsonb_array_elements_text($1::jsonb))',
    [JSON.stringify(ids)],
  );
  return new Map(rows.map((r) => [r.op_id, r]));
}

async function presentBlobs(sql: Sql, officeCode: string, ops: readonly WireOp[]): Promise<Set<string>> {
  const wanted = [...new Set(ops.flatMap((o) => o.blobs))];
  if (wanted.length === 0) return new Set();
  const rows = await sql.query<{ sha256: string }>(
    'SELECT sha256 FROM blobs WHERE office_code = $1 AND sha256 IN (SELECT jsonb_array_elements_text($2::jsonb))',
    [officeCode, JSON.stringify(wanted)],
  );
  return new Set(rows.map((r) => r.sha256));
}

/** Sorts the batch into ops to apply now, answers for duplicates and reused seqs, and finds a gap. */
function triage(ops: readonly WireOp[], known: Map<string, StoredResult>, ws: PushingWorkstation, lastSeq: number) {
  const answers = new Map<string, OpResult>();
  const apply: WireOp[] = [];
  let last = lastSeq;
  let gap: { expected: number } | null = null;
  const seen = new Set<string>();
  for (const op of [...ops].sort((a, b) => a.deviceSeq - b.deviceSeq)) {
    const stored = known.get(op.opId);
    if (seen.has(op.opId)) continue;
    seen.add(op.opId);
    if (stored && stored.workstation_id !== ws.id) answers.set(op.opId, refused(op, 'op.foreign'));
    else if (stored) answers.set(op.opId, duplicateOf(op, stored));
    else if (op.deviceSeq <= last) answers.set(op.opId, refused(op, 'seq.reused'));
    else if (op.deviceSeq > last + 1) {
      gap = { expected: last + 1 };
      break;
    } else {
      apply.push(op);
      last = op.deviceSeq;
    }
  }
  return { answers, apply, last, gap };
}

interface Applied {
  results: Map<string, OpResult>;
  rows: AppliedOpRow[];
  writes: RecordWrite[];
  keys: Array<{ entity: string; key: string; value: string; entityId: string }>;
}

async function decideAll(sql: Sql, deps: PushDeps, ws: PushingWorkstation, ops: readonly WireOp[], now: number): Promise<Applied> {
  const office = ws.officeCode;
  const records = new Map<string, StoredRecord>();
  // The business days the ops fall in come along, so entities can refuse changes to a closed day.
  const tz = (await sql.query<{ tz: string }>('SELECT tz FROM offices WHERE code = $1', [office]))[0]?.tz ?? 'Asia/Jakarta';
  const days = [...new Set(ops.map((o) => businessDateOf(o.createdAt, tz)))].map((id) => ({ entity: BUSINESS_DAY_ENTITY, id }));
  for (const r of await loadRecords(sql, office, [...ops.map((o) => ({ entity: o.entity, id: o.entityId })), ...days, ...actorRefs(ops)]))
    records.set(keyOf(r.entity, r.entity_id), r);
  const accounts = accountsOf(records, keyOf, await officeHasAccounts(sql, office));
  const dayClosed = (at: number): boolean => isClosedDay(records.get(keyOf(BUSINESS_DAY_ENTITY, businessDateOf(at, tz))));
  const keyRefs = ops.flatMap((o) =>
    deps.registry.get(o.entity).uniqueKeys.flatMap((key) => {
      const value = o.payload.data[key];
      return typeof value === 'string' ? [{ entity: o.entity, key, value }] : [];
    }),
  );
  const owners = new Map<string, string>();
  for (const k of await loadKeys(sql, office, keyRefs)) owners.set(`${k.entity}\u0000${k.key}\u0000${k.value}`, k.entity_id);
  const blobs = await presentBlobs(sql, office, ops);

  const out: Applied = { results: new Map(), rows: [], writes: [], keys: [] };
  for (const op of ops) {
    const def = deps.registry.get(op.entity);
    const key = keyOf(op.entity, op.entityId);
    const current = records.get(key);
    const missing = op.blobs.filter((b) => !blobs.has(b));
    const verdict = authorise(op, accounts);
    const decision: Decision = !verdict.ok
      ? { status: 'rejected', reason: verdict.reason }
      : missing.length > 0
        ? { status: 'rejected', reason: `blob.missing:${missing.join(',')}` }
        : def.decide({ ...op, data: op.payload.data, origin: ws.id, role: verdict.role, actor: verdict.actor }, current, {
            keyOwner: (k, v) => owners.get(`${op.entity}\u0000${k}\u0000${v}`),
            dayClosed,
          });
    const next = decision.status === 'applied' && def.flowsDown ? decision.next : undefined;
    if (next) {
      records.set(key, next);
      out.writes.push({ entity: op.entity, entityId: op.entityId, state: next, seq: 0, opId: op.opId, origin: ws.id });
      for (const k of def.uniqueKeys) {
        const value = next.data[k];
        if (typeof value !== 'string' || value === current?.data[k]) continue;
        owners.set(`${op.entity}\u0000${k}\u0000${value}`, op.entityId);
        out.keys.push({ entity: op.entity, key: k, value, entityId: op.entityId });
      }
    }
    const result: OpResult = {
      opId: op.opId,
      deviceSeq: op.deviceSeq,
      status: decision.status,
      original: null,
      reason: decision.status === 'applied' ? null : decision.reason,
      version: (next ?? current)?.version ?? null,
      current: decision.status === 'applied' ? null : publicState(current),
      conflict: decision.status === 'conflict' ? decision.conflict : null,
    };
    out.results.set(op.opId, result);
    out.rows.push({
      op_id: op.opId,
      workstation_id: ws.id,
      device_seq: op.deviceSeq,
      office_code: office,
      entity: op.entity,
      entity_id: op.entityId,
      op: op.op,
      status: decision.status,
      reason: result.reason,
      result: { version: result.version, current: result.current, conflict: result.conflict },
      payload: { ...op.payload, blobs: op.blobs, baseVersion: op.baseVersion, createdAt: op.createdAt },
      change_seq: null,
      applied_at: now,
    });
  }
  return out;
}

export async function applyPush(deps: PushDeps, ws: PushingWorkstation, req: PushRequest): Promise<PushResponse> {
  const now = deps.now();
  let publishedSeq = 0;
  const response = await deps.store.tx(async (sql) => {
    // Serialises pushes from one workstation, so its device_seq advances one batch at a time.
    const wsRows = await sql.query<{ last_device_seq: number }>('SELECT last_device_seq FROM workstations WHERE id = $1 FOR UPDATE', [
      ws.id,
    ]);
    const lastSeq = wsRows[0]?.last_device_seq ?? 0;
    const known = await knownOps(
      sql,
      req.ops.map((o) => o.opId),
    );
    const { answers, apply, last, gap } = triage(req.ops, known, ws, lastSeq);
    let applied: Applied = { results: new Map(), rows: [], writes: [], keys: [] };
    if (apply.length > 0) {
      // Every writer of this office queues here: sequence numbers are taken in commit order.
      await lockOffice(sql, ws.officeCode);
      // An op central cannot store is rejected alone, before anything reads or writes its payload.
      const unfit = sortUnstorable(apply, ws, now);
      if (unfit.clean.length > 0) applied = await decideAll(sql, deps, ws, unfit.clean, now);
      for (const [id, r] of unfit.results) applied.results.set(id, r);
      applied.rows.push(...unfit.rows);
      if (applied.writes.length > 0) {
        const first = await allocateSeqs(sql, ws.officeCode, applied.writes.length);
        const rowsById = new Map(applied.rows.map((r) => [r.op_id, r]));
        applied.writes.forEach((w, i) => {
          w.seq = first + i;
          const row = w.opId ? rowsById.get(w.opId) : undefined;
          if (row) row.change_seq = w.seq;
        });
        publishedSeq = first + applied.writes.length - 1;
        await writeRecords(sql, ws.officeCode, applied.writes, now);
        await writeKeys(sql, ws.officeCode, applied.keys);
      }
      await insertAppliedOps(sql, applied.rows);
      await sql.query('UPDATE workstations SET last_device_seq = $2, last_seen_at = $3 WHERE id = $1', [ws.id, last, now]);
    }
    const results = req.ops.flatMap((op) => {
      const r = answers.get(op.opId) ?? applied.results.get(op.opId);
      return r ? [r] : [];
    });
    return { results, nextDeviceSeq: last + 1, gap };
  });
  if (publishedSeq > 0) deps.published(ws.officeCode, publishedSeq);
  return response;
}
