// When an office's business day is over, tickets still in its queue (never called, or left at a counter
// without a finish) are closed as cancelled with the outcome `day.ended`, and published: the workstations'
// end of day and analytics then see the day as finished instead of tickets waiting forever.
import { businessDate } from '@common/domain/shared/working-days.js';
import type { Store } from '../store/store.js';
import { queueEvent } from './events.js';
import { publishingTx, type Published } from './publish.js';
import { TICKET_COLUMNS, type TicketRow } from './rows.js';

export const DAY_ENDED = 'day.ended';

/** Closes every office's open tickets of days before its today (office time zone); returns how many. */
export async function closePastDays(store: Store, now: number, published: Published): Promise<number> {
  const offices = await store.query<{ code: string; tz: string }>('SELECT code, tz FROM offices ORDER BY code');
  let closed = 0;
  for (const o of offices) {
    closed += await publishingTx(store, o.code, now, published, async (sql, publish) => {
      const rows = await sql.query<TicketRow>(
        `UPDATE tickets SET status = 'cancelled', finished_at = $3, outcome = '${DAY_ENDED}', parked_at = NULL
         WHERE office_code = $1 AND day < $2 AND status IN ('waiting', 'called', 'serving', 'parked') RETURNING ${TICKET_COLUMNS}`,
        [o.code, businessDate(now, o.tz), now],
      );
      for (const t of rows) await queueEvent(sql, t, 'day_ended', null, now);
      publish(...rows);
      return rows.length;
    });
  }
  return closed;
}
