// The one search box and the hand-over lookup. Each kind is an index lookup (see the bench).
import { AppError } from '@common/contract/result.js';
import { applicationNumberIn } from '@common/domain/applications/number.js';
import { classifyQuery, nameTokens, type SearchKind } from '@common/domain/applications/search-query.js';
import type { Db } from '@db/connection.js';
import { getApplicationByNumber, listByBusinessDate } from '@db/queries/applications/applications.js';
import { byBookingCode, byNamePrefix, byNik, byNumber, byPassport, type SearchRow } from '@db/queries/applications/applications-search.js';
import { todayAt } from '../kernel/office.js';
import type { Handlers } from '../kernel/context.js';
import { toApplicationView, toSummary } from './views.js';
import { guardState } from './guards.js';
import { signedIn } from '../access/auth.js';

export function searchRows(db: Db, query: string, limit: number): { kinds: SearchKind[]; rows: SearchRow[] } {
  const { kinds, value } = classifyQuery(query);
  const seen = new Set<string>();
  const rows: SearchRow[] = [];
  for (const kind of kinds) {
    const found =
      kind === 'number'
        ? byNumber(db, value)
        : kind === 'booking'
          ? byBookingCode(db, value, limit)
          : kind === 'nik'
            ? byNik(db, value, limit)
            : kind === 'passport'
              ? byPassport(db, value, limit)
              : byNamePrefix(db, nameTokens(value), limit);
    for (const r of found) {
      if (seen.has(r.id) || rows.length >= limit) continue;
      seen.add(r.id);
      rows.push(r);
    }
  }
  return { kinds, rows };
}

/** What a scanner sends from the receipt: the bare number, or a QR payload that contains it, in this desk's mode. */
export const numberFromScan = (code: string, training = false): string | null => applicationNumberIn(code, training);

export const applicationsSearchHandlers = {
  'applications.search': (ctx, input) => {
    const { kinds, rows } = searchRows(ctx.db, input.query, input.limit);
    return { kinds, results: rows.map((r) => toSummary(ctx.db, r)) };
  },

  'applications.worklist': (ctx, input) => listByBusinessDate(ctx.db, input.date ?? todayAt(ctx)).map((r) => toSummary(ctx.db, r)),

  'applications.findForHandOver': (ctx, input) => {
    const { user } = signedIn(ctx);
    const number = numberFromScan(input.code, ctx.core.training);
    if (!number) throw new AppError('VALIDATION', 'Not an application number', { fields: { code: ['number.format'] } });
    const a = getApplicationByNumber(ctx.db, number);
    if (!a) throw new AppError('NOT_FOUND', `No application ${number}`);
    return toApplicationView(ctx.db, a, user.role, ctx.now, guardState(ctx, a));
  },
} satisfies Partial<Handlers>;
