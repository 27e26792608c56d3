// The capture screen for one application: #/loket/capture/<application id> (and under the supervisor's
// section, for a supervisor at a counter).
import type { Role } from '@common/domain/shared/roles.js';
import { sectionOf } from '../sync/route.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const captureRoute = (role: Role, applicationId: string): string => `${sectionOf(role)}/capture/${applicationId}`;

/** The application id in a capture route, or null (also for anything that is not a UUID). */
export function captureTarget(hash: string): string | null {
  const match = /^#\/[a-z]+\/capture\/([^/?#]+)$/.exec(hash);
  const id = match?.[1] ? decodeURIComponent(match[1]) : '';
  return UUID.test(id) ? id.toLowerCase() : null;
}

export const isUuid = (value: string): boolean => UUID.test(value.trim());
