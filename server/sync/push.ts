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
import { LATE_ACTIONS, LATE_REASONS } from '@common/central/late-change.js';
import { created } from '../entities/kinds.js';
import {
  LATE_ENTITY,
  LateBook,
  checkLateOp,
  lateRecord,
  loadLate,
  reopenedForLate,
  updateAnswers,
  workstationNames,
  writeLate,
  type LateEffects,
  type LateRow,
} from './late.js';

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
  status: 'applied' | 'rejected' | 'conflict' | 'held';
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
  const redo: WireOp[] = [];
  let last = lastSeq;
  let gap: { expected: number } | null = null;
  const seen = new Set<string>();
  for (const op of [...ops].sort((a, b) => a.deviceSeq - b.deviceSeq)) {
    const stored = known.get(op.opId);
    if (seen.has(op.opId)) continue;
    seen.add(op.opId);
    if (stored && stored.workstation_id !== ws.id) answers.set(op.opId, refused(op, 'op.foreign'));
    else if (stored && redecidable(stored)) redo.push(op);
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
  return { answers, apply, redo, last, gap };
}

interface Applied {
  results: Map<string, OpResult>;
  rows: AppliedOpRow[];
  writes: RecordWrite[];
  keys: Array<{ entity: string; key: string; value: string; entityId: string }>;
  /** Ops answered before whose answer changes now (a resend after a reopen, a late change decided). */
  updates: Array<{ op_id: string; status: string; reason: string | null; version: number | null; change_seq: number | null }>;
  late: LateEffects | null;
}

const emptyApplied = (): Applied => ({ results: new Map(), rows: [], writes: [], keys: [], updates: [], late: null });

/** An op answered rejected only for its day (or for a record its day kept from central) is decided again when resent. */
export const redecidable = (stored: Pick<StoredResult, 'status' | 'reason'>): boolean =>
  stored.status === 'held' || (stored.status === 'rejected' && (stored.reason === 'day.closed' || stored.reason === 'not.found'));

async function decideAll(
  sql: Sql,
  deps: PushDeps,
  ws: PushingWorkstation,
  ops: readonly WireOp[],
  now: number,
  redo: ReadonlySet<string>,
): Promise<Applied> {
  const office = ws.officeCode;
  const records = new Map<string, StoredRecord>();
  const tz = (await sql.query<{ tz: string }>('SELECT tz FROM offices WHERE code = $1', [office]))[0]?.tz ?? 'Asia/Jakarta';
  // Held ops the batch may decide (accepted, returned) or must wait behind, with the records they touch.
  const late = new LateBook(await loadLate(sql, office, ops), tz, now);
  const heldOps = late.all().map((r) => r.op);
  const all = [...ops.filter((o) => o.entity !== LATE_ENTITY), ...heldOps];
  // The business days the ops fall in come along, so entities can refuse changes to a closed day.
  const days = [...new Set(all.map((o) => businessDateOf(o.createdAt, tz)))].map((id) => ({ entity: BUSINESS_DAY_ENTITY, id }));
  const lateRefs = [...ops.map((o) => o.opId), ...late.all().map((r) => r.op_id)].map((id) => ({ entity: LATE_ENTITY, id }));
  for (const r of await loadRecords(sql, office, [
    ...all.map((o) => ({ entity: o.entity, id: o.entityId })),
    ...days,
    ...lateRefs,
    ...actorRefs(ops),
  ]))
    records.set(keyOf(r.entity, r.entity_id), r);
  const accounts = accountsOf(records, keyOf, await officeHasAccounts(sql, office));
  const dayClosed = (at: number): boolean => isClosedDay(records.get(keyOf(BUSINESS_DAY_ENTITY, businessDateOf(at, tz))));
  const keyRefs = all.flatMap((o) =>
    deps.registry.get(o.entity).uniqueKeys.flatMap((key) => {
      const value = o.payload.data[key];
      return typeof value === 'string' ? [{ entity: o.entity, key, value }] : [];
    }),
  );
  const owners = new Map<string, string>();
  for (const k of await loadKeys(sql, office, keyRefs)) owners.set(`${k.entity}\u0000${k.key}\u0000${k.value}`, k.entity_id);
  const blobs = await presentBlobs(sql, office, all);
  const names = late.all().length > 0 || ops.length > 0 ? await workstationNames(sql, office) : new Map<string, string>();

  const out: Applied = { ...emptyApplied(), late: late.effects };
  const decideOp = (op: WireOp, origin: string, verdict: { role: string | null; actor: string | null }): Decision =>
    deps.registry
      .get(op.entity)
      .decide(
        { ...op, data: op.payload.data, origin, role: verdict.role, actor: verdict.actor },
        records.get(keyOf(op.entity, op.entityId)),
        {
          keyOwner: (k, v) => owners.get(`${op.entity}\u0000${k}\u0000${v}`),
          dayClosed,
        },
      );
  /** Keeps an applied decision's new state (and unique keys); answers the version the record now has. */
  const commit = (op: WireOp, decision: Decision, origin: string, causeOpId: string): number | null => {
    const def = deps.registry.get(op.entity);
    const key = keyOf(op.entity, op.entityId);
    const current = records.get(key);
    const next = decision.status === 'applied' && def.flowsDown ? decision.next : undefined;
    if (next) {
      records.set(key, next);
      out.writes.push({ entity: op.entity, entityId: op.entityId, state: next, seq: 0, opId: causeOpId, origin });
      for (const k of def.uniqueKeys) {
        const value = next.data[k];
        if (typeof value !== 'string' || value === current?.data[k]) continue;
        owners.set(`${op.entity}\u0000${k}\u0000${value}`, op.entityId);
        out.keys.push({ entity: op.entity, key: k, value, entityId: op.entityId });
      }
    }
    return (next ?? current)?.version ?? null;
  };
  const publish = (row: LateRow, causeOpId: string): void => {
    const key = keyOf(LATE_ENTITY, row.op_id);
    const current = records.get(key);
    const data = lateRecord(row, names);
    const next: StoredRecord = current
      ? { version: current.version + 1, data, meta: current.meta, deleted: false }
      : created(data, 'central');
    records.set(key, next);
    out.writes.push({ entity: LATE_ENTITY, entityId: row.op_id, state: next, seq: 0, opId: causeOpId, origin: 'central' });
  };

  /** An accept or a return: the held op and the ones waiting behind it on its record, in order. */
  const decideLate = (op: WireOp, verdict: { role: string | null; actor: string | null }): Decision => {
    const checked = checkLateOp(op, late);
    if (!checked.ok) return checked.decision;
    const row = checked.row;
    const chain = late.heldOn(row.entity, row.entity_id).filter((r) => r.op_id === row.op_id || !late.isBefore(r, row));
    if (op.op === LATE_ACTIONS.return) {
      const note = String(op.payload.data.reason).trim();
      for (const r of chain) {
        publish(late.resolve(r.op_id, 'returned', verdict.actor, note)!, op.opId);
        out.updates.push({ op_id: r.op_id, status: 'rejected', reason: LATE_REASONS.returned, version: null, change_seq: null });
      }
      return { status: 'applied' };
    }
    const dayKey = keyOf(BUSINESS_DAY_ENTITY, row.business_date);
    if (isClosedDay(records.get(dayKey))) {
      const reopened = reopenedForLate(records.get(dayKey), row.business_date, verdict.actor, op.createdAt, ws.id);
      records.set(dayKey, reopened);
      out.writes.push({ entity: BUSINESS_DAY_ENTITY, entityId: row.business_date, state: reopened, seq: 0, opId: op.opId, origin: ws.id });
    }
    for (const r of chain) {
      const decision = decideOp(r.op, r.workstation_id, r);
      // Dated in another day still closed: it stays held, and so do the ones behind it.
      if (decision.status === 'rejected' && decision.reason === 'day.closed') break;
      const version = commit(r.op, decision, r.workstation_id, r.op_id);
      const applied = decision.status === 'applied';
      publish(late.resolve(r.op_id, applied ? 'accepted' : 'failed', verdict.actor, applied ? null : decision.reason)!, op.opId);
      out.updates.push({
        op_id: r.op_id,
        status: applied ? 'applied' : 'rejected',
        reason: applied ? null : decision.reason,
        version,
        change_seq: null,
      });
    }
    return { status: 'applied' };
  };

  for (const op of ops) {
    const key = keyOf(op.entity, op.entityId);
    const missing = op.blobs.filter((b) => !blobs.has(b));
    const verdict = authorise(op, accounts);
    let held: LateRow | null = null;
    let decision: Decision;
    if (!verdict.ok) decision = { status: 'rejected', reason: verdict.reason };
    else if (missing.length > 0) decision = { status: 'rejected', reason: `blob.missing:${missing.join(',')}` };
    else if (op.entity === LATE_ENTITY) decision = decideLate(op, verdict);
    else if (op.entity !== BUSINESS_DAY_ENTITY && late.mustWait(op)) {
      held = late.hold(op, ws.id, office, LATE_REASONS.waiting, verdict);
      decision = { status: 'rejected', reason: held.reason };
    } else {
      decision = decideOp(op, ws.id, verdict);
      // Dated in a signed-off day: held for the supervisor instead of refused into nothing.
      if (decision.status === 'rejected' && decision.reason === 'day.closed' && op.entity !== BUSINESS_DAY_ENTITY) {
        held = late.hold(op, ws.id, office, LATE_REASONS.held, verdict);
        decision = { status: 'rejected', reason: held.reason };
      } else if (redo.has(op.opId) && late.get(op.opId)?.status === 'held') {
        publish(
          late.resolve(
            op.opId,
            decision.status === 'applied' ? 'resent' : 'failed',
            null,
            decision.status === 'applied' ? null : decision.reason,
          )!,
          op.opId,
        );
      }
    }
    if (held && late.changed(held.op_id)) publish(held, op.opId);
    const current = records.get(key);
    const version = held || op.entity === LATE_ENTITY ? (current?.version ?? null) : commit(op, decision, ws.id, op.opId);
    const status = held ? 'held' : decision.status;
    const result: OpResult = {
      opId: op.opId,
      deviceSeq: op.deviceSeq,
      status,
      original: null,
      reason: decision.status === 'applied' ? null : decision.reason,
      version,
      current: decision.status === 'applied' || held ? null : publicState(current),
      conflict: decision.status === 'conflict' ? decision.conflict : null,
    };
    out.results.set(op.opId, result);
    if (redo.has(op.opId)) {
      out.updates.push({ op_id: op.opId, status, reason: result.reason, version, change_seq: null });
      continue;
    }
    out.rows.push({
      op_id: op.opId,
      workstation_id: ws.id,
      device_seq: op.deviceSeq,
      office_code: office,
      entity: op.entity,
      entity_id: op.entityId,
      op: op.op,
      status,
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
    const { answers, apply, redo, last, gap } = triage(req.ops, known, ws, lastSeq);
    let applied: Applied = emptyApplied();
    if (apply.length > 0 || redo.length > 0) {
      // Every writer of this office queues here: sequence numbers are taken in commit order.
      await lockOffice(sql, ws.officeCode);
      // An op central cannot store is rejected alone, before anything reads or writes its payload.
      const unfit = sortUnstorable(apply, ws, now);
      // Resent ops answered earlier only for their day go first: they were written before the new ones.
      const ordered = [...redo, ...unfit.clean].sort((a, b) => a.deviceSeq - b.deviceSeq);
      if (ordered.length > 0) applied = await decideAll(sql, deps, ws, ordered, now, new Set(redo.map((o) => o.opId)));
      for (const [id, r] of unfit.results) applied.results.set(id, r);
      applied.rows.push(...unfit.rows);
      if (applied.writes.length > 0) {
        const first = await allocateSeqs(sql, ws.officeCode, applied.writes.length);
        const rowsById = new Map(applied.rows.map((r) => [r.op_id, r]));
        const updatesById = new Map(applied.updates.map((u) => [u.op_id, u]));
        applied.writes.forEach((w, i) => {
          w.seq = first + i;
          const row = w.opId ? (rowsById.get(w.opId) ?? updatesById.get(w.opId)) : undefined;
          if (row) row.change_seq = w.seq;
        });
        publishedSeq = first + applied.writes.length - 1;
        await writeRecords(sql, ws.officeCode, applied.writes, now);
        await writeKeys(sql, ws.officeCode, applied.keys);
      }
      await insertAppliedOps(sql, applied.rows);
      await updateAnswers(sql, applied.updates);
      if (applied.late) await writeLate(sql, applied.late);
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
