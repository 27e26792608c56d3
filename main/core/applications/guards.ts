// The transition rules' guards, run against this workstation's data: a transition is refused by the first
// that fails (with what is missing), and the counter screen is told beforehand which would fail.
import { AppError } from '@common/contract/result.js';
import { COLLECTION_WINDOW_DAYS, GUARD_REASONS, type Guard } from '@common/domain/applications/flow.js';
import { guardsFrom, type GuardFacts } from '@common/domain/applications/availability.js';
import { summariseChecklist } from '@common/domain/applications/checklist.js';
import { effectivePaymentStatus } from '@common/domain/applications/billing-code.js';
import { listDocuments, type ApplicationRow } from '@db/queries/applications/applications.js';
import { listPayments } from '@db/queries/applications/payments.js';
import { hasRequiredCaptures } from '../biometrics/requirements.js';
import { draftProblems } from './catalogue.js';
import { todayAt } from '../kernel/office.js';
import type { CallContext } from '../kernel/context.js';
import { applicantOf } from './views.js';

const DAY_MS = 24 * 60 * 60_000;

const draftOf = (a: ApplicationRow) => ({
  serviceCode: a.service_code,
  reason: a.reason,
  accelerated: a.accelerated === 1,
  priorityGroup: a.priority_group,
  applicant: applicantOf(a),
});

/** The refusal a guard answers for this application now, or null when it holds (or is checked elsewhere). */
export function guardFailure(ctx: CallContext, a: ApplicationRow, g: Guard): AppError | null {
  switch (g) {
    case 'applicantComplete': {
      const { problems } = draftProblems(ctx.db, draftOf(a), todayAt(ctx), true);
      return Object.keys(problems).length > 0
        ? new AppError('VALIDATION', "The applicant's data is not complete", { fields: problems, reason: GUARD_REASONS[g], guard: g })
        : null;
    }
    case 'checklistComplete': {
      const s = summariseChecklist(listDocuments(ctx.db, a.id).map((d) => ({ docCode: d.doc_code, state: d.state })));
      return s.complete
        ? null
        : new AppError('CONFLICT', 'Some documents are missing or not checked yet', {
            reason: GUARD_REASONS[g],
            guard: g,
            pending: s.pending,
            missing: s.missing,
          });
    }
    case 'checklistHasMissing': {
      // Pending ones may stay pending: the notice lists what is missing, the rest is checked on return.
      const s = summariseChecklist(listDocuments(ctx.db, a.id).map((d) => ({ docCode: d.doc_code, state: d.state })));
      return s.missing.length === 0
        ? new AppError('CONFLICT', 'Mark the missing documents first', { reason: GUARD_REASONS[g], guard: g })
        : null;
    }
    case 'requiredCaptures':
      return hasRequiredCaptures(ctx.db, a.id)
        ? null
        : new AppError('CONFLICT', 'Photo and fingerprints are not captured (or excepted) yet', { reason: GUARD_REASONS[g], guard: g });
    case 'interviewNotes':
      return a.interview_notes ? null : new AppError('CONFLICT', 'Write the interview notes first', { reason: GUARD_REASONS[g], guard: g });
    case 'paymentSettled': {
      const settled = listPayments(ctx.db, a.id).some((p) => {
        const s = effectivePaymentStatus({ status: p.status, expiresAt: p.expires_at }, ctx.now);
        return s === 'waived' || (s === 'paid' && p.amount === a.fee_total);
      });
      return settled ? null : new AppError('CONFLICT', 'The fee is not paid (or waived) yet', { reason: GUARD_REASONS[g], guard: g });
    }
    case 'collectionWindowOver':
      return a.ready_at === null || ctx.now < a.ready_at + COLLECTION_WINDOW_DAYS * DAY_MS
        ? new AppError('CONFLICT', 'The collection window is not over yet', { reason: GUARD_REASONS[g], guard: g })
        : null;
    // Checked by the calls that carry their evidence (adjudicate, handOver).
    case 'freshAuthFourEyes':
    case 'identityChecked':
      return null;
  }
}

/** Runs the rule's guards; the first that fails refuses the transition with what is missing. */
export function checkGuards(ctx: CallContext, a: ApplicationRow, guards: readonly Guard[]): void {
  for (const g of guards) {
    const failure = guardFailure(ctx, a, g);
    if (failure) throw failure;
  }
}

export interface GuardState {
  facts: GuardFacts;
  /** The field problems of a failing `applicantComplete`, so the screen names the fields to fix. */
  fields: Record<string, string[]>;
}

/** What each guard of the steps from the application's status says now; the evidence-carrying ones stay out. */
export function guardState(ctx: CallContext, a: ApplicationRow): GuardState {
  const state: GuardState = { facts: {}, fields: {} };
  for (const g of guardsFrom(a.status)) {
    if (g === 'freshAuthFourEyes' || g === 'identityChecked') continue;
    const failure = guardFailure(ctx, a, g);
    state.facts[g] = failure === null;
    const fields = (failure?.details as { fields?: Record<string, string[]> } | undefined)?.fields;
    if (fields) state.fields = fields;
  }
  return state;
}
