// The one guard every write path dated in a business day goes through: a signed-off day is closed
// until an admin reopens it.
import { AppError } from '@common/contract/result.js';
import { getClosure } from '@db/queries/end-of-day/end-of-day.js';
import { todayAt } from '../kernel/office.js';
import type { CallContext } from '../kernel/context.js';

/** Refuses with DAY_CLOSED when `date` (default: today in the office's zone) was signed off. */
export function assertDayOpen(ctx: CallContext, date: string = todayAt(ctx)): void {
  const c = getClosure(ctx.db, date);
  if (!c || c.status !== 'closed') return;
  throw new AppError(
    'DAY_CLOSED',
    `The business day ${date} was closed by ${c.closed_by_name}: no change dated in it is accepted. Ask an admin to reopen the day, with a reason, before changing it.`,
    { code: 'day.closed', date, closedBy: c.closed_by_name, closedAt: c.closed_at },
  );
}
