// End of day at the supervisor desk: the report of one business day (office time zone), notes on its
// discrepancies, the sign-off that closes the day and the admin's reopening. A closed day answers the
// report as it was signed, with the hash the PDF carries.
import { createHash } from 'node:crypto';
import { AppError } from '@common/contract/result.js';
import type { EndOfDayReportView } from '@common/contract/end-of-day.js';
import { buildMoneyReport, unresolved } from '@common/domain/end-of-day/report.js';
import { tallyTickets } from '@common/domain/end-of-day/tickets.js';
import { addDays, startOfBusinessDay } from '@common/domain/shared/working-days.js';
import {
  closeDay,
  dayApplications,
  dayNotes,
  dayPayments,
  dayTicketCounts,
  getClosure,
  outboxCounts,
  receiptPrintsBetween,
  receiptVoidsBetween,
  receiptsByDesk,
  rejectedOps,
  reopenDay,
  serviceNames,
  upsertNote,
  type DayClosureRow,
  type ReceiptEventRow,
} from '@db/queries/end-of-day/end-of-day.js';
import { notUploadedCaptures } from '@db/queries/biometrics/biometrics.js';
import { clearLoginFailures } from '@db/queries/access/login-failures.js';
import { getUserByUsername } from '@db/queries/access/users.js';
import { dayLateChanges, daySignoffs, recordSignoff } from '@db/queries/end-of-day/late-changes.js';
import { getSyncState } from '@db/queries/sync/sync.js';
import type { Money } from '@common/domain/end-of-day/report.js';
import { signedIn } from '../access/auth.js';
import { officeContext, todayAt } from '../kernel/office.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { checkCredentials } from '../access/credentials.js';
import { deskNamer, desksBehind, officeBlockers, officeOutboxFor, type OfficeOutbox } from './office-desks.js';
import { lateView } from './late-view.js';

/** The entity of end of day's own ops: they never block a sign-off, they are the sign-off. */
export const EOD_ENTITY = 'business_day';

const receiptEvent = (r: ReceiptEventRow) => ({
  at: r.at,
  applicationNumber: r.application_number,
  kind: r.kind,
  copyNo: r.copy_no,
  reason: r.reason,
  username: r.username,
});

function reasonOf(result: string | null): string | null {
  if (!result) return null;
  try {
    const r = JSON.parse(result) as { reason?: unknown; message?: unknown };
    return String(r.reason ?? r.message ?? result);
  } catch {
    return result;
  }
}

/** Today's (or an earlier day's) figures as they stand now on this workstation. */
function computeReport(ctx: CallContext, date: string, desks: OfficeOutbox): EndOfDayReportView {
  const office = officeContext(ctx);
  const from = startOfBusinessDay(date, office.tz);
  const to = startOfBusinessDay(addDays(date, 1), office.tz);
  // Every desk's applications are here (this desk's own, the others' by pull): each is counted under the desk that took it.
  const desk = deskNamer(ctx.core.setting('workstation_name') ?? 'unconfigured', getSyncState(ctx.db, 'workstation_id') ?? null, desks);
  const money = buildMoneyReport(
    dayApplications(ctx.db, office.code, date),
    dayPayments(ctx.db, office.code, date),
    dayNotes(ctx.db, date),
    (c) => c,
    (a) => desk(a.origin_workstation_id ?? null),
  );
  const prints = receiptPrintsBetween(ctx.db, from, to);
  const counts = outboxCounts(ctx.db, EOD_ENTITY);
  const tally = tallyTickets(dayTicketCounts(ctx.db, date));
  // Tickets carry the username central saw; the report shows the person.
  const tickets = {
    ...tally,
    byOfficer: tally.byOfficer.map((g) => ({
      ...g,
      name: g.officer === null ? null : (getUserByUsername(ctx.db, g.officer)?.full_name ?? null),
    })),
  };
  const codes = [
    ...money.byService.map((g) => g.key),
    ...money.discrepancies.map((d) => d.serviceCode),
    ...tickets.byService.map((g) => g.serviceCode),
  ];
  return {
    date,
    officeCode: office.code,
    officeName: office.name,
    tz: office.tz,
    workstation: ctx.core.setting('workstation_name') ?? 'unconfigured',
    generatedAt: ctx.now,
    ...money,
    receipts: {
      printed: prints.filter((p) => p.copy_no === 1).length,
      reprinted: prints.filter((p) => p.copy_no > 1).map(receiptEvent),
      voided: receiptVoidsBetween(ctx.db, from, to).map(receiptEvent),
      byDesk: receiptsByDesk(ctx.db, from, to)
        .map((r) => {
          const d = desk(r.origin);
          return { workstationId: d.key, workstation: d.label, issued: r.issued, voided: r.voided };
        })
        .sort((a, b) => a.workstation.localeCompare(b.workstation)),
    },
    sync: {
      unsynced: counts.unsynced,
      conflicts: counts.conflicts,
      rejected: rejectedOps(ctx.db).map((o) => ({
        deviceSeq: o.device_seq,
        entity: o.entity,
        entityId: o.entity_id,
        op: o.op,
        status: o.status,
        reason: reasonOf(o.result),
        createdAt: o.created_at,
      })),
      capturesNotUploaded: notUploadedCaptures(ctx.db, to).map((c) => ({
        applicationId: c.application_id,
        applicationNumber: c.application_number,
        modality: c.modality,
        images: c.images,
        capturedAt: c.first_at,
      })),
    },
    tickets,
    serviceNames: serviceNames(ctx.db, codes).map((s) => ({ code: s.code, nameId: s.name_id, nameEn: s.name_en })),
    office: desks,
    lateChanges: dayLateChanges(ctx.db, date).map(lateView),
    acknowledged: null,
    earlierSignoffs: [],
    closure: null,
    blockers: [],
  };
}

/** The sign-offs of the day before the newest, with the total each one signed. */
function earlierSignoffs(ctx: CallContext, date: string): EndOfDayReportView['earlierSignoffs'] {
  const all = daySignoffs(ctx.db, date);
  return all.slice(0, -1).map((s) => ({
    n: s.n,
    signedBy: s.signed_by_name,
    signedAt: s.signed_at,
    reportHash: s.report_hash,
    total: (JSON.parse(s.report) as { total: { money: Money } }).total.money,
  }));
}

/** The signed content: what the hash covers (not when it was looked at, nor its closure state). */
export function contentHash(r: EndOfDayReportView): string {
  // Late changes and earlier sign-offs are the day's history after the signature, not what was signed.
  const { generatedAt: _g, closure: _c, blockers: _b, lateChanges: _l, earlierSignoffs: _e, ...content } = r;
  return createHash('sha256').update(JSON.stringify(content)).digest('hex');
}

function withClosure(report: EndOfDayReportView, c: DayClosureRow | undefined): EndOfDayReportView {
  if (!c) return report;
  return {
    ...report,
    closure: {
      status: c.status,
      closedBy: c.closed_by_name,
      closedAt: c.closed_at,
      reportHash: c.report_hash,
      reopenedBy: c.reopened_by,
      reopenReason: c.reopen_reason,
    },
  };
}

/**
 * The report a caller sees: the signed one for a closed day, the live one otherwise, with its blockers.
 * `office` is what central said of the other desks just now (the caller asks it, see office-desks.ts).
 */
export function reportFor(ctx: CallContext, date: string, office: OfficeOutbox): EndOfDayReportView {
  assertNotFuture(ctx, date);
  const c = getClosure(ctx.db, date);
  // Signed on this desk: the report as signed. Signed on another desk (report NULL): this desk's own figures under that signature.
  const history = { lateChanges: dayLateChanges(ctx.db, date).map(lateView), earlierSignoffs: earlierSignoffs(ctx, date) };
  if (c?.status === 'closed') {
    const signed = c.report === null ? computeReport(ctx, date, office) : (JSON.parse(c.report) as EndOfDayReportView);
    return { ...withClosure(signed, c), ...history, blockers: ['eod.closed'] };
  }
  const r = { ...withClosure(computeReport(ctx, date, office), c), ...history };
  const blockers: string[] = [];
  if (unresolved(r.discrepancies).length) blockers.push('eod.unresolved');
  if (r.sync.unsynced > 0 || r.sync.conflicts > 0) blockers.push('eod.unsynced');
  return { ...r, blockers: [...blockers, ...officeBlockers(office)] };
}

/** The report with the office asked of central first (reads and exports). */
export const currentReport = async (ctx: CallContext, date: string): Promise<EndOfDayReportView> => {
  assertNotFuture(ctx, date);
  return reportFor(ctx, date, await officeOutboxFor(ctx, date));
};

function assertNotFuture(ctx: CallContext, date: string): void {
  if (date > todayAt(ctx))
    throw new AppError('VALIDATION', `${date} has not happened yet in this office`, { fields: { date: ['date.future'] } });
}

/** What a sign-off requires (also before the re-sign after an accepted late change, late.ts). */
export function assertSignable(_ctx: CallContext, r: EndOfDayReportView, acknowledge?: string): void {
  if (r.closure?.status === 'closed')
    throw new AppError('DAY_CLOSED', `The business day ${r.date} is already closed`, { code: 'day.closed', date: r.date });
  const open = unresolved(r.discrepancies);
  if (open.length) {
    throw new AppError(
      'CONFLICT',
      `${open.length} discrepancies have no note yet: write a note on each one (what happened, what was done) before signing off`,
      {
        code: 'eod.unresolved',
        keys: open.map((d) => d.key),
      },
    );
  }
  const pending = r.sync.unsynced;
  if (pending > 0 || r.sync.conflicts > 0) {
    throw new AppError(
      'CONFLICT',
      `This workstation still holds ${pending} unsynced changes and ${r.sync.conflicts} unresolved conflicts: connect to central and sync (resolve conflicts) first, then sign off`,
      {
        code: 'eod.unsynced',
        unsynced: pending,
        conflicts: r.sync.conflicts,
      },
    );
  }
  if (r.office.status === 'offline') {
    throw new AppError(
      'CONFLICT',
      'Central cannot be reached, so the other workstations of the office cannot be checked for unsent changes: connect to central and try again',
      {
        code: 'eod.officeUnknown',
      },
    );
  }
  const behind = desksBehind(r.office);
  if (behind.length > 0 && !acknowledge) {
    throw new AppError(
      'CONFLICT',
      `${behind.map((w) => `${w.name} (${w.pending} unsent, ${w.conflicts} conflicts${w.unreported ? ', not reported since its last work' : ''})`).join(', ')} may still hold changes central has not seen: let them sync first, or sign off with an acknowledgement and its reason`,
      {
        code: 'eod.officeUnsynced',
        workstations: behind.map((w) => ({ name: w.name, pending: w.pending, conflicts: w.conflicts, unreported: w.unreported })),
      },
    );
  }
}

/**
 * Signs the report as it stands: the day closes here with the report kept (each sign-off of the day too),
 * and its op tells central, which keeps every sign-off's hash and figures. `acknowledge` names the desks
 * signed without, with the supervisor's reason.
 */
export function signReport(
  ctx: CallContext,
  user: { id: string; username: string; full_name: string },
  r: EndOfDayReportView,
  acknowledge?: string,
): void {
  const behind = desksBehind(r.office);
  const acknowledged =
    behind.length > 0 && acknowledge
      ? {
          reason: acknowledge,
          by: user.full_name,
          workstations: behind.map((w) => ({
            id: w.id,
            name: w.name,
            pending: w.pending,
            conflicts: w.conflicts,
            reportedAt: w.reportedAt,
          })),
        }
      : null;
  const signed: EndOfDayReportView = { ...r, acknowledged, lateChanges: [], earlierSignoffs: [], closure: null, blockers: [] };
  const hash = contentHash(signed);
  const previous = getClosure(ctx.db, r.date);
  write(ctx, 'endOfDay.signOff', (db) => {
    closeDay(db, {
      business_date: r.date,
      office_code: r.officeCode,
      closed_by: user.id,
      closed_by_name: user.full_name,
      closed_at: ctx.now,
      report_hash: hash,
      report: JSON.stringify(signed),
    });
    recordSignoff(db, {
      business_date: r.date,
      signed_by: user.id,
      signed_by_name: user.full_name,
      signed_at: ctx.now,
      report_hash: hash,
      report: JSON.stringify(signed),
    });
    clearLoginFailures(db, user.username);
    return {
      change: {
        entity: EOD_ENTITY,
        entityId: r.date,
        summary: {
          date: r.date,
          reportHash: hash,
          discrepancies: r.discrepancies.length,
          applications: r.total.applications,
          total: r.total.money,
          desks: r.byDesk.map((g) => ({ id: g.key, name: g.label, applications: g.applications, money: g.money })),
          acknowledged: acknowledged && { reason: acknowledged.reason, workstations: acknowledged.workstations.map((w) => w.name) },
          supersedes: previous?.report_hash ?? null,
        },
      },
    };
  });
}

export const endOfDayHandlers = {
  'endOfDay.report': (ctx, input) => {
    signedIn(ctx);
    return currentReport(ctx, input.date ?? todayAt(ctx));
  },

  'endOfDay.note': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const office = await officeOutboxFor(ctx, input.date);
    const r = reportFor(ctx, input.date, office);
    if (r.closure?.status === 'closed')
      throw new AppError('DAY_CLOSED', `The business day ${input.date} is closed: ask an admin to reopen it before changing its notes`, {
        code: 'day.closed',
        date: input.date,
      });
    const d = r.discrepancies.find((x) => x.key === input.key);
    if (!d) throw new AppError('NOT_FOUND', `No discrepancy ${input.key} on ${input.date}`, { code: 'eod.noDiscrepancy' });
    write(ctx, 'endOfDay.note', (db) => {
      upsertNote(db, {
        business_date: input.date,
        discrepancy_key: input.key,
        note: input.note,
        user_id: user.id,
        username: user.username,
        at: ctx.now,
      });
      return {
        change: {
          entity: EOD_ENTITY,
          entityId: input.date,
          summary: { key: input.key, applicationId: d.applicationId, note: input.note, replaced: d.note },
        },
      };
    });
    return reportFor(ctx, input.date, office);
  },

  'endOfDay.signOff': async (ctx, input) => {
    const { user } = signedIn(ctx);
    assertSignable(ctx, await currentReport(ctx, input.date), input.acknowledge);
    // Fresh authentication: the sign-off is the supervisor's signature under the day's money.
    await checkCredentials(ctx, user.username, input.password, 'endOfDay.signOff');
    // Asked again: a desk may have fallen behind while the password was typed.
    const office = await officeOutboxFor(ctx, input.date);
    const r = reportFor(ctx, input.date, office);
    assertSignable(ctx, r, input.acknowledge);
    signReport(ctx, user, r, input.acknowledge);
    return reportFor(ctx, input.date, office);
  },

  'endOfDay.reopen': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const c = getClosure(ctx.db, input.date);
    if (c?.status !== 'closed') throw new AppError('CONFLICT', `The business day ${input.date} is not closed`, { code: 'day.notClosed' });
    await checkCredentials(ctx, user.username, input.password, 'endOfDay.reopen');
    write(ctx, 'endOfDay.reopen', (db) => {
      reopenDay(db, input.date, user.username, input.reason, ctx.now);
      clearLoginFailures(db, user.username);
      return {
        change: {
          entity: EOD_ENTITY,
          entityId: input.date,
          baseVersion: c.version,
          summary: { date: input.date, reason: input.reason, signedHash: c.report_hash },
        },
      };
    });
    return currentReport(ctx, input.date);
  },
} satisfies Partial<Handlers>;
