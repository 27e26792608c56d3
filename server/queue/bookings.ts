// M-Paspor bookings at central: an import API, and a generator of realistic demo days (slots every
// 15 minutes from 08:00 to 15:00 office time, valid NIKs, Indonesian names), both idempotent by code.
// Each new booking is also published to its office's change feed (entity "booking"), so it reaches the
// workstations by the ordinary pull.
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { BookingInput, BookingRecord } from '@common/contract/queue/central.js';
import { checkNik } from '@common/domain/applications/nik.js';
import { demoBookings } from '@common/domain/queue/bookings.js';
import { businessDate } from '@common/domain/shared/working-days.js';
import { created } from '../entities/kinds.js';
import { CentralError } from '../http/errors.js';
import type { Sql, Store } from '../store/store.js';
import { allocateSeqs, lockOffice, writeRecords, type RecordWrite } from '../sync/persist.js';
import type { Published } from './publish.js';
import { ensureQueueConfig } from './rows.js';

type Booking = z.output<typeof BookingInput>;

function record(b: Booking, tz: string, now: number): BookingRecord {
  const nik = checkNik(b.nik);
  const slot = DateTime.fromMillis(b.slotAt, { zone: tz });
  return {
    code: b.code,
    officeCode: b.officeCode,
    nik: b.nik,
    fullName: b.fullName,
    birthDate: nik.birthDate ?? '',
    sex: nik.parts?.sex ?? 'M',
    serviceCode: b.serviceCode,
    applicationService: b.applicationService,
    appointmentDate: slot.toISODate()!,
    slot: slot.toFormat('HH:mm'),
    slotAt: b.slotAt,
    bookedAt: now,
  };
}

async function publish(sql: Sql, officeCode: string, records: readonly BookingRecord[], now: number): Promise<number> {
  if (records.length === 0 || !(await lockOffice(sql, officeCode))) return 0;
  const first = await allocateSeqs(sql, officeCode, records.length);
  const writes: RecordWrite[] = records.map((r, i) => ({
    entity: 'booking',
    entityId: r.code,
    state: created({ ...r }, 'central'),
    seq: first + i,
    opId: null,
    origin: 'central',
  }));
  await writeRecords(sql, officeCode, writes, now);
  return first + records.length - 1;
}

export async function importBookings(
  store: Store,
  bookings: readonly Booking[],
  now: number,
  published: Published = () => undefined,
): Promise<{ imported: number; unchanged: number }> {
  const feeds = new Map<string, number>();
  const result = await store.tx(async (sql) => {
    const offices = new Map((await sql.query<{ code: string; tz: string }>('SELECT code, tz FROM offices')).map((o) => [o.code, o.tz]));
    const fresh = new Map<string, BookingRecord[]>();
    for (const [i, b] of bookings.entries()) {
      const tz = offices.get(b.officeCode);
      if (!tz)
        throw new CentralError('INVALID_FIELD', `Booking ${b.code}: unknown office ${b.officeCode}`, {
          fields: { [`bookings.${i}.officeCode`]: ['office.unknown'] },
        });
      if (!checkNik(b.nik).valid)
        throw new CentralError('INVALID_FIELD', `Booking ${b.code}: the NIK is not a valid NIK`, {
          fields: { [`bookings.${i}.nik`]: ['nik.invalid'] },
        });
      await ensureQueueConfig(sql, b.officeCode);
      const service = await sql.query('SELECT 1 FROM queue_services WHERE office_code = $1 AND code = $2', [b.officeCode, b.serviceCode]);
      if (service.length === 0)
        throw new CentralError('INVALID_FIELD', `Booking ${b.code}: unknown service ${b.serviceCode}`, {
          fields: { [`bookings.${i}.serviceCode`]: ['service.unknown'] },
        });
      const rows = await sql.query(
        `INSERT INTO bookings (office_code, code, service_code, nik, full_name, slot_at, day, application_service, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [b.officeCode, b.code, b.serviceCode, b.nik, b.fullName, b.slotAt, businessDate(b.slotAt, tz), b.applicationService, now],
      );
      if (rows.length > 0) {
        const list = fresh.get(b.officeCode) ?? [];
        list.push(record(b, tz, now));
        fresh.set(b.officeCode, list);
      }
    }
    let imported = 0;
    // Offices in a fixed order: two imports never lock two office feeds in opposite orders.
    for (const office of [...fresh.keys()].sort()) {
      const list = fresh.get(office)!;
      feeds.set(office, await publish(sql, office, list, now));
      imported += list.length;
    }
    return { imported, unchanged: bookings.length - imported };
  });
  for (const [office, last] of feeds) if (last > 0) published(office, last);
  return result;
}

export async function generateBookings(
  store: Store,
  input: { officeCode: string; day: string; count: number; seed: number },
  now: number,
  published?: Published,
) {
  const tz = (await store.query<{ tz: string }>('SELECT tz FROM offices WHERE code = $1', [input.officeCode]))[0]?.tz;
  if (!tz) throw new CentralError('NOT_FOUND', `Unknown office ${input.officeCode}`, { reason: 'office.unknown' });
  const start = DateTime.fromISO(input.day, { zone: tz });
  if (!start.isValid) throw new CentralError('INVALID_FIELD', 'day must be yyyy-MM-dd', { fields: { day: ['day.invalid'] } });
  const list = demoBookings({ officeCode: input.officeCode, dayStart: start.toMillis(), count: input.count, seed: input.seed });
  const result = await importBookings(store, list, now, published);
  return { ...result, codes: list.map((b) => b.code) };
}
