/**
 * water-connection (泉州 用水报装): the ONLY import surface of this module for the rest of the platform.
 */
import './water-connection.policy.js';
import './water-connection.workflow.js';
import type { RoutePlugin } from '../../platform/http/index.js';
import { waterPublicRoutes } from './routes/public.routes.js';
import { waterApplicationRoutes } from './routes/application.routes.js';
import { waterStepRoutes } from './routes/step.routes.js';
import { waterContractRoutes } from './routes/contract.routes.js';
import { waterDashboardRoutes } from './routes/dashboard.routes.js';

export { waterRoles } from './water-connection.policy.js';
export { submitApplication } from './application.service.js';

/** All routes of the module, registered under /api/v1/water-connection. */
export const waterConnectionRoutes: RoutePlugin = async (app, ctx) => {
  await waterPublicRoutes(app, ctx);
  await waterApplicationRoutes(app, ctx);
  await waterStepRoutes(app, ctx);
  await waterContractRoutes(app, ctx);
  await waterDashboardRoutes(app, ctx);
};
