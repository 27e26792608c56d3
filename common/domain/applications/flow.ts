// The application's state machine, as data: the workstation's core and the central server validate
// every transition against this one table. Guards name the checks each side must run (core runs them
// against its SQLite, the server against PostgreSQL); `via` names the call that performs a transition.
import type { Role } from '../shared/roles.js';

export const APPLICATION_STATUSES = [
  'checked_in',
  'incomplete',
  'verified',
  'biometrics_captured',
  'interviewed',
  'paid',
  'submitted',
  'approved',
  'rejected',
  'printed',
  'ready',
  'collected',
  'cancelled',
  'expired',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const TERMINAL_STATUSES: readonly ApplicationStatus[] = ['rejected', 'collected', 'cancelled', 'expired'];

export const APPLICATION_ACTIONS = [
  'verify',
  'markIncomplete',
  'captureBiometrics',
  'interview',
  'pay',
  'submit',
  'approve',
  'reject',
  'print',
  'markReady',
  'handOver',
  'cancel',
  'expire',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export type Guard =
  /** Every required document is marked present. */
  | 'checklistComplete'
  /** At least one required document is marked missing (the deficiency notice lists them; pending ones are checked on return). */
  | 'checklistHasMissing'
  /** The applicant record passes the full validation (address, contact, parents for minors...). */
  | 'applicantComplete'
  /** Photo and fingerprints captured, or a supervisor's `biometrics.exception` override. */
  | 'requiredCaptures'
  /** Interview notes are written. */
  | 'interviewNotes'
  /** A payment is paid (central or manually confirmed) or the fee is waived. */
  | 'paymentSettled'
  /** Fresh authentication and four-eyes: the adjudicating supervisor did not process the application. */
  | 'freshAuthFourEyes'
  /** The officer confirmed the collector's identity against the NIK and the captured photo. */
  | 'identityChecked'
  /** 30 days have passed since the passport was ready for collection. */
  | 'collectionWindowOver';

/**
 * The stable reason each guard refuses with (core's `details.reason`): the screens translate it, and the
 * officer never reads core's English message.
 */
export const GUARD_REASONS: Record<Guard, string> = {
  checklistComplete: 'application.documentsMissing',
  checklistHasMissing: 'application.noMissingDocuments',
  applicantComplete: 'application.applicantIncomplete',
  requiredCaptures: 'application.capturesMissing',
  interviewNotes: 'application.interviewNotesMissing',
  paymentSettled: 'application.feeUnpaid',
  freshAuthFourEyes: 'application.ownProcessing',
  identityChecked: 'application.identityMismatch',
  collectionWindowOver: 'application.collectionWindowOpen',
};

export type Via = 'applications.transition' | 'applications.adjudicate' | 'applications.handOver' | 'applications.expireOverdue';

/** Applicant notification templates; the server's notifications outbox renders them. */
export type NotificationTemplate =
  | 'application.checkedIn'
  | 'application.incomplete'
  | 'application.paid'
  | 'application.approved'
  | 'application.rejected'
  | 'application.ready'
  | 'application.collected'
  | 'application.cancelled'
  | 'application.expired';

export interface TransitionRule {
  action: ApplicationAction;
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  roles: readonly Role[];
  reason: 'none' | 'optional' | 'required';
  guards: readonly Guard[];
  via: Via;
  notify: NotificationTemplate | null;
}

const COUNTER: readonly Role[] = ['officer', 'supervisor'];
const SUPERVISOR: readonly Role[] = ['supervisor'];
const BEFORE_DECISION: readonly ApplicationStatus[] = [
  'checked_in',
  'incomplete',
  'verified',
  'biometrics_captured',
  'interviewed',
  'paid',
  'submitted',
];
const AFTER_APPROVAL: readonly ApplicationStatus[] = ['approved', 'printed', 'ready'];

const rule = (r: Omit<TransitionRule, 'via'> & { via?: Via }): TransitionRule => ({ via: 'applications.transition', ...r });

/** Creating an application is the check-in: it has no "from" and notifies the applicant. */
export const CHECK_IN_NOTIFICATION: NotificationTemplate = 'application.checkedIn';

export const TRANSITIONS: readonly TransitionRule[] = [
  rule({
    action: 'verify',
    from: ['checked_in', 'incomplete'],
    to: 'verified',
    roles: COUNTER,
    reason: 'none',
    guards: ['applicantComplete', 'checklistComplete'],
    notify: null,
  }),
  rule({
    action: 'markIncomplete',
    from: ['checked_in'],
    to: 'incomplete',
    roles: COUNTER,
    reason: 'none',
    guards: ['checklistHasMissing'],
    notify: 'application.incomplete',
  }),
  rule({
    action: 'captureBiometrics',
    from: ['verified'],
    to: 'biometrics_captured',
    roles: COUNTER,
    reason: 'none',
    guards: ['requiredCaptures'],
    notify: null,
  }),
  rule({
    action: 'interview',
    from: ['biometrics_captured'],
    to: 'interviewed',
    roles: COUNTER,
    reason: 'none',
    guards: ['interviewNotes'],
    notify: null,
  }),
  rule({
    action: 'pay',
    from: ['interviewed'],
    to: 'paid',
    roles: COUNTER,
    reason: 'none',
    guards: ['paymentSettled'],
    notify: 'application.paid',
  }),
  rule({ action: 'submit', from: ['paid'], to: 'submitted', roles: COUNTER, reason: 'none', guards: [], notify: null }),
  rule({
    action: 'approve',
    from: ['submitted'],
    to: 'approved',
    roles: SUPERVISOR,
    reason: 'optional',
    guards: ['freshAuthFourEyes'],
    via: 'applications.adjudicate',
    notify: 'application.approved',
  }),
  rule({
    action: 'reject',
    from: ['submitted'],
    to: 'rejected',
    roles: SUPERVISOR,
    reason: 'required',
    guards: ['freshAuthFourEyes'],
    via: 'applications.adjudicate',
    notify: 'application.rejected',
  }),
  rule({ action: 'print', from: ['approved'], to: 'printed', roles: COUNTER, reason: 'none', guards: [], notify: null }),
  rule({ action: 'markReady', from: ['printed'], to: 'ready', roles: COUNTER, reason: 'none', guards: [], notify: 'application.ready' }),
  rule({
    action: 'handOver',
    from: ['ready'],
    to: 'collected',
    roles: COUNTER,
    reason: 'none',
    guards: ['identityChecked'],
    via: 'applications.handOver',
    notify: 'application.collected',
  }),
  // Before the decision an officer may cancel at the applicant's request; afterwards only a supervisor.
  rule({
    action: 'cancel',
    from: BEFORE_DECISION,
    to: 'cancelled',
    roles: COUNTER,
    reason: 'required',
    guards: [],
    notify: 'application.cancelled',
  }),
  rule({
    action: 'cancel',
    from: AFTER_APPROVAL,
    to: 'cancelled',
    roles: SUPERVISOR,
    reason: 'required',
    guards: [],
    notify: 'application.cancelled',
  }),
  rule({
    action: 'expire',
    from: ['ready'],
    to: 'expired',
    roles: SUPERVISOR,
    reason: 'none',
    guards: ['collectionWindowOver'],
    via: 'applications.expireOverdue',
    notify: 'application.expired',
  }),
];

/** Calendar days a ready passport waits before it is cancelled as not collected. */
export const COLLECTION_WINDOW_DAYS = 30;

export type TransitionRefusal =
  | { code: 'unknownAction' }
  | { code: 'outOfOrder'; status: ApplicationStatus; allowedFrom: ApplicationStatus[] }
  | { code: 'role'; roles: Role[] };

/** The rule that lets `role` do `action` from `status`, or why not. Guards are the caller's to run. */
export function findTransition(status: ApplicationStatus, action: string, role: Role): TransitionRule | TransitionRefusal {
  const rules = TRANSITIONS.filter((r) => r.action === action);
  if (rules.length === 0) return { code: 'unknownAction' };
  const fromHere = rules.filter((r) => r.from.includes(status));
  if (fromHere.length === 0) return { code: 'outOfOrder', status, allowedFrom: rules.flatMap((r) => [...r.from]) };
  const allowed = fromHere.find((r) => r.roles.includes(role));
  return allowed ?? { code: 'role', roles: [...new Set(fromHere.flatMap((r) => [...r.roles]))] };
}

export const isRefusal = (r: TransitionRule | TransitionRefusal): r is TransitionRefusal => 'code' in r;

/** What the counter screen may offer next (for keyboard shortcuts), given the status and the officer's role. */
export function nextActions(status: ApplicationStatus, role: Role): TransitionRule[] {
  return TRANSITIONS.filter((r) => r.from.includes(status) && r.roles.includes(role));
}

/** Statuses the applicant's file is still editable in (identity and contact data). */
export const EDITABLE_STATUSES: readonly ApplicationStatus[] = [
  'checked_in',
  'incomplete',
  'verified',
  'biometrics_captured',
  'interviewed',
];
