// Which next steps of an application can succeed now, and for the others the reason core would refuse
// them with: read from the one transition table (`findTransition`, the rules' guards), so a screen offers
// what core accepts and says why not before the click, never after it.
import type { Role } from '../shared/roles.js';
import {
  findTransition,
  GUARD_REASONS,
  isRefusal,
  TRANSITIONS,
  type ApplicationAction,
  type ApplicationStatus,
  type Guard,
} from './flow.js';

/**
 * What the caller knows of each guard for one application: true when it holds, false when it fails. A
 * guard left out is checked by the call that carries its evidence (a password, an identity number).
 */
export type GuardFacts = Partial<Record<Guard, boolean>>;

export interface ActionAvailability {
  action: ApplicationAction;
  /** Null when the step can be taken now; else the stable reason core refuses it with (`reasons.*`). */
  reason: string | null;
}

/** The guards a rule from `status` runs: the ones worth finding out before drawing the screen. */
export function guardsFrom(status: ApplicationStatus): Guard[] {
  return [...new Set(TRANSITIONS.filter((r) => r.from.includes(status)).flatMap((r) => [...r.guards]))];
}

/**
 * Every step the table offers from `status`, in the table's order, each with null or its refusal: the
 * role's first (`transition.role`), then the first guard that fails, in the rule's order, as core runs them.
 */
export function actionAvailability(status: ApplicationStatus, role: Role, facts: GuardFacts): ActionAvailability[] {
  const actions = [...new Set(TRANSITIONS.filter((r) => r.from.includes(status)).map((r) => r.action))];
  return actions.map((action) => {
    const rule = findTransition(status, action, role);
    if (isRefusal(rule)) return { action, reason: `transition.${rule.code}` };
    const failing = rule.guards.find((g) => facts[g] === false);
    return { action, reason: failing ? GUARD_REASONS[failing] : null };
  });
}
