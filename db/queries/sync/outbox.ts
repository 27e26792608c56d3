import type { Db } from '@db/connection.js';

export interface OutboxInsert {
  op_id: string;
  entity: string;
  entity_id: string;
  op: string;
  payload: string;
  base_version: number | null;
  created_at: number;
}

/** device_seq is the rowid: allocated inside the writer's transaction, so it follows commit order. */
export function insertOutbox(db: Db, row: OutboxInsert): number {
  const info = db
    .prepare(
      `INSERT INTO outbox (op_id, entity, entity_id, op, payload, base_version, created_at)
       VALUES (@op_id, @entity, @entity_id, @op, @payload, @base_version, @created_at)`,
    )
    .run(row);
  return Number(info.lastInsertRowid);
}

export const countOutbox = (db: Db, status = 'pending'): number =>
  (db.prepare('SELECT count(*) AS n FROM outbox WHERE status = ?').get(status) as { n: number }).n;
