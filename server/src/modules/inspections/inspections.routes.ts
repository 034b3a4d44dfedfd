/** `/api/v1/inspections`: every route of the module (registered by the lead in server/src/routes.ts). */
import type { RoutePlugin } from '../../platform/http/context.js';
import './inspections.policy.js';
import { checklistRoutes } from './routes/checklist.routes.js';
import { planRoutes } from './routes/plan.routes.js';
import { rosterRoutes } from './routes/roster.routes.js';
import { selfCheckRoutes } from './routes/self-check.routes.js';
import { taskRoutes } from './routes/task.routes.js';

export const inspectionsRoutes: RoutePlugin = async (app, ctx) => {
  await checklistRoutes(app, ctx);
  await selfCheckRoutes(app, ctx);
  await rosterRoutes(app, ctx);
  await planRoutes(app, ctx);
  await taskRoutes(app, ctx);
};
