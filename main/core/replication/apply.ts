// Applying what central sends: pulled changes and snapshots (with the cursor, in one transaction), and
// the per-op results of a push. Each entity has a local applier (appliers.ts lists them).
import type { OpResult, RecordState } from '@common/central/protocol.js';
import type { Db } from '@db/connection.js';
import { deferRecord, deleteDeferred, getCursor, getDeferred, setCursor, setKnownVersion } from '@db/queries/sync/sync.js';
import { getOp, hasPendingFor, setOpResult, type OutboxStatus } from '@db/queries/sync/sync-outbox.js';
import type { Core } from '../core.js';
import { keepAside, noEffects, type ApplyEffects, type LocalApplier, type PulledRecord } from './applier.js';
import { LOCAL_APPLIERS } from './appliers.js';

/** Anything without a table of its own here is still kept, so nothing central sends is lost. */
const genericApplier: LocalApplier = { entity: '*', apply: (db, rec) => keepAside(db, rec) };

const appliers = new Map<string, LocalApplier>(LOCAL_APPLIERS.map((a) => [a.entity, a]));

const applierFor = (entity: string): LocalApplier => appliers.get(entity) ?? genericApplier;

function applyOne(db: Db, rec: PulledRecord, now: number, effects: ApplyEffects): void {
  applierFor(rec.entity).apply(db, rec, now, effects);
  setKnownVersion(db, rec.entity, rec.entityId, rec.version);
}

function afterApply(core: Core, effects: ApplyEffects): void {
  for (const id of new Set(effects.endSessionsOf)) core.sessions.endAllFor(id);
  for (const u of effects.unreadable) core.log.warn(u, 'a record from central is unreadable here; kept aside');
}

/**
 * A page of changes may hold several versions of one record: only the newest is applied. The ones between
 * are already superseded, and applying them would flap local state on the way (an officer's own new
 * password, arriving after the temporary one, would end their session).
 */
function newestOnly(records: readonly PulledRecord[]): PulledRecord[] {
  const newest = new Map<string, PulledRecord>();
  for (const rec of records) {
    const key = `${rec.entity}\u0000${rec.entityId}`;
    const seen = newest.get(key);
    if (seen === undefined || rec.version >= seen.version) {
      newest.delete(key);
      newest.set(key, rec);
    }
  }
  return [...newest.values()];
}

/**
 * Applies pulled records and moves the cursor in one transaction. A record with ops still pending here
 * keeps its local state for now: central's state is set aside (sync_deferred) and applied once those
 * ops have their answers, so nothing pulled past the cursor is lost.
 */
export function applyPulled(
  core: Core,
  db: Db,
  records: readonly PulledRecord[],
  cursor?: number,
  alsoInTx?: (db: Db) => void,
): { applied: number; deferred: number } {
  const effects = noEffects();
  const now = core.now();
  const counts = db
    .transaction(() => {
      let applied = 0;
      let deferred = 0;
      for (const rec of newestOnly(records)) {
        if (hasPendingFor(db, rec.entity, rec.entityId)) {
          deferRecord(db, {
            entity: rec.entity,
            entity_id: rec.entityId,
            version: rec.version,
            data: JSON.stringify(rec.data),
            deleted: rec.deleted ? 1 : 0,
          });
          deferred += 1;
        } else {
          applyOne(db, rec, now, effects);
          deleteDeferred(db, rec.entity, rec.entityId);
          applied += 1;
        }
      }
      if (cursor !== undefined && cursor !== getCursor(db)) setCursor(db, cursor);
      alsoInTx?.(db);
      return { applied, deferred };
    })
    .immediate();
  afterApply(core, effects);
  return counts;
}

/** A duplicate takes the status of the original answer: what matters is what became of the op. */
export function localStatus(r: OpResult): OutboxStatus {
  // Held at central for the supervisor: final here, its reason says so, and its late_change record brings the decision.
  if (r.status === 'held' || (r.status === 'duplicate' && r.original === 'held')) return 'rejected';
  if (r.status !== 'duplicate') return r.status;
  return r.original === 'rejected' || r.original === 'conflict' ? r.original : 'duplicate';
}

interface Settled {
  entity: string;
  entityId: string;
  /** Central's state sent with a rejection or conflict. */
  current?: RecordState;
  /** The version an applied op of ours produced: its change is still to come by pull if newer. */
  appliedVersion: number;
}

/**
 * Records central's answers. A record whose ops all have answers now takes central's newest known
 * state (set aside while pulling, or sent with a rejection or conflict), unless one of our applied ops
 * made a newer version, whose change the pull brings.
 */
export function recordPushResults(core: Core, db: Db, results: readonly OpResult[]): void {
  const effects = noEffects();
  const now = core.now();
  db.transaction(() => {
    const settled = new Map<string, Settled>();
    for (const r of results) {
      const row = getOp(db, r.opId);
      if (!row || row.status !== 'pending') continue;
      const status = localStatus(r);
      setOpResult(
        db,
        r.opId,
        status,
        JSON.stringify({ reason: r.reason, version: r.version, original: r.original, conflict: r.conflict, current: r.current }),
      );
      const key = `${row.entity}\u0000${row.entity_id}`;
      const s = settled.get(key) ?? { entity: row.entity, entityId: row.entity_id, appliedVersion: 0 };
      if ((status === 'rejected' || status === 'conflict') && r.current && r.current.version > (s.current?.version ?? -1))
        s.current = r.current;
      if ((status === 'applied' || status === 'duplicate') && r.version !== null) s.appliedVersion = Math.max(s.appliedVersion, r.version);
      settled.set(key, s);
    }
    for (const s of settled.values()) {
      if (hasPendingFor(db, s.entity, s.entityId)) continue;
      const d = getDeferred(db, s.entity, s.entityId);
      const deferred: RecordState | undefined = d
        ? { version: d.version, data: JSON.parse(d.data) as Record<string, unknown>, deleted: d.deleted === 1 }
        : undefined;
      const best = [deferred, s.current].filter((x): x is RecordState => x !== undefined).sort((a, b) => b.version - a.version)[0];
      if (best && best.version >= s.appliedVersion) applyOne(db, { entity: s.entity, entityId: s.entityId, ...best }, now, effects);
      deleteDeferred(db, s.entity, s.entityId);
    }
  })();
  afterApply(core, effects);
}

/** For conflict resolution: the record as the officer decided it, at central's version. */
export function applyLocalState(db: Db, rec: PulledRecord, now: number): void {
  applyOne(db, rec, now, noEffects());
}
