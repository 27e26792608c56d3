import { appHandlers } from './app.js';
import { biometricsHandlers } from './biometrics.js';
import { authHandlers } from './auth.js';
import type { Handlers } from './context.js';
import { endOfDayHandlers } from './end-of-day.js';
import { endOfDayExportHandlers } from './end-of-day-export.js';
import { auditHandlers, settingsHandlers } from './settings.js';
import { setupHandlers } from './setup.js';
import { syncHandlers } from './sync.js';
import { usersHandlers } from './users.js';
import { counterHandlers } from './applications-handlers.js';
import { analyticsHandlers } from './analytics.js';
import { queueHandlers } from './queue.js';
import { floorHandlers } from './floor.js';

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
  ...floorHandlers,
};
