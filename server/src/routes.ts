/**
 * Every route plugin and its prefix. Platform first, then modules. A module registers here exactly once,
 * through its index.ts.
 */
import type { RoutePlugin } from './platform/http/context.js';
import { authRoutes } from './platform/identity/routes/auth.routes.js';
import { adminRoutes } from './platform/identity/routes/admin.routes.js';
import { notificationRoutes } from './platform/notify/routes/notification.routes.js';
import { fileRoutes } from './platform/files/routes/file.routes.js';
import { realNameRoutes } from './platform/realname/index.js';
import { ledgerRoutes } from './platform/ledger/index.js';
import { timestampRoutes } from './platform/timestamp/index.js';
import { waterConnectionRoutes } from './modules/water-connection/index.js';
import { inspectionsRoutes } from './modules/inspections/index.js';
import { bankruptcyRoutes } from './modules/bankruptcy/index.js';

export const routePlugins: ReadonlyArray<readonly [string, RoutePlugin]> = [
  ['/api/v1/auth', authRoutes],
  ['/api/v1/admin', adminRoutes],
  ['/api/v1/notifications', notificationRoutes],
  ['/api/v1/files', fileRoutes],
  ['/api/v1/realname', realNameRoutes],
  ['/api/v1/ledger', ledgerRoutes],
  ['/api/v1/tsa', timestampRoutes],
  // Modules
  ['/api/v1/water-connection', waterConnectionRoutes],
  ['/api/v1/inspections', inspectionsRoutes],
  ['/api/v1/bankruptcy', bankruptcyRoutes],
];
