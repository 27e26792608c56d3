// What a counter does with tickets at central. Call next is one atomic UPDATE over the first waiting
// ticket in the call order, FOR UPDATE SKIP LOCKED: two counters never get the same ticket. The counter
// row is locked first, so a double press of one counter cannot call two; the same requestId again
// answers the ticket the first press called.
import { v7 as uuidv7 } from 'uuid';
import { businessDate } from '@common/domain/shared/working-days.js';
import type { CallResult, QueueConfig } from '@common/contract/queue/central.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { queueEvent } from './events.js';
import { officeInfo } from './issue.js';
import { isFinal, publishingTx, unpublished, type Published } from './publish.js';
import { TICKET_COLUMNS, cachedConfig, loadConfig, ticketView, type TicketRow } from './rows.js';

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

/** The bare statement (also timed alone by the bench as the baseline). $1 office, $2 counter, $3 day, $4 services, $5 now, $6 officer. */
export function callNextSql(now: number, agingMs: number): string {
  const next = nextTicketSql(now, agingMs, { office: '$1', day: '$3', services: '$4' });
  return `UPDATE tickets SET status = 'called', counter_id = $2, called_at = $5, call_count = 1, officer = $6
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
    if (counter.last_request_id === input.requestId) return { ticket: current ? ticketView(current) : null, config };
    if (!counter.open) throw new CentralError('CONFLICT', `Counter ${input.counterId} is closed`, { reason: 'queue.counterClosed' });
    if (current) {
      throw new CentralError('CONFLICT', `Ticket ${current.number} is still at this counter; finish, transfer or mark it no-show first`, {
        reason: 'queue.counterBusy',
        ticketId: current.id,
        number: current.number,
      });
    }
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

async function mine(sql: Sql, officeCode: string, counterId: string, ticketId: string, allowed: readonly string[]): Promise<TicketRow> {
  const rows = await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1 AND office_code = $2 FOR UPDATE`, [
    ticketId,
    officeCode,
  ]);
  const t = rows[0];
  if (!t) throw new CentralError('NOT_FOUND', 'No such ticket in this office', { reason: 'queue.unknownTicket' });
  if (t.counter_id !== counterId || !['called', 'serving'].includes(t.status)) {
    throw new CentralError('CONFLICT', `Ticket ${t.number} is not at counter ${counterId}`, {
      reason: 'queue.notYourTicket',
      status: t.status,
      counterId: t.counter_id,
    });
  }
  if (!allowed.includes(t.status))
    throw new CentralError('CONFLICT', `Ticket ${t.number} is ${t.status}`, { reason: `queue.wrongStatus`, status: t.status });
  return t;
}

export type TicketAction =
  | { kind: 'recall' }
  | { kind: 'noShow' }
  | { kind: 'start' }
  | { kind: 'finish'; outcome: string }
  | { kind: 'transfer'; serviceCode: string };

export interface ActionOptions {
  /** The officer at the counter; an action without one keeps the ticket's officer. */
  officer?: string | undefined;
  published?: Published;
}

/** A ticket reaching a final status is published in the same transaction; the others are not. */
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
    const config = await loadConfig(sql, officeCode);
    const update = async (set: string, params: unknown[], kind: string, data: Record<string, unknown> = {}): Promise<TicketRow> => {
      const officerAt = params.length + 2;
      const rows = await sql.query<TicketRow>(
        `UPDATE tickets SET ${set}, officer = COALESCE($${officerAt}, officer) WHERE id = $1 RETURNING ${TICKET_COLUMNS}`,
        [ticketId, ...params, opts.officer ?? null],
      );
      await queueEvent(sql, rows[0]!, kind, counterId, now, data);
      if (isFinal(rows[0]!.status)) publish(rows[0]!);
      return rows[0]!;
    };
    switch (action.kind) {
      case 'recall': {
        await mine(sql, officeCode, counterId, ticketId, ['called']);
        // The last call counts (Qmatic): called_at moves.
        return { ticket: ticketView(await update('call_count = call_count + 1, called_at = $2', [now], 'recalled')) };
      }
      case 'noShow': {
        const t = await mine(sql, officeCode, counterId, ticketId, ['called']);
        if (t.call_count < config.rules.maxRecalls) {
          throw new CentralError(
            'CONFLICT',
            `Call ${t.number} ${config.rules.maxRecalls} times before marking a no-show (called ${t.call_count})`,
            {
              reason: 'queue.recallFirst',
              callCount: t.call_count,
              required: config.rules.maxRecalls,
            },
          );
        }
        return { ticket: ticketView(await update(`status = 'no_show', finished_at = $2`, [now], 'no_show')) };
      }
      case 'start':
        await mine(sql, officeCode, counterId, ticketId, ['called']);
        return { ticket: ticketView(await update(`status = 'serving', started_at = $2`, [now], 'started')) };
      case 'finish':
        await mine(sql, officeCode, counterId, ticketId, ['serving']);
        return {
          ticket: ticketView(
            await update(`status = 'done', finished_at = $2, outcome = $3`, [now, action.outcome], 'done', { outcome: action.outcome }),
          ),
        };
      case 'transfer': {
        const t = await mine(sql, officeCode, counterId, ticketId, ['called', 'serving']);
        const target = config.services.find((s) => s.code === action.serviceCode && s.active);
        if (!target)
          throw new CentralError('INVALID_FIELD', `Unknown or inactive service ${action.serviceCode}`, {
            fields: { serviceCode: ['service.unknown'] },
          });
        if (target.code === t.service_code)
          throw new CentralError('CONFLICT', 'Transfer to another service', { reason: 'queue.sameService' });
        await update(`status = 'transferred', finished_at = $2`, [now], 'transferred', { to: target.code });
        // The visit continues: same number, the original arrival time, the booking slot kept.
        const rows = await sql.query<TicketRow>(
          `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, applicant_name, origin, created_at, transferred_from)
           VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${TICKET_COLUMNS}`,
          [
            uuidv7(),
            officeCode,
            t.day,
            target.code,
            t.number,
            t.arrived_at,
            t.slot_at,
            t.priority_group,
            t.booking_code,
            t.applicant_name,
            t.origin,
            now,
            t.id,
          ],
        );
        await queueEvent(sql, rows[0]!, 'issued', counterId, now, { transferredFrom: t.id });
        publish(rows[0]!);
        return { ticket: ticketView(rows[0]!) };
      }
    }
  });
}
