import type { ZodApp, AppContext } from '../../http/context.js';
import { problemResponses, ZProblem } from '../../http/schemas.js';
import { startOidcVerification } from '../realname.service.js';
import type { RealNameRuntime } from '../realname.runtime.js';
import { requireUser } from './require-user.js';
import { setOidcTransactionCookie } from './oidc-cookie.js';

/** The browser navigates here; it is sent on to the provider's authorization endpoint. */
export function registerGetOidcStart(app: ZodApp, { db, config }: AppContext, rt: RealNameRuntime): void {
  app.get('/oidc/start', {
    schema: {
      tags: ['realname'],
      summary: '政务 OIDC 实名认证：跳转到认证服务 Go to the government OpenID provider',
      description: 'Answers 302 to the provider (authorization code flow, PKCE S256, state, nonce).',
      response: { ...problemResponses, 502: ZProblem },
    },
  }, async (req, reply) => {
    const { userId } = requireUser(req);
    const { url, transactionId } = await startOidcVerification(db, rt, userId);
    setOidcTransactionCookie(reply, config, transactionId);
    return reply.redirect(url, 302);
  });
}
