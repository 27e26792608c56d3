// The state machine at work: every transition checks order, role, reason and the rule's guards against
// this workstation's data, then records who, when and why, and sends central an op it validates again.
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '@common/contract/result.js';
import {
  COLLECTION_WINDOW_DAYS,
  findTransition,
  GUARD_REASONS,
  isRefusal,
  TERMINAL_STATUSES,
  type ApplicationAction,
  type TransitionRule,
} from '@common/domain/applications/flow.js';
import type { UserRow } from '@db/queries/access/users.js';
import {
  insertHandover,
  insertTransition,
  listByStatus,
  processingUsers,
  readyBefore,
  updateApplication,
  type ApplicationPatch,
  type ApplicationRow,
} from '@db/queries/applications/applications.js';
import { clearLoginFailures } from '@db/queries/access/login-failures.js';
import { signedIn } from '../access/auth.js';
import { checkGuards } from './guards.js';
import { write, type CallContext, type Handlers } from '../kernel/context.js';
import { checkCredentials } from '../access/credentials.js';
import { applicationOrFail, toSummary } from './views.js';
import { viewOf } from './applicant-file.js';
import { assertDayOpen } from '../end-of-day/day-closed.js';

const DAY_MS = 24 * 60 * 60_000;

function ruleFor(a: ApplicationRow, action: ApplicationAction, user: UserRow): TransitionRule {
  const r = findTransition(a.status, action, user.role);
  if (!isRefusal(r)) return r;
  if (r.code === 'role')
    throw new AppError('FORBIDDEN', `Only ${r.roles.join(' or ')} may ${action} this application`, {
      reason: 'transition.role',
      roles: r.roles,
    });
  if (r.code === 'outOfOrder') {
    throw new AppError('CONFLICT', `Cannot ${action} an application that is ${a.status}`, {
      code: 'transition.outOfOrder',
      status: a.status,
      allowedFrom: r.allowedFrom,
    });
  }
  throw new AppError('VALIDATION', `Unknown action ${action}`, { fields: { action: ['action.unknown'] } });
}

function reasonFor(rule: TransitionRule, reason: string | undefined): string | null {
  if (rule.reason === 'required' && !reason)
    throw new AppError('VALIDATION', `A reason is required to ${rule.action}`, { fields: { reason: ['reason.required'] } });
  if (rule.reason === 'none' && reason)
    throw new AppError('VALIDATION', `${rule.action} takes no reason`, { fields: { reason: ['reason.notAllowed'] } });
  return reason ?? null;
}

function timestamps(rule: TransitionRule, now: number): ApplicationPatch {
  const p: ApplicationPatch = { status: rule.to };
  if (rule.to === 'submitted') p.submitted_at = now;
  if (rule.to === 'ready') p.ready_at = now;
  if (TERMINAL_STATUSES.includes(rule.to)) p.closed_at = now;
  return p;
}

/** Records one transition with its audit event and outbox op (central re-validates `from` -> `to`). */
export function applyTransition(
  ctx: CallContext,
  a: ApplicationRow,
  rule: TransitionRule,
  p: { reason: string | null; actor: Pick<UserRow, 'id' | 'username' | 'role'>; details?: Record<string, unknown>; also?: () => void },
): void {
  const { actor } = p;
  assertDayOpen(ctx);
  write(ctx, 'applications.transition', (db) => {
    updateApplication(db, a.id, timestamps(rule, ctx.now), ctx.now);
    insertTransition(db, {
      id: uuidv7(),
      application_id: a.id,
      action: rule.action,
      from_status: a.status,
      to_status: rule.to,
      at: ctx.now,
      user_id: actor.id,
      username: actor.username,
      role: actor.role,
      reason: p.reason,
      override_by: null,
      override_reason: null,
      details: JSON.stringify(p.details ?? {}),
    });
    p.also?.();
    return {
      change: {
        entity: 'application',
        entityId: a.id,
        baseVersion: a.version,
        actor,
        summary: { number: a.number, transition: rule.action, from: a.status, to: rule.to, reason: p.reason },
        data: {
          number: a.number,
          transition: rule.action,
          from: a.status,
          to: rule.to,
          reason: p.reason,
          role: actor.role,
          at: ctx.now,
          notify: rule.notify,
          ...(p.details ?? {}),
        },
      },
    };
  });
}

export const applicationsFlowHandlers = {
  'applications.transition': (ctx, input) => {
    const { user } = signedIn(ctx);
    const a = applicationOrFail(ctx.db, input.id);
    const rule = ruleFor(a, input.action, user);
    const reason = reasonFor(rule, input.reason);
    checkGuards(ctx, a, rule.guards);
    applyTransition(ctx, a, rule, { reason, actor: user });
    return viewOf(ctx, a.id);
  },

  'applications.adjudicationQueue': (ctx) => listByStatus(ctx.db, 'submitted').map((r) => toSummary(ctx.db, r)),

  'applications.adjudicate': async (ctx, input) => {
    const { user } = signedIn(ctx);
    const a = applicationOrFail(ctx.db, input.id);
    const rule = ruleFor(a, input.decision, user);
    const reason = reasonFor(rule, input.reason);
    if (a.created_by === user.id || processingUsers(ctx.db, a.id).includes(user.id)) {
      throw new AppError('FORBIDDEN', 'A supervisor cannot adjudicate an application they processed', {
        reason: GUARD_REASONS.freshAuthFourEyes,
        guard: 'freshAuthFourEyes',
      });
    }
    // Fresh authentication: the signed-in supervisor types their password again for each decision.
    await checkCredentials(ctx, user.username, input.password, 'applications.adjudicate');
    const fresh = applicationOrFail(ctx.db, input.id);
    if (fresh.version !== a.version)
      throw new AppError('CONFLICT', 'The application changed meanwhile; reload it', { code: 'version.stale' });
    applyTransition(ctx, a, rule, {
      reason,
      actor: user,
      details: { freshAuth: true },
      also: () => clearLoginFailures(ctx.db, user.username),
    });
    return viewOf(ctx, a.id);
  },

  'applications.handOver': (ctx, input) => {
    const { user } = signedIn(ctx);
    const a = applicationOrFail(ctx.db, input.id);
    const rule = ruleFor(a, 'handOver', user);
    const expected = a.nik ?? a.passport_number;
    if (!expected || input.identityNumber.replace(/[\s.-]/g, '').toUpperCase() !== expected) {
      throw new AppError('VALIDATION', 'The identity number does not match the application', {
        fields: { identityNumber: ['identity.mismatch'] },
        reason: GUARD_REASONS.identityChecked,
        guard: 'identityChecked',
      });
    }
    if (input.collector === 'representative' && (!input.representativeName || !input.representativeId)) {
      throw new AppError('VALIDATION', "A representative's name and identity number are required", {
        fields: {
          ...(input.representativeName ? {} : { representativeName: ['required'] }),
          ...(input.representativeId ? {} : { representativeId: ['required'] }),
        },
      });
    }
    const handover = {
      id: uuidv7(),
      application_id: a.id,
      at: ctx.now,
      officer_id: user.id,
      collector: input.collector,
      representative_name: input.representativeName ?? null,
      representative_id: input.representativeId ?? null,
      note: input.note ?? null,
    };
    applyTransition(ctx, a, rule, {
      reason: null,
      actor: user,
      details: { collector: input.collector, identityChecked: true, photoMatched: true },
      also: () => insertHandover(ctx.db, handover),
    });
    return viewOf(ctx, a.id);
  },

  'applications.expireOverdue': (ctx, input) => {
    const { user } = signedIn(ctx);
    const overdue = readyBefore(ctx.db, ctx.now - COLLECTION_WINDOW_DAYS * DAY_MS);
    if (input.dryRun) return { expired: overdue.map((a) => a.number) };
    for (const a of overdue) {
      const rule = ruleFor(a, 'expire', user);
      checkGuards(ctx, a, rule.guards);
      applyTransition(ctx, a, rule, { reason: null, actor: user, details: { readyAt: a.ready_at } });
    }
    return { expired: overdue.map((a) => a.number) };
  },
} satisfies Partial<Handlers>;
