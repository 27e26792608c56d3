// Bulk writes of the push engine and of central (admin) changes: one statement per table per batch,
// rows passed as one jsonb parameter, so a batch of 500 ops costs a handful of round trips.
import type { Sql } from '../store/store.js';
import type { StoredRecord } from '../entities/types.js';

export interface RecordWrite {
  entity: string;
  entityId: string;
  state: StoredRecord;
  seq: number;
  opId: string | null;
  origin: string;
}

export interface AppliedOpRow {
  op_id: string;
  workstation_id: string;
  device_seq: number;
  office_code: string;
  entity: string;
  entity_id: string;
  op: string;
  status: 'applied' | 'rejected' | 'conflict' | 'held';
  reason: string | null;
  result: unknown;
  payload: unknown;
  change_seq: number | null;
  applied_at: number;
}

/** Takes n sequence numbers for the office; the row stays locked until the transaction ends. */
export async function allocateSeqs(sql: Sql, officeCode: string, n: number): Promise<number> {
  const rows = await sql.query<{ last_seq: number }>(
    'UPDATE office_seq SET last_seq = last_seq + $2 WHERE office_code = $1 RETURNING last_seq',
    [officeCode, n],
  );
  const last = rows[0]?.last_seq;
  if (last === undefined) throw new Error(`No sequence row for office ${officeCode}`);
  return last - n + 1;
}

export async function lockOffice(sql: Sql, officeCode: string): Promise<{ last_seq: number; horizon: number } | undefined> {
  const rows = await sql.query<{ last_seq: number; horizon: number }>(
    'SELECT last_seq, horizon FROM office_seq WHERE office_code = $1 FOR UPDATE',
    [officeCode],
  );
  return rows[0];
}

/** Writes the final state of each record and its change row; `writes` may hold one record several times. */
export async function writeRecords(sql: Sql, officeCode: string, writes: readonly RecordWrite[], now: number): Promise<void> {
  if (writes.length === 0) return;
  const changes = writes.map((w) => ({
    seq: w.seq,
    entity: w.entity,
    entity_id: w.entityId,
    version: w.state.version,
    data: w.state.data,
    deleted: w.state.deleted,
    op_id: w.opId,
    origin: w.origin,
  }));
  await sql.query(
    `INSERT INTO changes (office_code, seq, entity, entity_id, version, data, deleted, op_id, origin, at)
     SELECT $1, x.seq, x.entity, x.entity_id, x.version, x.data, x.deleted, x.op_id, x.origin, $3
     FROM jsonb_to_recordset($2::jsonb) AS x(seq bigint, entity text, entity_id text, version integer, data jsonb, deleted boolean, op_id text, origin text)`,
    [officeCode, JSON.stringify(changes), now],
  );
  const last = new Map<string, RecordWrite>();
  for (const w of writes) last.set(`${w.entity}\u0000${w.entityId}`, w);
  const records = [...last.values()].map((w) => ({
    entity: w.entity,
    entity_id: w.entityId,
    version: w.state.version,
    data: w.state.data,
    meta: w.state.meta,
    deleted: w.state.deleted,
    seq: w.seq,
  }));
  await sql.query(
    `INSERT INTO records (office_code, entity, entity_id, version, data, meta, deleted, updated_seq, updated_at)
     SELECT $1, x.entity, x.entity_id, x.version, x.data, x.meta, x.deleted, x.seq, $3
     FROM jsonb_to_recordset($2::jsonb) AS x(entity text, entity_id text, version integer, data jsonb, meta jsonb, deleted boolean, seq bigint)
     ON CONFLICT (office_code, entity, entity_id) DO UPDATE SET version = excluded.version, data = excluded.data, meta = excluded.meta,
       deleted = excluded.deleted, updated_seq = excluded.updated_seq, updated_at = excluded.updated_at`,
    [officeCode, JSON.stringify(records), now],
  );
}

export async function writeKeys(
  sql: Sql,
  officeCode: string,
  keys: ReadonlyArray<{ entity: string; key: string; value: string; entityId: string }>,
): Promise<void> {
  if (keys.length === 0) return;
  // One statement may not touch a row twice: the last owner of each key value wins.
  const unique = [...new Map(keys.map((k) => [`${k.entity}\u0000${k.key}\u0000${k.value}`, k])).values()];
  await sql.query(
    `INSERT INTO record_keys (office_code, entity, key, value, entity_id)
     SELECT $1, x.entity, x.key, x.value, x.entity_id FROM jsonb_to_recordset($2::jsonb) AS x(entity text, key text, value text, entity_id text)
     ON CONFLICT (office_code, entity, key, value) DO UPDATE SET entity_id = excluded.entity_id`,
    [officeCode, JSON.stringify(unique.map((k) => ({ entity: k.entity, key: k.key, value: k.value, entity_id: k.entityId })))],
  );
}

export async function insertAppliedOps(sql: Sql, rows: readonly AppliedOpRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql.query(
    `INSERT INTO applied_ops (op_id, workstation_id, device_seq, office_code, entity, entity_id, op, status, reason, result, payload, change_seq, applied_at)
     SELECT x.op_id, x.workstation_id, x.device_seq, x.office_code, x.entity, x.entity_id, x.op, x.status, x.reason, x.result, x.payload, x.change_seq, x.applied_at
     FROM jsonb_to_recordset($1::jsonb) AS x(op_id text, workstation_id text, device_seq bigint, office_code text, entity text, entity_id text, op text,
       status text, reason text, result jsonb, payload jsonb, change_seq bigint, applied_at bigint)`,
    [JSON.stringify(rows)],
  );
}

export interface LoadedRecord extends StoredRecord {
  entity: string;
  entity_id: string;
}

export async function loadRecords(
  sql: Sql,
  officeCode: string,
  refs: ReadonlyArray<{ entity: string; id: string }>,
): Promise<LoadedRecord[]> {
  if (refs.length === 0) return [];
  return sql.query<LoadedRecord>(
    `SELECT r.entity, r.entity_id, r.version, r.data, r.meta, r.deleted FROM records r
     JOIN (SELECT DISTINCT x.entity, x.id FROM jsonb_to_recordset($2::jsonb) AS x(entity text, id text)) k ON k.entity = r.entity AND k.id = r.entity_id
     WHERE r.office_code = $1`,
    [officeCode, JSON.stringify(refs)],
  );
}

export async function loadKeys(
  sql: Sql,
  officeCode: string,
  refs: ReadonlyArray<{ entity: string; key: string; value: string }>,
): Promise<Array<{ entity: string; key: string; value: string; entity_id: string }>> {
  if (refs.length === 0) return [];
  return sql.query(
    `SELECT k.entity, k.key, k.value, k.entity_id FROM record_keys k
     JOIN (SELECT DISTINCT x.entity, x.key, x.value FROM jsonb_to_recordset($2::jsonb) AS x(entity text, key text, value text)) q
       ON q.entity = k.entity AND q.key = k.key AND q.value = k.value
     WHERE k.office_code = $1`,
    [officeCode, JSON.stringify(refs)],
  );
}
