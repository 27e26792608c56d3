// Holding each call to its contract's `mutates`. write() counts what a call wrote on the call's own
// record (context.ts), so the check cannot be satisfied by anything but a committed, audited write of
// that very call: a write through a context of its own (background work) does not count for it.
import type { CallName, MutatingCallName } from '@common/contract/index.js';
import type { CallRecord } from './context.js';

/**
 * The mutating calls that may answer ok without writing anything, and why. Every other mutating call
 * that does so either changed something without its audit event and op, or is not mutating at all.
 */
export const MAY_WRITE_NOTHING: Readonly<Partial<Record<MutatingCallName, string>>> = {
  'setup.enterTraining': 'already in training mode: a repeated request changes nothing',
  'setup.leaveTraining': 'already live: a repeated request changes nothing',
  'applications.update': 'the draft is what is stored already: there is no change to record',
  'applications.expireOverdue': 'a dry run, or no application is overdue',
  'analytics.importTickets': 'no ticket closed since the last import',
  'drafts.save': "an officer's unsaved typing is not a record of the office: kept for them alone, never audited or synced",
  'applications.photo': "no photo to show (none captured, not the viewer's work, central away or refusing): nothing was decrypted",
  'drafts.discard': 'the draft is gone once its form is saved or dropped: nothing the office did changes',
};

const mayWriteNothing = (name: CallName): boolean => Object.prototype.hasOwnProperty.call(MAY_WRITE_NOTHING, name);

/** How a call that answered broke its declaration, if it did. */
export function writeViolation(call: CallRecord): string | undefined {
  if (call.refused > 0) return `${call.name} is declared read-only (mutates: false) but tried to write`;
  if (call.mutates && call.writes === 0 && !mayWriteNothing(call.name))
    return `${call.name} is declared mutating but answered without an audited write`;
  return undefined;
}
