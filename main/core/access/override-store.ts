import { randomBytes } from 'node:crypto';
import type { OverrideAction } from '@common/contract/auth.js';

export interface OverrideGrant {
  supervisorId: string;
  supervisorName: string;
  action: OverrideAction;
  reason: string;
  /** The session at whose desk it was granted: a token cannot travel to another desk. */
  sessionId: string;
  expiresAt: number;
}

/** Single-use grants, kept in memory: an override is for the action at hand, not for later. */
export class OverrideStore {
  private readonly grants = new Map<string, OverrideGrant>();

  issue(grant: OverrideGrant): string {
    const token = randomBytes(24).toString('base64url');
    this.grants.set(token, grant);
    return token;
  }

  /**
   * Returns the grant and forgets it; undefined when unknown, used, expired, or for another action or desk.
   * A token presented at another desk is not its desk's to spend: it stays valid where it was granted.
   */
  take(token: string, action: OverrideAction, sessionId: string, now: number): OverrideGrant | undefined {
    const grant = this.grants.get(token);
    if (!grant || grant.sessionId !== sessionId) return undefined;
    this.grants.delete(token);
    if (grant.expiresAt <= now || grant.action !== action) return undefined;
    return grant;
  }
}
