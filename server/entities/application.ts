// Applications on central: created at a counter, changed field by field (merged per field like users),
// and moved through the state machine only by transitions central re-validates against the same table
// the workstation used (common/domain/applications/flow.ts). A transition from a status the record is not
// in, or one the role may not make, is rejected and stays visible to a supervisor with its reason.
import { z } from 'zod';
import { APPLICATION_STATUSES, findTransition, isRefusal, type ApplicationStatus } from '@common/domain/applications/flow.js';
import { ROLES } from '@common/domain/shared/roles.js';
import { created, mergePatch, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

const CreateData = z.looseObject({
  number: z.string().regex(/^[A-Z]{3}-\d{6}-\d{2,3}-\d{4}$/),
  officeCode: z.string().min(1),
  serviceCode: z.string().min(1),
  status: z.literal('checked_in'),
  fullName: z.string().min(1),
  feeTotal: z.number().int().min(0),
});

const TransitionData = z.looseObject({
  transition: z.string().min(1),
  from: z.enum(APPLICATION_STATUSES),
  to: z.enum(APPLICATION_STATUSES),
  role: z.enum(ROLES),
  reason: z.string().nullable().optional(),
});

/** Fields a workstation may change outside transitions; status only moves through transitions. */
const PATCH_OPS = new Set(['applications.update', 'applications.fillFromMrz', 'applications.setInterviewNotes', 'sync.resolve']);
const IMMUTABLE = new Set(['number', 'officeCode', 'businessDate', 'status', 'createdBy', 'createdAt']);

function transition(op: IncomingOp, current: StoredRecord | undefined): Decision {
  const parsed = parseData(TransitionData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
  const t = parsed.value;
  const status = current.data.status as ApplicationStatus;
  if (status !== t.from) return { status: 'rejected', reason: `transition.outOfOrder:${status}` };
  // The role is central's own for the actor (server/sync/authorise.ts), never the one the op claims.
  if (t.role !== op.role) return { status: 'rejected', reason: 'actor.forbidden' };
  const rule = findTransition(status, t.transition, t.role);
  if (isRefusal(rule)) return { status: 'rejected', reason: `transition.${rule.code}` };
  if (rule.to !== t.to) return { status: 'rejected', reason: 'transition.target' };
  if (rule.reason === 'required' && !t.reason) return { status: 'rejected', reason: 'transition.reasonRequired' };
  const version = current.version + 1;
  return {
    status: 'applied',
    next: {
      version,
      data: { ...current.data, status: rule.to, lastTransitionAt: op.createdAt },
      meta: { ...current.meta, status: [version, op.origin], lastTransitionAt: [version, op.origin] },
      deleted: false,
    },
  };
}

export const applicationEntity: EntityDef = {
  entity: 'application',
  flowsDown: true,
  uniqueKeys: ['number'],
  decide(op, current, ctx) {
    if (ctx.dayClosed?.(op.createdAt)) return { status: 'rejected', reason: 'day.closed' };
    if (op.op === 'applications.create') {
      const parsed = parseData(CreateData, op.data);
      if (!parsed.ok) return parsed.decision;
      if (current) return { status: 'rejected', reason: 'exists' };
      const owner = ctx.keyOwner('number', parsed.value.number);
      if (owner !== undefined && owner !== op.entityId) return { status: 'rejected', reason: 'number.taken' };
      const { notify: _notify, ...data } = parsed.value;
      return { status: 'applied', next: created(data, op.origin) };
    }
    if (op.op === 'applications.transition') return transition(op, current);
    if (op.op === 'applications.markDocument') {
      if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
      const { docCode, state } = op.data as { docCode?: unknown; state?: unknown };
      if (typeof docCode !== 'string' || !['pending', 'present', 'missing'].includes(String(state)))
        return { status: 'rejected', reason: 'data.invalid:docCode,state' };
      return mergePatch(current, { [`document.${docCode}`]: state }, op);
    }
    if (PATCH_OPS.has(op.op)) {
      if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
      const patch =
        op.op === 'sync.resolve' && op.data.fields && typeof op.data.fields === 'object'
          ? (op.data.fields as Record<string, unknown>)
          : op.data;
      const touched = Object.keys(patch).filter((k) => IMMUTABLE.has(k));
      if (touched.length > 0) return { status: 'rejected', reason: `immutable:${touched.join(',')}` };
      return mergePatch(current, patch, op);
    }
    return { status: 'applied' };
  },
};
