import { appHandlers } from './office/status.js';
import { biometricsHandlers } from './biometrics/handlers.js';
import { authHandlers } from './access/auth.js';
import type { Handlers } from './kernel/context.js';
import { endOfDayHandlers } from './end-of-day/handlers.js';
import { endOfDayExportHandlers } from './end-of-day/export.js';
import { lateChangeHandlers } from './end-of-day/late.js';
import { settingsHandlers } from './office/settings.js';
import { auditHandlers } from './kernel/audit-trail.js';
import { setupHandlers } from './office/setup.js';
import { syncHandlers } from './replication/handlers.js';
import { usersHandlers } from './access/users.js';
import { counterHandlers } from './applications/handlers.js';
import { analyticsHandlers } from './analytics/handlers.js';
import { queueHandlers } from './queue/handlers.js';
import { floorHandlers } from './queue/floor.js';
import { draftsHandlers } from './drafts/handlers.js';

/** Every contract call's implementation. A call declared in the contract but missing here fails the type check. */
export const handlers: Handlers = {
  ...appHandlers,
  ...setupHandlers,
  ...authHandlers,
  ...usersHandlers,
  ...settingsHandlers,
  ...auditHandlers,
  ...biometricsHandlers,
  ...syncHandlers,
  ...counterHandlers,
  ...analyticsHandlers,
  ...queueHandlers,
  ...endOfDayHandlers,
  ...endOfDayExportHandlers,
  ...lateChangeHandlers,
  ...floorHandlers,
  ...draftsHandlers,
};
