// An office's business day on central: the supervisor's sign-off closes it, an admin's reopen (with a
// reason) opens it again. While it is closed, application and payment ops dated in it are refused
// ('day.closed'), so no workstation can change money or files of a day already signed for. A sign-off
// does not undo what central applied before it arrived: the report it signs is the workstation's.
import { z } from 'zod';
import { created, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

export const BUSINESS_DAY_ENTITY = 'business_day';

const IsoDate = /^\d{4}-\d{2}-\d{2}$/;
const SignOffData = z.looseObject({ reportHash: z.string().min(1) });
const ReopenData = z.looseObject({ reason: z.string().trim().min(1) });

// Building a formatter costs far more than using one: a push asks this for every op it holds.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** The office's calendar date of an instant, in the office's own zone (WIB, WITA or WIT). */
export function businessDateOf(at: number, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, f);
  }
  return f.format(at);
}

export const isClosedDay = (r: StoredRecord | undefined): boolean => r !== undefined && !r.deleted && r.data.status === 'closed';

function transition(current: StoredRecord, fields: Record<string, unknown>, origin: string): StoredRecord {
  const version = current.version + 1;
  const meta = { ...current.meta, ...Object.fromEntries(Object.keys(fields).map((k) => [k, [version, origin] as [number, string]])) };
  return { version, data: { ...current.data, ...fields }, meta, deleted: false };
}

/** The sign-off's figures as its op states them (totals, discrepancies, acknowledged desks): kept, never trusted for money. */
function figuresOf(data: Record<string, unknown>): Record<string, unknown> {
  const keep = ['total', 'discrepancies', 'applications', 'desks', 'acknowledged', 'supersedes'];
  return Object.fromEntries(keep.filter((k) => data[k] !== undefined).map((k) => [k, data[k]]));
}

function signOff(op: IncomingOp, current: StoredRecord | undefined): Decision {
  if (op.role !== 'supervisor' && op.role !== 'admin') return { status: 'rejected', reason: 'role.forbidden' };
  const parsed = parseData(SignOffData, op.data);
  if (!parsed.ok) return parsed.decision;
  // A second workstation of the office signing the same day adds nothing: the day is already closed.
  if (isClosedDay(current)) return { status: 'applied' };
  // Every sign-off of the day is kept with its figures: a day signed again (a late change accepted) keeps the first.
  const earlier = Array.isArray(current?.data.signoffs) ? (current.data.signoffs as unknown[]) : [];
  const signoff = {
    reportHash: parsed.value.reportHash,
    closedAt: op.createdAt,
    closedBy: op.actor ?? null,
    figures: figuresOf(op.data),
  };
  const fields = {
    date: op.entityId,
    status: 'closed',
    reportHash: parsed.value.reportHash,
    closedAt: op.createdAt,
    closedBy: op.actor ?? null,
    reopenReason: null,
    signoffs: [...earlier, signoff],
  };
  return { status: 'applied', next: current ? transition(current, fields, op.origin) : created(fields, op.origin) };
}

function reopen(op: IncomingOp, current: StoredRecord | undefined): Decision {
  if (op.role !== 'admin') return { status: 'rejected', reason: 'role.forbidden' };
  const parsed = parseData(ReopenData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (!current || !isClosedDay(current)) return { status: 'rejected', reason: 'day.notClosed' };
  return {
    status: 'applied',
    next: transition(
      current,
      { status: 'reopened', reopenedAt: op.createdAt, reopenedBy: op.actor ?? null, reopenReason: parsed.value.reason },
      op.origin,
    ),
  };
}

export const businessDayEntity: EntityDef = {
  entity: BUSINESS_DAY_ENTITY,
  flowsDown: true,
  uniqueKeys: [],
  decide(op, current) {
    if (!IsoDate.test(op.entityId)) return { status: 'rejected', reason: 'data.invalid:date' };
    if (op.op === 'endOfDay.signOff') return signOff(op, current);
    if (op.op === 'endOfDay.reopen') return reopen(op, current);
    // Notes on discrepancies are the report's, kept as a journal; a closed day's notes are frozen.
    if (isClosedDay(current)) return { status: 'rejected', reason: 'day.closed' };
    return { status: 'applied' };
  },
};
