import type { RoutePlugin } from '../../../platform/http/index.js';
import { serviceGuide } from '../guide.js';
import { trackApplication } from '../tracking.service.js';
import { ZTrackRequest } from '../water-connection.schemas.js';

/** Public, no login: the service guide and tracking by number + last 4 phone digits (POST: nothing in URLs). */
export const waterPublicRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['water-connection'];
  app.get('/guide', { schema: { tags, summary: '办事指南 Service guide' } }, async () => serviceGuide());
  app.post('/track', {
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    schema: { tags, summary: '进度查询 Track an application (number + last 4 phone digits)', body: ZTrackRequest },
  }, async (req) => trackApplication(db, config, req.body.number, req.body.phoneLast4));
};
