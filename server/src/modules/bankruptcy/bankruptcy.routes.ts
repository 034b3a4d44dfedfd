import type { RoutePlugin } from '../../platform/http/index.js';
import './bankruptcy.policy.js';
import { announcementRoutes } from './routes/announcement.routes.js';
import { assetRoutes } from './routes/asset.routes.js';
import { caseRoutes } from './routes/case.routes.js';
import { distributionRoutes } from './routes/distribution.routes.js';
import { fundRoutes } from './routes/fund.routes.js';
import { miscRoutes } from './routes/misc.routes.js';
import { claimRoutes } from './routes/claim.routes.js';
import { meetingRoutes } from './routes/meeting.routes.js';

/** Everything under `/api/v1/bankruptcy`. */
export const bankruptcyRoutes: RoutePlugin = async (app, ctx) => {
  await caseRoutes(app, ctx);
  await claimRoutes(app, ctx);
  await meetingRoutes(app, ctx);
  await announcementRoutes(app, ctx);
  await distributionRoutes(app, ctx);
  await fundRoutes(app, ctx);
  await assetRoutes(app, ctx);
  await miscRoutes(app, ctx);
};
