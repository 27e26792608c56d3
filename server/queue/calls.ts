// What a counter does with tickets at central. The life cycle's rules are common's
// (common/domain/queue/lifecycle.ts): this module reads and locks the rows, and applies what they decide.
// Call next is one atomic UPDATE over the first waiting ticket in the call order, FOR UPDATE SKIP LOCKED:
// two counters never get the same ticket. The counter row is locked first, so a double press of one
// counter cannot call two; the same requestId again answers the ticket the first press called.
import { v7 as uuidv7 } from 'uuid';
import { businessDate } from '@common/domain/shared/working-days.js';
import type { CallResult, QueueConfig } from '@common/contract/queue/central.js';
import {
  decide,
  decideCallNext,
  isFinalStatus,
  type Changed,
  type Decision,
  TICKET_CHANGE_COLUMNS,
  type Refusal,
  type TicketAction,
  type TicketChange,
} from '@common/domain/queue/lifecycle.js';
import { ticketView } from '@common/domain/queue/ticket-row.js';
import type { SyncErrorCode } from '@common/central/protocol.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { queueEvent } from './events.js';
import { officeInfo } from './issue.js';
import { publishingTx, unpublished, type Published } from './publish.js';
import { TICKET_COLUMNS, cachedConfig, loadConfig, type TicketRow } from './rows.js';

const CODES: Record<Refusal['kind'], SyncErrorCode> = { conflict: 'CONFLICT', notFound: 'NOT_FOUND', invalid: 'INVALID_FIELD' };
const refused = (r: Refusal): CentralError => new CentralError(CODES[r.kind], r.message, r.details);

interface CounterRow {
  id: string;
  services: string[];
  open: boolean;
  last_request_id: string | null;
}

export async function lockCounter(sql: Sql, officeCode: string, counterId: string): Promise<CounterRow> {
  const rows = await sql.query<CounterRow>(
    'SELECT id, services, open, last_request_id FROM queue_counters WHERE office_code = $1 AND id = $2 FOR UPDATE',
    [officeCode, counterId],
  );
  if (!rows[0]) throw new CentralError('NOT_FOUND', `No counter ${counterId} in this office`, { reason: 'queue.unknownCounter' });
  return rows[0];
}

/** The ticket called to or served at a counter, if any. */
export const atCounter = async (sql: Sql, officeCode: string, counterId: string): Promise<TicketRow | undefined> =>
  (
    await sql.query<TicketRow>(
      `SELECT ${TICKET_COLUMNS} FROM tickets WHERE office_code = $1 AND counter_id = $2 AND status IN ('called', 'serving') ORDER BY called_at DESC LIMIT 1`,
      [officeCode, counterId],
    )
  )[0];

export async function currentAt(store: Store, officeCode: string, counterId: string): Promise<CallResult['ticket']> {
  const t = await atCounter(store, officeCode, counterId);
  return t ? ticketView(t) : null;
}

/**
 * The next ticket for a counter, in the order of common/domain/queue/order.ts, tier by tier: each tier
 * is an index range read in order (LIMIT 1, SKIP LOCKED), and COALESCE evaluates a tier only when the
 * ones before it are empty, so a call reads a handful of index entries instead of sorting the queue.
 * Parameters: office, day, services (a jsonb array), named by `p`.
 */
export function nextTicketSql(now: number, agingMs: number, p = { office: '$1', day: '$2', services: '$3' }): string {
  if (!Number.isSafeInteger(now) || !Number.isSafeInteger(agingMs)) throw new Error('now and agingMs must be integers');
  const aged = now - agingMs;
  const base = `FROM tickets WHERE office_code = ${p.office} AND day = ${p.day} AND status = 'waiting' AND service_code IN (SELECT jsonb_array_elements_text(${p.services}::jsonb))`;
  const tier = (where: string, order: string) =>
    `(SELECT id ${base} AND ${where} ORDER BY ${order}, id COLLATE "C" LIMIT 1 FOR UPDATE SKIP LOCKED)`;
  return `COALESCE(
    ${tier(`arrived_at <= ${aged}`, 'arrived_at')},
    ${tier(`arrived_at > ${aged} AND slot_at <= ${now}`, 'slot_at')},
    ${tier(`arrived_at > ${aged} AND priority_group IS NOT NULL AND (slot_at IS NULL OR slot_at > ${now})`, 'arrived_at')},
    ${tier(`arrived_at > ${aged} AND priority_group IS NULL AND slot_at IS NULL`, 'arrived_at')},
    ${tier(`arrived_at > ${aged} AND priority_group IS NULL AND slot_at > ${now}`, 'slot_at')})`;
}

/**
 * The bare statement (also timed alone by the bench as the baseline). $1 office, $2 counter, $3 day, $4
 * services, $5 now, $6 officer. It sets what the life cycle's `called` does, in the statement that picks
 * the ticket (tests/integration/queue-lifecycle.test.ts holds the two equal).
 */
export function callNextSql(now: number, agingMs: number): string {
  const next = nextTicketSql(now, agingMs, { office: '$1', day: '$3', services: '$4' });
  return `UPDATE tickets SET status = 'called', counter_id = $2, called_at = $5, call_count = 1, officer = COALESCE($6, officer)
    WHERE id = ${next} AND status = 'waiting' RETURNING ${TICKET_COLUMNS}`;
}

/** Publishes nothing: a called ticket reaches the feed when it is finished (see publish.ts). */
export async function callNext(
  store: Store,
  officeCode: string,
  input: { counterId: string; requestId: string; officer?: string | undefined },
  now: number,
): Promise<CallResult & { config: QueueConfig }> {
  const config = await cachedConfig(store, store, officeCode);
  const office = await officeInfo(store, officeCode);
  return store.tx(async (sql) => {
    const counter = await lockCounter(sql, officeCode, input.counterId);
    const current = await atCounter(sql, officeCode, input.counterId);
    const may = decideCallNext(
      { id: counter.id, open: counter.open, lastRequestId: counter.last_request_id, atCounter: current ?? null },
      input.requestId,
    );
    if (!may.ok) throw refused(may);
    if (may.again) return { ticket: current ? ticketView(current) : null, config };
    const day = businessDate(now, office.tz);
    const rows = await sql.query<TicketRow>(callNextSql(now, config.rules.agingMs), [
      officeCode,
      input.counterId,
      day,
      JSON.stringify(counter.services),
      now,
      input.officer ?? null,
    ]);
    await sql.query('UPDATE queue_counters SET last_request_id = $3 WHERE office_code = $1 AND id = $2', [
      officeCode,
      input.counterId,
      input.requestId,
    ]);
    const t = rows[0];
    if (t) await queueEvent(sql, t, 'called', input.counterId, now);
    return { ticket: t ? ticketView(t) : null, config };
  });
}

const lockTicket = async (sql: Sql, officeCode: string, ticketId: string): Promise<TicketRow | undefined> =>
  (
    await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 AND office_code = $2 FOR UPDATE`, [
      ticketId,
      officeCode,
    ])
  )[0];

/** Applies a change the life cycle decided to a ticket whose row this transaction holds locked. */
async function applyChange(sql: Sql, ticketId: string, change: TicketChange): Promise<TicketRow> {
  const columns = TICKET_CHANGE_COLUMNS.filter((c) => c in change);
  const rows = await sql.query<TicketRow>(
    `UPDATE tickets SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')} WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
    [ticketId, ...columns.map((c) => change[c])],
  );
  return rows[0]!;
}

export interface ActionOptions {
  /** The officer at the counter; an action without one keeps the ticket's officer. */
  officer?: string | undefined;
  published?: Published;
}

/**
 * A counter's action on a ticket. A ticket reaching a final status is published in the same transaction;
 * the others (called, serving, parked) are not. Parking sets the ticket aside at its counter: it no longer
 * blocks call next, no other counter gets it (call next reads only waiting tickets), and only that counter
 * resumes it.
 */
export async function ticketAction(
  store: Store,
  officeCode: string,
  counterId: string,
  ticketId: string,
  action: TicketAction,
  now: number,
  opts: ActionOptions = {},
): Promise<CallResult> {
  return publishingTx(store, officeCode, now, opts.published ?? unpublished, async (sql, publish) => {
    const decided = await decideLocked(sql, officeCode, counterId, ticketId, action, now, opts.officer ?? null);
    if (!decided.decision.ok) throw refused(decided.decision);
    return applyDecided(sql, publish, officeCode, counterId, decided.ticket!, decided.decision, now);
  });
}

/**
 * Locks the ticket (and for resume the counter first, as call next does: a resume and a call next at one
 * counter never both win) and decides the action by the life cycle, without applying it.
 */
export async function decideLocked(
  sql: Sql,
  officeCode: string,
  counterId: string,
  ticketId: string,
  action: TicketAction,
  now: number,
  officer: string | null,
): Promise<{ ticket: TicketRow | undefined; decision: Decision }> {
  const config = await loadConfig(sql, officeCode);
  if (action.kind === 'resume') await lockCounter(sql, officeCode, counterId);
  const t = await lockTicket(sql, officeCode, ticketId);
  const decision = decide(t, action, {
    counterId,
    now,
    officer,
    maxRecalls: config.rules.maxRecalls,
    noShowAfterMs: config.rules.noShowAfterMs,
    services: config.services,
    atCounter: action.kind === 'resume' ? ((await atCounter(sql, officeCode, counterId)) ?? null) : null,
  });
  return { ticket: t, decision };
}

/** Applies what the life cycle decided to the locked ticket, records its event and publishes a final status. */
export async function applyDecided(
  sql: Sql,
  publish: (...rows: TicketRow[]) => void,
  officeCode: string,
  counterId: string,
  t: TicketRow,
  decision: Changed,
  now: number,
  eventData: Record<string, unknown> = {},
): Promise<CallResult> {
  const row = await applyChange(sql, t.id, decision.change);
  await queueEvent(sql, row, decision.event.kind, counterId, now, { ...decision.event.data, ...eventData });
  if (isFinalStatus(row.status)) publish(row);
  if (decision.transferTo === undefined) return { ticket: ticketView(row) };
  // The visit continues: same number, the original arrival time, the booking slot kept.
  const rows = await sql.query<TicketRow>(
    `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, applicant_name, origin, created_at, transferred_from)
     VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${TICKET_COLUMNS}`,
    [
      uuidv7(),
      officeCode,
      row.day,
      decision.transferTo,
      row.number,
      row.arrived_at,
      row.slot_at,
      row.priority_group,
      row.booking_code,
      row.applicant_name,
      row.origin,
      now,
      row.id,
    ],
  );
  await queueEvent(sql, rows[0]!, 'issued', counterId, now, { transferredFrom: row.id });
  publish(rows[0]!);
  return { ticket: ticketView(rows[0]!) };
}

/** The tickets parked at a counter, longest parked first. */
export async function parkedAt(sql: Sql, officeCode: string, counterId: string): Promise<TicketRow[]> {
  return sql.query<TicketRow>(
    `SELECT ${TICKET_COLUMNS} FROM tickets WHERE office_code = $1 AND counter_id = $2 AND status = 'parked' ORDER BY parked_at, id COLLATE "C"`,
    [officeCode, counterId],
  );
}
