import { AppError } from '@common/contract/result.js';
import type { OverrideAction } from '@common/contract/auth.js';
import type { CallContext } from '../kernel/context.js';
import type { OverrideGrant } from './override-store.js';
import { signedIn } from './auth.js';

/**
 * For use cases that need a supervisor (fee waivers, quota overrides, reprints, voids): takes the
 * single-use grant issued by auth.override at this desk, or refuses with a code the UI answers by
 * opening the override dialog. Put `overrideSummary(grant)` into the use case's audit summary.
 */
export function takeOverride(ctx: CallContext, token: string | undefined, action: OverrideAction): OverrideGrant {
  const { session } = signedIn(ctx);
  const grant = token ? ctx.core.overrides.take(token, action, session.id, ctx.now) : undefined;
  if (!grant)
    throw new AppError('FORBIDDEN', 'This needs a supervisor override', { reason: 'override.required', overrideRequired: action });
  return grant;
}

export const overrideSummary = (g: OverrideGrant): Record<string, unknown> => ({
  overrideBy: g.supervisorId,
  overrideReason: g.reason,
});
