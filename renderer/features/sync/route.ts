// The Sync screen lives under each role's own section (#/loket/sync, #/supervisor/sync, #/admin/sync),
// so routeFor keeps it and every role reaches it from the status bar.
import type { Role } from '@common/domain/shared/roles.js';
import { HOME_ROUTE } from '@renderer/lib/route.js';

export const SYNC_KEYS = 'Ctrl+Shift+S';

/** '#/loket', '#/supervisor', '#/admin': the part of the home route routeFor preserves. */
export const sectionOf = (role: Role): string => HOME_ROUTE[role].split('/').slice(0, 2).join('/');

export const syncRoute = (role: Role): string => `${sectionOf(role)}/sync`;

export const isSyncRoute = (hash: string): boolean => /^#\/[a-z]+\/sync$/.test(hash);
