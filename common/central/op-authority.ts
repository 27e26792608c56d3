// Who may have written an op, as central judges it. A workstation's key proves only which desk sent an op;
// the role written in its audit event is a claim. Central therefore looks the actor up among its own
// accounts of that office and holds it to the same role table as the contract: each op action names the
// contract call whose `access` it obeys, so there is one rule in one place. `write()` on the workstation
// accepts only the actions listed here, so a new kind of op cannot reach central without a rule.
import { contract, type CallName } from '../contract/index.js';
import type { Access } from '../domain/shared/roles.js';

export type OpRule =
  /** An officer acted: an existing, enabled account of the office whose role the call's access allows. */
  | { by: 'call'; call: CallName; self?: true }
  /**
   * A failed or refused attempt (a wrong password, a locked account): the name may be anybody's, so no
   * actor is required. It is kept for the record and changes nothing at central.
   */
  | { by: 'attempt' }
  /**
   * The workstation's own housekeeping (keys, uploads, training): no officer acts. It changes nothing at
   * central beyond naming a file the desk uploaded and central checked by its hash.
   */
  | { by: 'workstation' }
  /**
   * Setup on a desk without central creates the office's first admin: accepted only while central holds no
   * account of that office. (Setup of a desk with central: its own housekeeping, see opRule.)
   */
  | { by: 'bootstrap' };

const call = (name: CallName): OpRule => ({ by: 'call', call: name });
const self = (name: CallName): OpRule => ({ by: 'call', call: name, self: true });
const attempt: OpRule = { by: 'attempt' };
const workstation: OpRule = { by: 'workstation' };

/** Every purpose checkCredentials audits a failed or refused attempt for. */
export const CREDENTIAL_PURPOSES = [
  'auth.login',
  'auth.unlock',
  'auth.changePassword',
  'override',
  'endOfDay.signOff',
  'endOfDay.reopen',
  'applications.adjudicate',
  'setup.leaveTraining',
] as const;
export type CredentialPurpose = (typeof CREDENTIAL_PURPOSES)[number];

const QUEUE_ACTIONS = ['issue', 'callNext', 'recall', 'noShow', 'start', 'finish', 'transfer', 'park', 'resume'] as const;

export const OP_RULES = {
  'setup.initialize': { by: 'bootstrap' },
  'training.enter': workstation,
  'training.leave': workstation,
  'sync.enrolled': call('sync.enrol'),
  'sync.reenrolled': call('sync.reenrol'),
  'biometrics.dataKeyCreated': workstation,
  'biometrics.readForUpload': workstation,
  'biometrics.uploadConfirmed': workstation,
  'biometrics.purged': workstation,

  'auth.login': call('auth.login'),
  'auth.logout': call('auth.logout'),
  'auth.lock': call('auth.lock'),
  'auth.idleLock': call('auth.lock'),
  'auth.unlock': call('auth.unlock'),
  // Only the account's owner changes their own password and language.
  'auth.changePassword': self('auth.changePassword'),
  'prefs.setLanguage': self('prefs.setLanguage'),
  'override.granted': call('auth.override'),
  ...(Object.fromEntries(CREDENTIAL_PURPOSES.flatMap((p) => [`${p}.failed`, `${p}.refused`].map((a) => [a, attempt]))) as Record<
    `${CredentialPurpose}.${'failed' | 'refused'}`,
    OpRule
  >),

  'users.create': call('users.create'),
  'users.update': call('users.update'),
  'users.resetPassword': call('users.resetPassword'),
  'users.unlock': call('users.unlock'),
  'settings.update': call('settings.update'),
  'printer.updateSettings': call('printer.updateSettings'),
  'biometrics.updateSettings': call('biometrics.updateSettings'),

  'biometrics.capture': call('biometrics.capture'),
  'biometrics.exception': call('biometrics.recordException'),
  'biometrics.acceptLowQuality': call('biometrics.acceptLowQuality'),
  'biometrics.read': call('biometrics.image'),
  // The finished captures an officer made, shared with the office's other desks (same rule as capturing).
  'biometrics.captureState': call('biometrics.capture'),
  'biometrics.photoCached': call('applications.photo'),
  'biometrics.photoRefused': call('applications.photo'),
  // A content-addressed file the desk uploaded (receipts, captures): recorded, it authorises nothing.
  'blob.attach': workstation,

  'applications.create': call('applications.create'),
  'applications.update': call('applications.update'),
  'applications.fillFromMrz': call('applications.fillFromMrz'),
  'applications.markDocument': call('applications.markDocument'),
  'applications.setInterviewNotes': call('applications.setInterviewNotes'),
  // Approvals, hand-overs and expiry are transitions too; the application's own table checks the role per step.
  'applications.transition': call('applications.transition'),
  'payments.recordBilling': call('payments.recordBilling'),
  'payments.confirmManual': call('payments.confirmManual'),
  'payments.waive': call('payments.waive'),
  'receipts.issue': call('receipts.issue'),
  'receipts.reprint': call('receipts.reprint'),
  'receipts.void': call('receipts.void'),

  ...(Object.fromEntries(QUEUE_ACTIONS.map((a) => [`queue.${a}`, call(`queue.${a}`)])) as Record<
    `queue.${(typeof QUEUE_ACTIONS)[number]}`,
    OpRule
  >),

  'endOfDay.note': call('endOfDay.note'),
  'endOfDay.signOff': call('endOfDay.signOff'),
  'endOfDay.reopen': call('endOfDay.reopen'),
  // Late changes are the office supervisor's to accept or return (server/sync/late.ts).
  'endOfDay.acceptLate': call('endOfDay.acceptLate'),
  'endOfDay.returnLate': call('endOfDay.returnLate'),
  'analytics.importTickets': call('analytics.importTickets'),
  'analytics.generateHistory': call('analytics.generateHistory'),

  // Settling a conflict writes the record again: it needs the right to change that record.
  'sync.resolve': call('sync.resolveConflict'),
  // Settling a rejected change at its desk (the retry itself is a new op of the change's own action).
  'sync.retry': call('sync.retryRejected'),
  'sync.dismiss': call('sync.dismissRejected'),
} satisfies Record<string, OpRule>;

export type OpAction = keyof typeof OP_RULES;

/**
 * What an account on a temporary password (one an admin typed) may still do, at central as on the desk:
 * log in, change it, and leave. Everything else it would authorise is refused.
 */
export const WHILE_TEMPORARY: ReadonlySet<string> = new Set<OpAction>([
  'auth.login',
  'auth.logout',
  'auth.lock',
  'auth.idleLock',
  'auth.unlock',
  'auth.changePassword',
  'prefs.setLanguage',
]);
export const OP_ACTIONS = Object.keys(OP_RULES) as OpAction[];

/** A conflict's resolution is held to the call that changes its entity; other entities to the resolve call. */
const RESOLVE_BY_ENTITY: Record<string, CallName> = { user: 'users.update', application: 'applications.update' };

/** The rule for an op, or undefined for an action central has no rule for (refused). */
export function opRule(action: string, entity: string): OpRule | undefined {
  if (!Object.prototype.hasOwnProperty.call(OP_RULES, action)) return undefined;
  if (action === 'sync.resolve' && RESOLVE_BY_ENTITY[entity]) return call(RESOLVE_BY_ENTITY[entity]);
  // Setup brings an account only on a desk without central; a desk that joined (or started its office at
  // central) records its own set-up, which changes nothing at central.
  if (action === 'setup.initialize' && entity !== 'user') return workstation;
  return OP_RULES[action as OpAction];
}

/** The roles a rule admits, from the contract's access of its call ('session' and 'public': any account). */
export const accessOf = (rule: OpRule): Access | null => (rule.by === 'call' ? contract[rule.call].access : null);
