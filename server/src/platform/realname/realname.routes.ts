import type { RoutePlugin } from '../http/context.js';
import { createRealNameRuntime } from './realname.runtime.js';
import { registerGetProvider } from './routes/get-provider.js';
import { registerPostLocalStart } from './routes/post-local-start.js';
import { registerPostLocalConfirm } from './routes/post-local-confirm.js';
import { registerGetOidcStart } from './routes/get-oidc-start.js';
import { registerGetOidcCallback } from './routes/get-oidc-callback.js';
import { registerGetMe } from './routes/get-me.js';

/** `/api/v1/realname`: which provider runs, the local demo's two steps, the OIDC redirect pair, my result. */
export const realNameRoutes: RoutePlugin = async (app, ctx) => {
  const rt = createRealNameRuntime(ctx.db, ctx.config, app.log);
  registerGetProvider(app, rt);
  registerPostLocalStart(app, ctx, rt);
  registerPostLocalConfirm(app, ctx, rt);
  registerGetOidcStart(app, ctx, rt);
  registerGetOidcCallback(app, ctx, rt);
  registerGetMe(app, ctx);
};
