import { createHash } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';
import type { Db } from '@db/connection.js';
import { insertAudit, iterateAudit, lastAudit, type AuditRow } from '@db/queries/office/audit.js';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditInput {
  at: number;
  userId: string | null;
  username: string | null;
  role: string | null;
  workstation: string;
  action: string;
  entity: string | null;
  entityId: string | null;
  /** Never secrets: no passwords, tokens or biometric data. */
  summary: Record<string, unknown>;
}

type Chained = Omit<AuditRow, 'hash'>;

/** The hash covers every column but itself, in a fixed order, so any edit to a row breaks the chain. */
export function auditHash(row: Chained): string {
  const material = JSON.stringify([
    row.seq,
    row.id,
    row.at,
    row.user_id,
    row.username,
    row.role,
    row.workstation,
    row.action,
    row.entity,
    row.entity_id,
    row.summary,
    row.prev_hash,
  ]);
  return createHash('sha256').update(material).digest('hex');
}

/** Must run inside the caller's transaction: the event commits with the change it describes. */
export function appendAudit(db: Db, e: AuditInput): AuditRow {
  const last = lastAudit(db);
  const row: Chained = {
    seq: (last?.seq ?? 0) + 1,
    id: uuidv7(),
    at: e.at,
    user_id: e.userId,
    username: e.username,
    role: e.role,
    workstation: e.workstation,
    action: e.action,
    entity: e.entity,
    entity_id: e.entityId,
    summary: JSON.stringify(e.summary),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const full = { ...row, hash: auditHash(row) };
  insertAudit(db, full);
  return full;
}

export interface AuditVerdict {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  reason: string | null;
}

export function verifyAudit(db: Db): AuditVerdict {
  let prev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of iterateAudit(db)) {
    const broken = (reason: string): AuditVerdict => ({ ok: false, checked, brokenAt: row.seq, reason });
    if (row.seq !== expectedSeq) return broken(`event ${expectedSeq} is missing`);
    if (row.prev_hash !== prev) return broken('does not link to the event before it');
    const { hash, ...rest } = row;
    if (auditHash(rest) !== hash) return broken('its content was changed after it was written');
    prev = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked, brokenAt: null, reason: null };
}

/** What central was told of this chain's head at some moment (server/sync/anchors.ts). */
export interface AnchorRef {
  seq: number;
  hash: string;
  receivedAt: number;
}

export interface AnchorVerdict {
  ok: boolean;
  /** How many anchors matched the local chain. */
  matched: number;
  /** The first event central once knew of that is gone here: the start of a missing tail. */
  missingFrom: number | null;
  /** The newest event central knew of, when the tail is missing. */
  missingTo: number | null;
  problems: string[];
}

/**
 * Compares the local chain with the heads it reported to central. The chain alone cannot show a cut tail
 * (every remaining link is intact) nor a chain rebuilt with new hashes; an anchor shows both: each anchor's
 * seq must still exist here, with the very hash central was told.
 */
export function verifyAnchors(db: Db, anchors: readonly AnchorRef[]): AnchorVerdict {
  const hashAt = db.prepare('SELECT hash FROM audit_events WHERE seq = ?').pluck();
  const localTop = lastAudit(db)?.seq ?? 0;
  const problems: string[] = [];
  let matched = 0;
  let missingTo: number | null = null;
  for (const a of [...anchors].sort((x, y) => x.seq - y.seq)) {
    const when = new Date(a.receivedAt).toISOString();
    if (a.seq > localTop) {
      missingTo = Math.max(missingTo ?? 0, a.seq);
      continue;
    }
    const local = hashAt.get(a.seq) as string | undefined;
    if (local === a.hash) matched += 1;
    else problems.push(`event ${a.seq} is not the one central was told of at ${when}: the chain was rewritten at or before it`);
  }
  const missingFrom = missingTo === null ? null : localTop + 1;
  if (missingTo !== null) {
    const newest = Math.max(...anchors.map((a) => a.receivedAt));
    problems.unshift(
      `events ${missingFrom}-${missingTo} are missing: central was told the chain reached event ${missingTo} (by ${new Date(newest).toISOString()}), this database ends at ${localTop}`,
    );
  }
  return { ok: problems.length === 0, matched, missingFrom, missingTo, problems };
}
