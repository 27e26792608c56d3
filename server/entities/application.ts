// Applications on central: created at a counter, changed field by field (merged per field like users),
// and moved through the state machine only by transitions central re-validates against the same table
// the workstation used (common/domain/applications/flow.ts). A transition from a status the record is not
// in, or one the role may not make, is rejected and stays visible to a supervisor with its reason.
// The record flows down to every desk of the office, so it carries what another desk needs to hold and
// decide on the application: its history of transitions, who processed it (four-eyes), the times of its
// milestones and the desk that made it; central writes these itself, from the op's verified actor.
import {
  ApplicationCreateData,
  ApplicationPatchData,
  CaptureStateData,
  type CaptureStates,
  DOCUMENT_FIELD,
  DocumentData,
  TransitionData,
  type TransitionEntry,
} from '@common/central/application-record.js';
import { findTransition, GUARD_REASONS, isRefusal, TERMINAL_STATUSES, type ApplicationStatus } from '@common/domain/applications/flow.js';
import { created, mergePatch, parseData } from './kinds.js';
import type { Decision, EntityDef, IncomingOp, StoredRecord } from './types.js';

/** Fields a workstation may change outside transitions; status only moves through transitions. */
const PATCH_OPS = new Set(['applications.update', 'applications.fillFromMrz', 'applications.setInterviewNotes', 'sync.resolve']);
const IMMUTABLE = new Set(['number', 'officeCode', 'businessDate', 'status', 'createdBy', 'createdAt']);

const listOf = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Sets central's own fields on a state the entity decided, as part of the same version. */
function withCentral(state: StoredRecord, fields: Record<string, unknown>, origin: string): StoredRecord {
  const meta = { ...state.meta };
  for (const k of Object.keys(fields)) meta[k] = [state.version, origin];
  return { ...state, data: { ...state.data, ...fields }, meta };
}

/** Remembers who wrote to the application: none of them may adjudicate it. */
function processed(current: StoredRecord, actor: string | null | undefined): string[] {
  const by = listOf<string>(current.data.processedBy);
  return actor && !by.includes(actor) ? [...by, actor] : by;
}

function entry(op: IncomingOp, e: Omit<TransitionEntry, 'id' | 'at' | 'by' | 'role'>): TransitionEntry {
  const role = op.role === 'officer' || op.role === 'supervisor' || op.role === 'admin' ? op.role : null;
  return { id: op.opId, at: op.createdAt, by: op.actor ?? null, role, ...e };
}

function milestones(to: ApplicationStatus, at: number): Record<string, number> {
  const m: Record<string, number> = {};
  if (to === 'submitted') m.submittedAt = at;
  if (to === 'ready') m.readyAt = at;
  if (TERMINAL_STATUSES.includes(to)) m.closedAt = at;
  return m;
}

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
  // Four-eyes on central's own record: whoever wrote to the application may not decide on it, whatever desk
  // they decide from.
  if (rule.guards.includes('freshAuthFourEyes') && op.actor && listOf<string>(current.data.processedBy).includes(op.actor))
    return { status: 'rejected', reason: GUARD_REASONS.freshAuthFourEyes };
  const version = current.version + 1;
  const fields: Record<string, unknown> = {
    status: rule.to,
    lastTransitionAt: op.createdAt,
    ...milestones(rule.to, op.createdAt),
    transitions: [
      ...listOf<TransitionEntry>(current.data.transitions),
      entry(op, { action: rule.action, from: status, to: rule.to, reason: t.reason ?? null }),
    ],
  };
  // A decision is not processing: the supervisor who approved may still print or hand over.
  if (!rule.guards.includes('freshAuthFourEyes')) fields.processedBy = processed(current, op.actor);
  const meta = { ...current.meta };
  for (const k of Object.keys(fields)) meta[k] = [version, op.origin];
  return { status: 'applied', next: { version, data: { ...current.data, ...fields }, meta, deleted: false } };
}

/** A field-merge change, with the actor added to those who processed the application. */
function patch(op: IncomingOp, current: StoredRecord, fields: Record<string, unknown>): Decision {
  const d = mergePatch(current, fields, op);
  if (d.status !== 'applied' || !d.next) return d;
  return { status: 'applied', next: withCentral(d.next, { processedBy: processed(current, op.actor) }, op.origin) };
}

function resolvePatch(fields: Record<string, unknown>): { ok: true; value: Record<string, unknown> } | { ok: false; decision: Decision } {
  const documents = Object.fromEntries(Object.entries(fields).filter(([k]) => DOCUMENT_FIELD.test(k)));
  const rest = Object.fromEntries(Object.entries(fields).filter(([k]) => !DOCUMENT_FIELD.test(k) && !IMMUTABLE.has(k)));
  const touched = Object.keys(fields).filter((k) => IMMUTABLE.has(k));
  if (touched.length > 0) return { ok: false, decision: { status: 'rejected', reason: `immutable:${touched.join(',')}` } };
  const bad = Object.entries(documents).filter(([k, v]) =>
    k.startsWith('document.') ? !['pending', 'present', 'missing'].includes(String(v)) : v !== null && typeof v !== 'string',
  );
  if (bad.length > 0) return { ok: false, decision: { status: 'rejected', reason: `data.invalid:${bad.map(([k]) => k).join(',')}` } };
  const parsed = parseData(ApplicationPatchData, rest);
  return parsed.ok ? { ok: true, value: { ...parsed.value, ...documents } } : parsed;
}

/**
 * Finished captures from the desk that made them, merged per modality: another desk of the office then
 * sees the biometrics step done and knows the photo's content address (the image itself stays a blob,
 * fetched on demand through GET /v1/blobs/:sha256, which answers only for photos named here).
 */
function captureState(op: IncomingOp, current: StoredRecord | undefined): Decision {
  const parsed = parseData(CaptureStateData, op.data);
  if (!parsed.ok) return parsed.decision;
  if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
  const captures: CaptureStates = { ...(current.data.captures as CaptureStates | undefined), ...parsed.value.captures };
  const version = current.version + 1;
  const fields = { captures, processedBy: processed(current, op.actor) };
  const meta = { ...current.meta };
  for (const k of Object.keys(fields)) meta[k] = [version, op.origin];
  return { status: 'applied', next: { version, data: { ...current.data, ...fields }, meta, deleted: false } };
}

export const applicationEntity: EntityDef = {
  entity: 'application',
  flowsDown: true,
  uniqueKeys: ['number'],
  decide(op, current, ctx) {
    if (ctx.dayClosed?.(op.createdAt)) return { status: 'rejected', reason: 'day.closed' };
    if (op.op === 'applications.create') {
      const parsed = parseData(ApplicationCreateData, op.data);
      if (!parsed.ok) return parsed.decision;
      if (current) return { status: 'rejected', reason: 'exists' };
      const owner = ctx.keyOwner('number', parsed.value.number);
      if (owner !== undefined && owner !== op.entityId) return { status: 'rejected', reason: 'number.taken' };
      const { notify: _notify, id: _id, ...data } = parsed.value;
      return {
        status: 'applied',
        next: created(
          {
            ...data,
            createdAt: data.createdAt ?? op.createdAt,
            originWorkstationId: op.origin,
            processedBy: op.actor ? [op.actor] : [],
            transitions: [entry(op, { action: 'checkIn', from: null, to: 'checked_in', reason: null })],
          },
          op.origin,
        ),
      };
    }
    if (op.op === 'applications.transition') return transition(op, current);
    if (op.op === 'biometrics.captureState') return captureState(op, current);
    if (op.op === 'applications.markDocument') {
      const parsed = parseData(DocumentData, op.data);
      if (!parsed.ok) return parsed.decision;
      if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
      const { docCode, state, note } = parsed.value;
      return patch(op, current, { [`document.${docCode}`]: state, ...(note === undefined ? {} : { [`documentNote.${docCode}`]: note }) });
    }
    if (PATCH_OPS.has(op.op)) {
      if (!current || current.deleted) return { status: 'rejected', reason: 'not.found' };
      const raw =
        op.op === 'sync.resolve' && op.data.fields && typeof op.data.fields === 'object'
          ? (op.data.fields as Record<string, unknown>)
          : op.data;
      const touched = Object.keys(raw).filter((k) => IMMUTABLE.has(k));
      if (touched.length > 0) return { status: 'rejected', reason: `immutable:${touched.join(',')}` };
      const parsed = op.op === 'sync.resolve' ? resolvePatch(raw) : parseData(ApplicationPatchData, raw);
      if (!parsed.ok) return parsed.decision;
      return patch(op, current, parsed.value);
    }
    return { status: 'applied' };
  },
};
