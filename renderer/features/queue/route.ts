// Queue screens under the role's section: #/loket/antrean is reception's check-in.
import type { Role } from '@common/domain/shared/roles.js';
import { sectionOf } from '../sync/route.js';

export const checkInRoute = (role: Role): string => `${sectionOf(role)}/antrean`;
export const isCheckInRoute = (hash: string): boolean => /^#\/[a-z]+\/antrean\/?$/.test(hash);
