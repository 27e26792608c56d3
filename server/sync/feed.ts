// The per-office change feed: pull by cursor (long-polled), a paged snapshot for a cursor older than
// the compaction horizon, and compaction itself.
import type { Change, PullResponse, SnapshotRecord, SnapshotResponse } from '@common/central/protocol.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { lockOffice } from './persist.js';
import type { OfficeNotifier } from './notifier.js';

interface SeqRow {
  last_seq: number;
  horizon: number;
}

async function officeSeq(sql: Sql, officeCode: string): Promise<SeqRow> {
  const rows = await sql.query<SeqRow>('SELECT last_seq, horizon FROM office_seq WHERE office_code = $1', [officeCode]);
  const row = rows[0];
  if (!row) throw new CentralError('NOT_FOUND', `Unknown office ${officeCode}`);
  return row;
}

interface ChangeRow {
  seq: number;
  entity: string;
  entity_id: string;
  version: number;
  data: Record<string, unknown>;
  deleted: boolean;
}

const toChange = (r: ChangeRow): Change => ({
  seq: r.seq,
  entity: r.entity,
  entityId: r.entity_id,
  version: r.version,
  data: r.data,
  deleted: r.deleted,
});

export interface PullArgs {
  cursor: number;
  limit: number;
  wait: number;
  signal?: AbortSignal;
}

export async function pullChanges(store: Store, notifier: OfficeNotifier, officeCode: string, args: PullArgs): Promise<PullResponse> {
  let seq = await officeSeq(store, officeCode);
  if (args.cursor < seq.horizon) {
    throw new CentralError('CURSOR_EXPIRED', 'This cursor is older than the compaction horizon; load a snapshot', { horizon: seq.horizon });
  }
  if (args.cursor > seq.last_seq) {
    throw new CentralError('CURSOR_AHEAD', 'This cursor is ahead of the server; was central restored from a backup?', {
      lastSeq: seq.last_seq,
    });
  }
  if (args.cursor === seq.last_seq && args.wait > 0) {
    const stop = new AbortController();
    const abort = (): void => stop.abort();
    args.signal?.addEventListener('abort', abort);
    // Subscribed before the second read, so a commit in between still wakes us.
    const woken = notifier.subscribe(officeCode, args.wait, stop.signal);
    seq = await officeSeq(store, officeCode);
    if (args.cursor !== seq.last_seq) stop.abort();
    await woken;
    args.signal?.removeEventListener('abort', abort);
    seq = await officeSeq(store, officeCode);
  }
  if (args.cursor === seq.last_seq) return { changes: [], cursor: args.cursor, more: false, horizon: seq.horizon };
  const rows = await store.query<ChangeRow>(
    'SELECT seq, entity, entity_id, version, data, deleted FROM changes WHERE office_code = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [officeCode, args.cursor, args.limit + 1],
  );
  const more = rows.length > args.limit;
  const changes = rows.slice(0, args.limit).map(toChange);
  return { changes, cursor: changes.at(-1)?.seq ?? args.cursor, more, horizon: seq.horizon };
}

interface PageToken {
  asOf: number;
  entity: string;
  id: string;
}

export function decodePage(page: string): PageToken {
  try {
    const t = JSON.parse(Buffer.from(page, 'base64url').toString('utf8')) as Partial<PageToken>;
    if (typeof t.asOf === 'number' && typeof t.entity === 'string' && typeof t.id === 'string')
      return { asOf: t.asOf, entity: t.entity, id: t.id };
  } catch {
    // answered below
  }
  throw new CentralError('INVALID_FIELD', 'Unreadable snapshot page token', { fields: { page: ['page.invalid'] } });
}

/**
 * Records are never deleted (a deletion is a tombstone), so paging by key sees each one at its version
 * as of the snapshot or later; replaying the changes after `asOf` brings the workstation level.
 */
export async function snapshotPage(store: Store, officeCode: string, page: string | undefined, limit: number): Promise<SnapshotResponse> {
  const token = page ? decodePage(page) : { asOf: (await officeSeq(store, officeCode)).last_seq, entity: '', id: '' };
  const rows = await store.query<ChangeRow & { entity_id: string }>(
    `SELECT entity, entity_id, version, data, deleted FROM records
     WHERE office_code = $1 AND (entity, entity_id) > ($2, $3) ORDER BY entity, entity_id LIMIT $4`,
    [officeCode, token.entity, token.id, limit + 1],
  );
  const records: SnapshotRecord[] = rows
    .slice(0, limit)
    .map((r) => ({ entity: r.entity, entityId: r.entity_id, version: r.version, data: r.data, deleted: r.deleted }));
  const lastRow = records.at(-1);
  const next =
    rows.length > limit && lastRow
      ? Buffer.from(JSON.stringify({ asOf: token.asOf, entity: lastRow.entity, id: lastRow.entityId })).toString('base64url')
      : null;
  return { asOf: token.asOf, records, next };
}

/** Drops the changes up to `upTo` (default: all); cursors older than that get 410 and a snapshot. */
export async function compact(store: Store, officeCode: string, upTo?: number): Promise<{ horizon: number; removed: number }> {
  return store.tx(async (sql) => {
    const seq = await lockOffice(sql, officeCode);
    if (!seq) throw new CentralError('NOT_FOUND', `Unknown office ${officeCode}`);
    const horizon = Math.max(seq.horizon, Math.min(upTo ?? seq.last_seq, seq.last_seq));
    const removed = await sql.query<{ n: number }>(
      'WITH d AS (DELETE FROM changes WHERE office_code = $1 AND seq <= $2 RETURNING 1) SELECT count(*)::int AS n FROM d',
      [officeCode, horizon],
    );
    await sql.query('UPDATE office_seq SET horizon = $2 WHERE office_code = $1', [officeCode, horizon]);
    return { horizon, removed: removed[0]?.n ?? 0 };
  });
}
