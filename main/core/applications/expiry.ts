// Passports not collected within 30 days of being ready expire on their own: the background sweep runs
// this without anyone signed in. The transition is the supervisor's rule (the office's policy, not a
// person's choice), recorded under the system actor so the audit trail says nobody pressed a button.
// Each desk sweeps only the applications it made: every desk holds the office's, and one expiry is enough.
import { COLLECTION_WINDOW_DAYS, findTransition, isRefusal } from '@common/domain/applications/flow.js';
import { readyBefore } from '@db/queries/applications/applications.js';
import type { UserRow } from '@db/queries/access/users.js';
import { applyTransition } from './flow.js';
import { backgroundContext } from '../kernel/context.js';
import type { Core } from '../core.js';

const DAY_MS = 24 * 60 * 60_000;

/** Who the audit trail names for automatic changes; acts with the authority the expiry rule asks for. */
export const SYSTEM_ACTOR: Pick<UserRow, 'id' | 'username' | 'role'> = { id: 'system', username: 'system', role: 'supervisor' };

export interface ExpirySweepResult {
  expired: string[];
  /** Applications left for the next sweep, with why (a closed business day, say). */
  skipped: Array<{ number: string; reason: string }>;
}

/** Expires every application ready for longer than the collection window, in the live database. */
export function expireOverdueApplications(core: Core): ExpirySweepResult {
  const ctx = backgroundContext(core, { db: core.liveDb });
  const out: ExpirySweepResult = { expired: [], skipped: [] };
  for (const a of readyBefore(ctx.db, ctx.now - COLLECTION_WINDOW_DAYS * DAY_MS, true)) {
    const rule = findTransition(a.status, 'expire', SYSTEM_ACTOR.role);
    if (isRefusal(rule)) {
      out.skipped.push({ number: a.number, reason: rule.code });
      continue;
    }
    try {
      applyTransition(ctx, a, rule, { reason: null, actor: SYSTEM_ACTOR, details: { readyAt: a.ready_at, automatic: true } });
      out.expired.push(a.number);
    } catch (e) {
      out.skipped.push({ number: a.number, reason: e instanceof Error ? e.message : String(e) });
    }
  }
  return out;
}

export const EXPIRY_SWEEP_MS = 15 * 60_000;

/** Starts the periodic sweep (and one right away); returns the function that stops it. */
export function startExpirySweep(core: Core, intervalMs = EXPIRY_SWEEP_MS): () => void {
  const log = core.log.child({ component: 'expiry' });
  const run = () => {
    try {
      const r = expireOverdueApplications(core);
      if (r.expired.length > 0) log.info({ count: r.expired.length, numbers: r.expired }, 'expired uncollected applications');
      for (const s of r.skipped) log.warn({ number: s.number, reason: s.reason }, 'application not expired yet');
    } catch (err) {
      // A sweep that fails (database busy, closing) is retried at the next tick.
      log.error({ err }, 'expiry sweep failed');
    }
  };
  run();
  const timer = setInterval(run, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
