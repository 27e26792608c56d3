import type { Db } from '@db/connection.js';

export interface AuditRow {
  seq: number;
  id: string;
  at: number;
  user_id: string | null;
  username: string | null;
  role: string | null;
  workstation: string;
  action: string;
  entity: string | null;
  entity_id: string | null;
  summary: string;
  prev_hash: string;
  hash: string;
}

export const lastAudit = (db: Db): Pick<AuditRow, 'seq' | 'hash'> | undefined =>
  db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as Pick<AuditRow, 'seq' | 'hash'> | undefined;

export function insertAudit(db: Db, row: AuditRow): void {
  db.prepare(
    `INSERT INTO audit_events (seq, id, at, user_id, username, role, workstation, action, entity, entity_id, summary, prev_hash, hash)
     VALUES (@seq, @id, @at, @user_id, @username, @role, @workstation, @action, @entity, @entity_id, @summary, @prev_hash, @hash)`,
  ).run(row);
}

export function listAudit(db: Db, limit: number, beforeSeq?: number): AuditRow[] {
  return db
    .prepare('SELECT * FROM audit_events WHERE seq < ? ORDER BY seq DESC LIMIT ?')
    .all(beforeSeq ?? Number.MAX_SAFE_INTEGER, limit) as AuditRow[];
}

/** Streams the chain in order so verifying a million events does not hold them all in memory. */
export const iterateAudit = (db: Db): IterableIterator<AuditRow> =>
  db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as IterableIterator<AuditRow>;
