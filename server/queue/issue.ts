// Issuing tickets at central: walk-ins (priority groups recorded) and check-ins of M-Paspor bookings by
// code or NIK, numbered per office, service and business day (A-001 ...), with daily quotas.
import { v7 as uuidv7 } from 'uuid';
import { businessDate } from '@common/domain/shared/working-days.js';
import type { IssuedTicket, QueueConfig, QueueService } from '@common/contract/queue/central.js';
import type { IssueRequest } from '@common/contract/queue/central.js';
import { formatTicketNumber } from '@common/domain/queue/ticket-number.js';
import { ticketView } from '@common/domain/queue/ticket-row.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { aheadOf, estimateFor } from './estimate.js';
import { TICKET_COLUMNS, loadConfig, type TicketRow } from './rows.js';
import { queueEvent } from './events.js';
import { publishingTx, unpublished, type Published } from './publish.js';

export interface OfficeInfo {
  code: string;
  name: string;
  tz: string;
}

export async function officeInfo(sql: Sql, officeCode: string): Promise<OfficeInfo> {
  const rows = await sql.query<OfficeInfo>('SELECT code, name, tz FROM offices WHERE code = $1', [officeCode]);
  if (!rows[0]) throw new CentralError('NOT_FOUND', `Unknown office ${officeCode}`, { reason: 'office.unknown' });
  return rows[0];
}

interface BookingRow {
  office_code: string;
  code: string;
  service_code: string;
  full_name: string;
  slot_at: number;
  day: string;
  ticket_id: string | null;
}

type Parsed = {
  requestId: string;
  serviceCode?: string | undefined;
  priorityGroup: IssueRequest['priorityGroup'];
  bookingCode?: string | undefined;
  nik?: string | undefined;
  quotaOverride: boolean;
};

async function findBooking(sql: Sql, office: OfficeInfo, input: Parsed, day: string): Promise<BookingRow> {
  const rows = input.bookingCode
    ? await sql.query<BookingRow>(
        'SELECT office_code, code, service_code, full_name, slot_at, day, ticket_id FROM bookings WHERE code = $1 FOR UPDATE',
        [input.bookingCode],
      )
    : await sql.query<BookingRow>(
        'SELECT office_code, code, service_code, full_name, slot_at, day, ticket_id FROM bookings WHERE nik = $1 AND office_code = $2 AND day = $3 ORDER BY slot_at LIMIT 1 FOR UPDATE',
        [input.nik, office.code, day],
      );
  const b = rows[0];
  if (!b)
    throw new CentralError('NOT_FOUND', input.bookingCode ? `No booking ${input.bookingCode}` : 'No booking today for this NIK', {
      reason: 'booking.unknown',
    });
  if (b.office_code !== office.code)
    throw new CentralError('WRONG_OFFICE', `Booking ${b.code} is for another office (${b.office_code})`, {
      reason: 'booking.otherOffice',
      officeCode: b.office_code,
    });
  if (b.day !== day)
    throw new CentralError('CONFLICT', `Booking ${b.code} is for ${b.day}, not today`, { reason: 'booking.otherDay', day: b.day });
  return b;
}

async function takeNumber(sql: Sql, office: OfficeInfo, service: QueueService, day: string, override: boolean): Promise<string> {
  // The upsert locks the (service, day) row: numbering and the quota check are serialised per service.
  const rows = await sql.query<{ last_number: number }>(
    `INSERT INTO queue_numbers (office_code, service_code, day, last_number) VALUES ($1, $2, $3, 1)
     ON CONFLICT (office_code, service_code, day) DO UPDATE SET last_number = queue_numbers.last_number + 1 RETURNING last_number`,
    [office.code, service.code, day],
  );
  const n = rows[0]!.last_number;
  if (service.dailyQuota !== null && n > service.dailyQuota && !override) {
    throw new CentralError(
      'CONFLICT',
      `The daily quota of ${service.nameEn} (${service.dailyQuota}) is used up; a supervisor can let one more in`,
      {
        reason: 'queue.quotaFull',
        quota: service.dailyQuota,
      },
    );
  }
  return formatTicketNumber(service.prefix, n);
}

/** A repeated requestId answers the ticket it issued and publishes nothing again. */
export async function issueTicket(
  store: Store,
  officeCode: string,
  origin: string,
  input: Parsed,
  now: number,
  published: Published = unpublished,
): Promise<IssuedTicket> {
  return publishingTx(store, officeCode, now, published, async (sql, publish) => {
    const office = await officeInfo(sql, officeCode);
    const config = await loadConfig(sql, officeCode);
    const day = businessDate(now, office.tz);
    const existing = await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE office_code = $1 AND request_id = $2`, [
      officeCode,
      input.requestId,
    ]);
    if (existing[0]) return answer(sql, config, existing[0], now);

    let serviceCode = input.serviceCode;
    let slotAt: number | null = null;
    let booking: BookingRow | undefined;
    if (input.bookingCode || input.nik) {
      booking = await findBooking(sql, office, input, day);
      if (booking.ticket_id) {
        const t = await sql.query<TicketRow>(`SELECT ${TICKET_COLUMNS} FROM tickets WHERE id = $1`, [booking.ticket_id]);
        return answer(sql, config, t[0]!, now);
      }
      if (now < booking.slot_at - config.rules.earlyWindowMs) {
        throw new CentralError(
          'CONFLICT',
          `Booking ${booking.code} opens for check-in ${Math.round(config.rules.earlyWindowMs / 60_000)} minutes before its slot`,
          {
            reason: 'booking.tooEarly',
            slotAt: booking.slot_at,
          },
        );
      }
      // Beyond the late limit the applicant joins the walk-in queue (Qmatic): no slot, arrival order.
      slotAt = now > booking.slot_at + config.rules.lateWindowMs ? null : booking.slot_at;
      serviceCode = booking.service_code;
    }
    const service = config.services.find((s) => s.code === serviceCode && s.active);
    if (!service)
      throw new CentralError('INVALID_FIELD', `Unknown or inactive service ${serviceCode ?? '(none)'}`, {
        fields: { serviceCode: ['service.unknown'] },
      });

    const number = await takeNumber(sql, office, service, day, input.quotaOverride);
    const id = uuidv7();
    const rows = await sql.query<TicketRow>(
      `INSERT INTO tickets (id, office_code, day, service_code, number, status, arrived_at, slot_at, priority_group, booking_code, applicant_name, origin, request_id, quota_override, created_at)
       VALUES ($1, $2, $3, $4, $5, 'waiting', $6, $7, $8, $9, $10, $11, $12, $13, $6) RETURNING ${TICKET_COLUMNS}`,
      [
        id,
        officeCode,
        day,
        service.code,
        number,
        now,
        slotAt,
        input.priorityGroup,
        booking?.code ?? null,
        booking?.full_name ?? null,
        origin,
        input.requestId,
        input.quotaOverride,
      ],
    );
    if (booking) await sql.query('UPDATE bookings SET ticket_id = $2 WHERE code = $1', [booking.code, id]);
    await queueEvent(sql, rows[0]!, 'issued', null, now, {
      quotaOverride: input.quotaOverride,
      late: booking !== undefined && slotAt === null,
    });
    publish(rows[0]!);
    return answer(sql, config, rows[0]!, now);
  });
}

async function answer(sql: Sql, config: QueueConfig, t: TicketRow, now: number): Promise<IssuedTicket> {
  const ahead = t.status === 'waiting' ? await aheadOf(sql, t.id, t.office_code, t.day, t.service_code, now, config.rules.agingMs) : 0;
  const estimatedWaitMs = t.status === 'waiting' ? await estimateFor(sql, config, t.office_code, t.day, t.service_code, ahead, now) : 0;
  return { ticket: ticketView(t), ahead, estimatedWaitMs };
}
