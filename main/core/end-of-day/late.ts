// The supervisor decides the office's late changes (ops that reached central after their day was signed
// off). Accepting one is an op central acts on at once: it reopens the day and applies the change; this
// desk then signs the day again with the new figures, the first report kept beside the new one. Returning
// one sends the supervisor's reason to the desk that made it. Both need central now: a decision that waited
// in the outbox would leave the day's report signed under figures nobody has seen.
import { AppError } from '@common/contract/result.js';
import { LATE_ACTIONS, LATE_ENTITY } from '@common/central/late-change.js';
import { getClosure } from '@db/queries/end-of-day/end-of-day.js';
import { getLateChange, type LateChangeRow } from '@db/queries/end-of-day/late-changes.js';
import { signedIn } from '../access/auth.js';
import { checkCredentials } from '../access/credentials.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { assertSignable, reportFor, signReport } from './handlers.js';
import { officeOutboxFor } from './office-desks.js';

function heldChange(ctx: CallContext, date: string, opId: string): LateChangeRow {
  const l = getLateChange(ctx.db, opId);
  if (!l || l.business_date !== date) throw new AppError('NOT_FOUND', `No late change ${opId} on ${date}`, { reason: 'late.notFound' });
  if (l.status !== 'held')
    throw new AppError('CONFLICT', `The late change ${opId} was already decided (${l.status})`, {
      reason: 'late.decided',
      status: l.status,
    });
  return l;
}

/** Central must answer the decision now: asked first, and the decision pushed and its outcome pulled at once. */
async function reachCentral(ctx: CallContext, date: string) {
  const port = ctx.core.ports.sync;
  const office = await officeOutboxFor(ctx, date);
  if (!port || office.status !== 'checked')
    throw new AppError('OFFLINE', 'Central cannot be reached: a late change is decided with central', { reason: 'eod.officeUnknown' });
  return port;
}

export const lateChangeHandlers = {
  'endOfDay.acceptLate': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const late = heldChange(ctx, input.date, input.opId);
    const port = await reachCentral(ctx, input.date);
    // The same fresh signature a sign-off takes: accepting re-signs the day.
    await checkCredentials(ctx, user.username, input.password, 'endOfDay.signOff');
    const before = getClosure(ctx.db, input.date);
    write(ctx, LATE_ACTIONS.accept, () => ({
      change: {
        entity: LATE_ENTITY,
        entityId: late.op_id,
        summary: {
          date: input.date,
          opId: late.op_id,
          workstation: late.workstation,
          op: late.op,
          signedHash: before?.report_hash ?? null,
        },
      },
    }));
    await port.syncNow();
    const decided = getLateChange(ctx.db, late.op_id);
    if (decided?.status === 'held')
      throw new AppError('OFFLINE', 'Central has not answered the acceptance yet: it is sent with the next sync', {
        reason: 'late.undecided',
      });
    // Signed again when it can be (the day's checks as before, desks acknowledged before stay acknowledged);
    // otherwise the day stays reopened and the report says what still stands in the way.
    const office = await officeOutboxFor(ctx, input.date);
    const r = reportFor(ctx, input.date, office);
    if (r.closure?.status === 'reopened') {
      const earlier = before?.report ? (JSON.parse(before.report) as { acknowledged?: { reason: string } | null }).acknowledged : null;
      try {
        assertSignable(ctx, r, earlier?.reason);
      } catch (err) {
        if (err instanceof AppError) return r;
        throw err;
      }
      signReport(ctx, user, r, earlier?.reason);
      await port.syncNow();
    }
    return reportFor(ctx, input.date, office);
  },

  'endOfDay.returnLate': async (ctx, input) => {
    signedIn(ctx);
    const late = heldChange(ctx, input.date, input.opId);
    const port = await reachCentral(ctx, input.date);
    write(ctx, LATE_ACTIONS.return, () => ({
      change: {
        entity: LATE_ENTITY,
        entityId: late.op_id,
        summary: { date: input.date, opId: late.op_id, workstation: late.workstation, op: late.op, reason: input.reason },
      },
    }));
    await port.syncNow();
    return reportFor(ctx, input.date, await officeOutboxFor(ctx, input.date));
  },
} satisfies Partial<Handlers>;
