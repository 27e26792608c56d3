// Central's queue tickets reach the workstations through the office's change feed (entity "ticket"),
// written in the same transaction as the queue change that produced them. Published at issue and at a
// final status only (FINAL_TICKET_STATUSES, common/domain/queue/lifecycle.ts): calls, recalls, starts
// and parks stay off the feed, so the hot call path never waits for the office's sequence row.
//
// Lock order: the queue functions lock their own rows first (the counter, the ticket, the booking, the
// (service, day) number) and call publishTickets last, which takes the office_seq row. Nothing that
// holds office_seq ever waits for one of those rows: push and centralWrite touch only records, changes,
// keys, applied_ops and workstations; the bookings import locks its booking rows before office_seq
// too; compaction touches changes only. So the order is always queue rows -> office_seq, never the
// reverse, and the two cannot deadlock.
import { TICKET_ENTITY, TicketData } from '@common/central/ticket-record.js';
import { ticketFields } from '@common/domain/queue/ticket-row.js';
import { created, sameValue } from '../entities/kinds.js';
import type { StoredRecord } from '../entities/types.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { allocateSeqs, loadRecords, writeRecords, type RecordWrite } from '../sync/persist.js';
import type { TicketRow } from './rows.js';

/** A commit published changes up to lastSeq for the office: long-polling pulls wake up. */
export type Published = (officeCode: string, lastSeq: number) => void;
export const unpublished: Published = () => undefined;

const ORIGIN = 'central';

export const ticketDataOf = (r: TicketRow): TicketData => ({
  ...ticketFields(r),
  bookingCode: r.booking_code,
  officer: r.officer,
  transferredFrom: r.transferred_from,
});

function nextState(current: StoredRecord | undefined, data: TicketData): StoredRecord {
  if (!current) return created({ ...data }, ORIGIN);
  const version = current.version + 1;
  const meta = { ...current.meta };
  for (const [field, value] of Object.entries(data)) if (!sameValue(value, current.data[field])) meta[field] = [version, ORIGIN];
  return { version, data: { ...data }, meta, deleted: false };
}

/**
 * Writes each ticket's record at the previous version + 1, unless the record already holds exactly
 * this data (a retried request, a resent reconcile): then nothing is published. Returns the office's
 * last seq written, or 0 when nothing was. Call it last in the transaction (see the lock order above).
 */
export async function publishTickets(sql: Sql, officeCode: string, rows: readonly TicketRow[], now: number): Promise<number> {
  if (rows.length === 0) return 0;
  const data = rows.map((r) => {
    const parsed = TicketData.safeParse(ticketDataOf(r));
    if (!parsed.success) {
      const fields = Object.fromEntries(parsed.error.issues.map((i) => [`ticket.${i.path.join('.')}`, [i.message]]));
      throw new CentralError('INVALID_FIELD', `Ticket ${r.number} cannot be published: ${Object.keys(fields).join(', ')}`, { fields });
    }
    return { id: r.id, data: parsed.data };
  });
  // Read before taking office_seq, to hold that office-wide lock for as few statements as possible. The
  // versions cannot move meanwhile: a ticket's record is written only here, by the transaction holding
  // the ticket's row (locked, or inserted and not yet committed), and workstation ops never change it.
  const loaded = await loadRecords(
    sql,
    officeCode,
    data.map((d) => ({ entity: TICKET_ENTITY, id: d.id })),
  );
  const records = new Map<string, StoredRecord>(loaded.map((r) => [r.entity_id, r]));
  const writes: RecordWrite[] = [];
  for (const d of data) {
    const current = records.get(d.id);
    if (current && sameValue(current.data, d.data)) continue;
    const state = nextState(current, d.data);
    records.set(d.id, state);
    writes.push({ entity: TICKET_ENTITY, entityId: d.id, state, seq: 0, opId: null, origin: ORIGIN });
  }
  if (writes.length === 0) return 0;
  // Takes and keeps the office_seq row lock: sequence numbers follow commit order, as for every writer.
  const first = await allocateSeqs(sql, officeCode, writes.length);
  writes.forEach((w, i) => (w.seq = first + i));
  await writeRecords(sql, officeCode, writes, now);
  return first + writes.length - 1;
}

/**
 * One queue transaction that publishes tickets: `work` hands the rows to publish to `publish`; they are
 * written last in the transaction (the lock order above) and pulls are woken once it has committed.
 */
export async function publishingTx<T>(
  store: Store,
  officeCode: string,
  now: number,
  published: Published,
  work: (sql: Sql, publish: (...rows: TicketRow[]) => void) => Promise<T>,
): Promise<T> {
  let lastSeq = 0;
  const result = await store.tx(async (sql) => {
    const rows: TicketRow[] = [];
    const out = await work(sql, (...r) => void rows.push(...r));
    lastSeq = await publishTickets(sql, officeCode, rows, now);
    return out;
  });
  if (lastSeq > 0) published(officeCode, lastSeq);
  return result;
}
