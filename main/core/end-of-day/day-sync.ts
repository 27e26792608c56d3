// A business day signed off (or reopened) on another workstation of the office arrives from central as
// entity "business_day" and takes effect here too: core then refuses changes dated in that day, as it
// does after a sign-off made on this desk. Central decides which sign-off counts; this only follows it.
import { z } from 'zod';
import { getClosure, reopenDay } from '@db/queries/end-of-day/end-of-day.js';
import { closeDayElsewhere } from '@db/queries/end-of-day/day-sync.js';
import { getSetting } from '@db/queries/office/settings.js';
import { getUserByUsername } from '@db/queries/access/users.js';
import type { Db } from '@db/connection.js';
import { resendForDay } from '@db/queries/end-of-day/late-changes.js';
import { addDays, startOfBusinessDay } from '@common/domain/shared/working-days.js';

const officeTz = (db: Db): string =>
  (db
    .prepare('SELECT tz FROM offices WHERE code = ?')
    .pluck()
    .get(getSetting(db, 'office_code') ?? '') as string | undefined) ?? 'Asia/Jakarta';
import { keepUnreadable, type LocalApplier } from '../replication/applier.js';

const Closed = z.looseObject({
  status: z.literal('closed'),
  reportHash: z.string().regex(/^[0-9a-f]{64}$/),
  closedAt: z.number().int(),
  closedBy: z.string().nullable().optional(),
});
const Reopened = z.looseObject({
  status: z.literal('reopened'),
  reopenedAt: z.number().int(),
  reopenedBy: z.string().nullable().optional(),
  reopenReason: z.string().min(1),
});
const DayRecord = z.discriminatedUnion('status', [Closed, Reopened]);

function follow(db: Db, date: string, day: z.infer<typeof DayRecord>): void {
  const local = getClosure(db, date);
  if (day.status === 'reopened') {
    if (local?.status === 'closed') reopenDay(db, date, day.reopenedBy ?? 'central', day.reopenReason, day.reopenedAt);
    // What central answered only for this day goes again, with the later ops on the same records.
    const tz = officeTz(db);
    resendForDay(db, startOfBusinessDay(date, tz), startOfBusinessDay(addDays(date, 1), tz));
    return;
  }
  // Our own sign-off coming back, or a second one central answered "already closed": ours stays, report and all.
  if (local?.status === 'closed') return;
  const username = day.closedBy ?? null;
  const user = username ? getUserByUsername(db, username) : undefined;
  closeDayElsewhere(db, {
    business_date: date,
    office_code: getSetting(db, 'office_code') ?? '',
    closed_by: user?.id ?? username ?? 'central',
    closed_by_name: user?.full_name ?? username ?? 'central',
    closed_at: day.closedAt,
    report_hash: day.reportHash,
  });
}

export const businessDayApplier: LocalApplier = {
  entity: 'business_day',
  apply(db, rec, _now, effects) {
    const parsed = DayRecord.safeParse(rec.data);
    if (rec.deleted || !/^\d{4}-\d{2}-\d{2}$/.test(rec.entityId) || !parsed.success)
      return keepUnreadable(db, rec, effects, parsed.success ? [] : parsed.error.issues);
    follow(db, rec.entityId, parsed.data);
  },
};
