// The queue's local mode in SQLite: tickets this counter issued and called while central was out of
// reach. Call order is common's queueOrderSql, the same expression central runs on PostgreSQL.
import type { Db } from '@db/connection.js';
import { queueOrderSql } from '@common/domain/queue/order-sql.js';
import type { TicketChange } from '@common/domain/queue/lifecycle.js';
import type { ViewableTicketRow } from '@common/domain/queue/ticket-row.js';

/** A local-mode ticket: the columns central's tickets have too (common/domain/queue/ticket-row.ts), and its sync state. */
export interface LocalTicketRow extends ViewableTicketRow {
  request_id: string | null;
  version: number;
  synced_version: number;
}

/** Local tickets are viewed like central's: no applicant name kept here, and their origin is this counter's local mode. */
const LOCAL_TICKET = "SELECT *, NULL AS applicant_name, 'local' AS origin FROM queue_local_tickets";

export function takeLocalNumber(db: Db, serviceCode: string, day: string): number {
  const row = db
    .prepare(
      `INSERT INTO queue_local_numbers (service_code, day, last_number) VALUES (?, ?, 1)
       ON CONFLICT (service_code, day) DO UPDATE SET last_number = last_number + 1 RETURNING last_number`,
    )
    .get(serviceCode, day) as { last_number: number };
  return row.last_number;
}

export function insertLocalTicket(
  db: Db,
  t: Omit<
    LocalTicketRow,
    | 'version'
    | 'synced_version'
    | 'counter_id'
    | 'called_at'
    | 'call_count'
    | 'started_at'
    | 'finished_at'
    | 'parked_at'
    | 'outcome'
    | 'officer'
    | 'applicant_name'
    | 'origin'
  >,
): void {
  db.prepare(
    `INSERT INTO queue_local_tickets (id, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, request_id)
     VALUES (@id, @day, @service_code, @number, @status, @arrived_at, @slot_at, @priority_group, @booking_code, @request_id)`,
  ).run(t);
}

export const localTicket = (db: Db, id: string): LocalTicketRow | undefined =>
  db.prepare(`${LOCAL_TICKET} WHERE id = ?`).get(id) as LocalTicketRow | undefined;

export const localTicketByRequest = (db: Db, requestId: string): LocalTicketRow | undefined =>
  db.prepare(`${LOCAL_TICKET} WHERE request_id = ?`).get(requestId) as LocalTicketRow | undefined;

export const localAtCounter = (db: Db, counterId: string): LocalTicketRow | undefined =>
  db
    .prepare(
      `${LOCAL_TICKET} WHERE counter_id = ? AND status IN ('called', 'serving') AND synced_version < version ORDER BY called_at DESC LIMIT 1`,
    )
    .get(counterId) as LocalTicketRow | undefined;

/** Local tickets parked at a counter that central has not taken over yet, longest parked first. */
export const localParkedAt = (db: Db, counterId: string): LocalTicketRow[] =>
  db
    .prepare(`${LOCAL_TICKET} WHERE counter_id = ? AND status = 'parked' AND synced_version < version ORDER BY parked_at, id`)
    .all(counterId) as LocalTicketRow[];

/**
 * The waiting local tickets of a day in call order (services filter optional). Once reconciled a ticket
 * is central's (another counter may have called it), so local mode no longer calls it.
 */
export function localWaiting(db: Db, day: string, now: number, agingMs: number, services?: readonly string[]): LocalTicketRow[] {
  const filter = services ? ` AND service_code IN (SELECT value FROM json_each(?))` : '';
  const args: unknown[] = services ? [day, JSON.stringify(services)] : [day];
  return db
    .prepare(
      `${LOCAL_TICKET} WHERE day = ? AND status = 'waiting' AND synced_version < version${filter} ORDER BY ${queueOrderSql(now, agingMs, 'sqlite')}`,
    )
    .all(...args) as LocalTicketRow[];
}

export function updateLocalTicket(db: Db, id: string, set: TicketChange): LocalTicketRow {
  const keys = Object.keys(set);
  db.prepare(`UPDATE queue_local_tickets SET ${keys.map((k) => `${k} = @${k}`).join(', ')}, version = version + 1 WHERE id = @id`).run({
    ...set,
    id,
  });
  return localTicket(db, id)!;
}

export const unsyncedLocalTickets = (db: Db, limit = 1000): LocalTicketRow[] =>
  db.prepare(`${LOCAL_TICKET} WHERE synced_version < version ORDER BY arrived_at, id LIMIT ?`).all(limit) as LocalTicketRow[];

export function markLocalSynced(db: Db, rows: ReadonlyArray<Pick<LocalTicketRow, 'id' | 'version'>>): void {
  const stmt = db.prepare('UPDATE queue_local_tickets SET synced_version = ? WHERE id = ? AND synced_version < ?');
  for (const r of rows) stmt.run(r.version, r.id, r.version);
}

export const localTicketsOfDay = (db: Db, day: string): LocalTicketRow[] =>
  db.prepare(`${LOCAL_TICKET} WHERE day = ? ORDER BY arrived_at, id`).all(day) as LocalTicketRow[];

export interface LocalBookingRow {
  code: string;
  office_code: string;
  appointment_date: string;
  slot: string;
}

export const bookingByCode = (db: Db, code: string): LocalBookingRow | undefined =>
  db.prepare('SELECT code, office_code, appointment_date, slot FROM bookings WHERE upper(code) = ?').get(code.toUpperCase()) as
    LocalBookingRow | undefined;

export const bookingByNik = (db: Db, nik: string, day: string): LocalBookingRow | undefined =>
  db
    .prepare('SELECT code, office_code, appointment_date, slot FROM bookings WHERE nik = ? AND appointment_date = ? ORDER BY slot LIMIT 1')
    .get(nik, day) as LocalBookingRow | undefined;

export const activeQueueServices = (db: Db): Array<{ code: string; prefix: string; name_id: string; name_en: string }> =>
  db.prepare('SELECT code, prefix, name_id, name_en FROM services WHERE active = 1 ORDER BY prefix, code').all() as Array<{
    code: string;
    prefix: string;
    name_id: string;
    name_en: string;
  }>;

export interface PulledBooking {
  code: string;
  office_code: string;
  nik: string;
  full_name: string;
  birth_date: string;
  sex: 'M' | 'F';
  service_code: string;
  appointment_date: string;
  slot: string;
  booked_at: number;
  pulled_at: number;
  version: number;
}

/** A booking from central: new ones are inserted; one not yet checked in takes central's changes. */
export function upsertPulledBooking(db: Db, b: PulledBooking): void {
  db.prepare(
    `INSERT INTO bookings (code, office_code, nik, full_name, birth_date, sex, service_code, appointment_date, slot, booked_at, source, pulled_at, version)
     VALUES (@code, @office_code, @nik, @full_name, @birth_date, @sex, @service_code, @appointment_date, @slot, @booked_at, 'central', @pulled_at, @version)
     ON CONFLICT (code) DO UPDATE SET nik = excluded.nik, full_name = excluded.full_name, birth_date = excluded.birth_date, sex = excluded.sex,
       service_code = excluded.service_code, appointment_date = excluded.appointment_date, slot = excluded.slot, pulled_at = excluded.pulled_at, version = excluded.version
     WHERE bookings.status = 'booked'`,
  ).run(b);
}

export type DemoBookingRow = Omit<PulledBooking, 'pulled_at' | 'version'>;

/** A practice booking for training mode: marked 'demo' so it is never taken for one from M-Paspor. */
export function insertDemoBooking(db: Db, b: DemoBookingRow): void {
  db.prepare(
    `INSERT OR IGNORE INTO bookings (code, office_code, nik, full_name, birth_date, sex, service_code, appointment_date, slot, booked_at, source)
     VALUES (@code, @office_code, @nik, @full_name, @birth_date, @sex, @service_code, @appointment_date, @slot, @booked_at, 'demo')`,
  ).run(b);
}
