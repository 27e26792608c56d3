// M-Paspor bookings at central: an import API, and a generator of realistic demo days (slots every
// 15 minutes from 08:00 to 15:00 office time, valid NIKs, Indonesian names), both idempotent by code.
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { BookingInput } from '../../common/contract/queue-central.js';
import { demoBookings } from '../../common/domain/queue-bookings.js';
import { businessDate } from '../../common/domain/working-days.js';
import { CentralError } from '../http/errors.js';
import type { Store } from '../store/store.js';
import { ensureQueueConfig } from './rows.js';

type Booking = z.output<typeof BookingInput>;

export async function importBookings(store: Store, bookings: readonly Booking[], now: number): Promise<{ imported: number; unchanged: number }> {
  return store.tx(async (sql) => {
    const offices = new Map((await sql.query<{ code: string; tz: string }>('SELECT code, tz FROM offices')).map((o) => [o.code, o.tz]));
    let imported = 0;
    for (const [i, b] of bookings.entries()) {
      const tz = offices.get(b.officeCode);
      if (!tz) throw new CentralError('INVALID_FIELD', `Booking ${b.code}: unknown office ${b.officeCode}`, { fields: { [`bookings.${i}.officeCode`]: ['office.unknown'] } });
      await ensureQueueConfig(sql, b.officeCode);
      const service = await sql.query('SELECT 1 FROM queue_services WHERE office_code = $1 AND code = $2', [b.officeCode, b.serviceCode]);
      if (service.length === 0) throw new CentralError('INVALID_FIELD', `Booking ${b.code}: unknown service ${b.serviceCode}`, { fields: { [`bookings.${i}.serviceCode`]: ['service.unknown'] } });
      const rows = await sql.query(
        `INSERT INTO bookings (office_code, code, service_code, nik, full_name, slot_at, day, imported_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (code) DO NOTHING RETURNING code`,
        [b.officeCode, b.code, b.serviceCode, b.nik, b.fullName, b.slotAt, businessDate(b.slotAt, tz), now],
      );
      imported += rows.length;
    }
    return { imported, unchanged: bookings.length - imported };
  });
}

export async function generateBookings(store: Store, input: { officeCode: string; day: string; count: number; seed: number }, now: number) {
  const tz = (await store.query<{ tz: string }>('SELECT tz FROM offices WHERE code = $1', [input.officeCode]))[0]?.tz;
  if (!tz) throw new CentralError('NOT_FOUND', `Unknown office ${input.officeCode}`, { reason: 'office.unknown' });
  const start = DateTime.fromISO(input.day, { zone: tz });
  if (!start.isValid) throw new CentralError('INVALID_FIELD', 'day must be yyyy-MM-dd', { fields: { day: ['day.invalid'] } });
  const list = demoBookings({ officeCode: input.officeCode, dayStart: start.toMillis(), count: input.count, seed: input.seed });
  const result = await importBookings(store, list, now);
  return { ...result, codes: list.map((b) => b.code) };
}
