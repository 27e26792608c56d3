// The counter screen's "can this step succeed now" against the transition table itself: every status,
// role and guard outcome answers what findTransition and the rule's guards would.
import { describe, expect, it } from 'vitest';
import { actionAvailability, guardsFrom, type GuardFacts } from '@common/domain/applications/availability.js';
import {
  APPLICATION_STATUSES,
  findTransition,
  GUARD_REASONS,
  isRefusal,
  nextActions,
  TRANSITIONS,
  type Guard,
} from '@common/domain/applications/flow.js';
import { ROLES } from '@common/domain/shared/roles.js';

const GUARDS = Object.keys(GUARD_REASONS) as Guard[];

describe('action availability', () => {
  it('answers, for every status and role, each step the table offers from that status and no other', () => {
    for (const status of APPLICATION_STATUSES) {
      for (const role of ROLES) {
        const offered = new Set(TRANSITIONS.filter((r) => r.from.includes(status)).map((r) => r.action));
        const got = actionAvailability(status, role, {});
        expect(new Set(got.map((a) => a.action))).toEqual(offered);
        for (const a of got) {
          const rule = findTransition(status, a.action, role);
          // With every guard unknown, only the role refuses; the role's steps are exactly nextActions.
          expect(a.reason).toBe(isRefusal(rule) ? 'transition.role' : null);
        }
        expect(got.filter((a) => a.reason === null).map((a) => a.action)).toEqual([
          ...new Set(nextActions(status, role).map((r) => r.action)),
        ]);
      }
    }
  });

  it("refuses with the first failing guard in the rule's order, as core runs them", () => {
    for (const rule of TRANSITIONS) {
      for (const status of rule.from) {
        for (const role of rule.roles) {
          if (findTransition(status, rule.action, role) !== rule) continue;
          const allHold = Object.fromEntries(rule.guards.map((g) => [g, true])) as GuardFacts;
          expect(actionAvailability(status, role, allHold).find((a) => a.action === rule.action)?.reason).toBeNull();
          rule.guards.forEach((failing, i) => {
            // Guards before it hold, it fails, and those after fail too: the reason is still its own.
            const facts = Object.fromEntries(rule.guards.map((g, j) => [g, j < i])) as GuardFacts;
            expect(facts[failing]).toBe(false);
            expect(actionAvailability(status, role, facts).find((a) => a.action === rule.action)?.reason).toBe(GUARD_REASONS[failing]);
          });
        }
      }
    }
  });

  it('leaves the other steps alone when one guard fails', () => {
    // Interview notes missing: the officer still may cancel, and "verify"-style guards do not leak.
    const got = actionAvailability('biometrics_captured', 'officer', { interviewNotes: false });
    expect(got).toEqual([
      { action: 'interview', reason: 'application.interviewNotesMissing' },
      { action: 'cancel', reason: null },
    ]);
    expect(actionAvailability('interviewed', 'officer', { paymentSettled: false })).toContainEqual({
      action: 'pay',
      reason: 'application.feeUnpaid',
    });
  });

  it('names, per status, the guards worth asking about: those of the rules from it', () => {
    for (const status of APPLICATION_STATUSES) {
      const expected = new Set(TRANSITIONS.filter((r) => r.from.includes(status)).flatMap((r) => r.guards));
      expect(new Set(guardsFrom(status))).toEqual(expected);
    }
    expect(guardsFrom('checked_in').sort()).toEqual(['applicantComplete', 'checklistComplete', 'checklistHasMissing']);
    for (const g of GUARDS) expect(APPLICATION_STATUSES.some((s) => guardsFrom(s).includes(g))).toBe(true);
  });
});
