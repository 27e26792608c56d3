// The Sync screen lives under each role's own section (#/loket/sync, #/supervisor/sync, #/admin/sync),
// so routeFor keeps it and every role that may read it reaches it from the status bar (reception may not).
import { contract } from '@common/contract/index.js';
import { roleAllowed, type Role } from '@common/domain/shared/roles.js';
import { HOME_ROUTE } from '@renderer/lib/route.js';

export const SYNC_KEYS = 'Ctrl+Shift+S';

/** '#/loket', '#/supervisor', '#/admin': the part of the home route routeFor preserves. */
export const sectionOf = (role: Role): string => HOME_ROUTE[role].split('/').slice(0, 2).join('/');

/** Whether the role may open the Sync screen: the contract's access to its list says so. */
export const maySync = (role: Role): boolean => roleAllowed(contract['sync.list'].access, role);

export const syncRoute = (role: Role): string => `${sectionOf(role)}/sync`;

export const isSyncRoute = (hash: string): boolean => /^#\/[a-z]+\/sync$/.test(hash);
