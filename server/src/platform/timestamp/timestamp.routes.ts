import type { RoutePlugin } from '../http/context.js';
import { registerGetTsaCertificates } from './routes/get-tsa-certificates.js';
import { registerPostTimestampQuery } from './routes/post-timestamp-query.js';

/** RFC 3161 queries are a few hundred bytes; anything much larger is not a query. */
const QUERY_LIMIT_BYTES = 16 * 1024;

/** `/api/v1/tsa`: the platform's RFC 3161 timestamp authority. Public, rate-limited like other public routes. */
export const timestampRoutes: RoutePlugin = async (app, ctx) => {
  app.addContentTypeParser('application/timestamp-query', { parseAs: 'buffer', bodyLimit: QUERY_LIMIT_BYTES }, (_req, body, done) => {
    done(null, body);
  });
  registerPostTimestampQuery(app, ctx);
  registerGetTsaCertificates(app, ctx);
};
