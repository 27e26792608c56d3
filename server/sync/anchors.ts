// The audit anchors each push carries (its workstation's audit chain head), kept beside the push rather
// than inside its transaction: an anchor is evidence about the desk's trail, not part of any op.
import type { AuditAnchor, AuditAnchors } from '@common/central/protocol.js';
import type { Store } from '../store/store.js';

const COLLAPSE_MS = 60 * 60_000;

/**
 * Keeps an anchor that moves the chain forward. Anchors of the last hour collapse into the newest (its hash
 * covers theirs); one that does not move forward is not stored: the anchors already held are what a
 * truncated or re-chained trail is compared with. Answers whether it went backwards, for the log.
 */
export async function storeAuditAnchor(
  store: Store,
  workstationId: string,
  anchor: AuditAnchor,
  now: number,
): Promise<'stored' | 'behind'> {
  return store.tx(async (sql) => {
    const newest = await sql.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM audit_anchors WHERE workstation_id = $1 ORDER BY seq DESC LIMIT 1 FOR UPDATE',
      [workstationId],
    );
    const top = newest[0];
    if (top && Number(top.seq) >= anchor.seq) return Number(top.seq) === anchor.seq && top.hash === anchor.hash ? 'stored' : 'behind';
    await sql.query('DELETE FROM audit_anchors WHERE workstation_id = $1 AND received_at > $2', [workstationId, now - COLLAPSE_MS]);
    await sql.query('INSERT INTO audit_anchors (workstation_id, seq, hash, received_at) VALUES ($1, $2, $3, $4)', [
      workstationId,
      anchor.seq,
      anchor.hash,
      now,
    ]);
    return 'stored';
  });
}

export async function auditAnchorsOf(store: Store, workstationId: string): Promise<AuditAnchors> {
  const rows = await store.query<{ seq: number; hash: string; received_at: number }>(
    'SELECT seq, hash, received_at FROM audit_anchors WHERE workstation_id = $1 ORDER BY seq',
    [workstationId],
  );
  return { workstationId, anchors: rows.map((r) => ({ seq: Number(r.seq), hash: r.hash, receivedAt: Number(r.received_at) })) };
}
