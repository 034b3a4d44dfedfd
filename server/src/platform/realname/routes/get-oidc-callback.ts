import type { ZodApp, AppContext } from '../../http/context.js';
import { HttpProblem } from '../../http/problem.js';
import { completeOidcVerification } from '../realname.service.js';
import type { RealNameRuntime } from '../realname.runtime.js';
import { requireUser } from './require-user.js';
import { clearOidcTransactionCookie, OIDC_TX_COOKIE } from './oidc-cookie.js';

/** Where the web app shows the outcome; only a status or an error code travels in the URL. */
export const REALNAME_RESULT_PAGE = '/realname';

/**
 * The provider sends the browser back here. The outcome is a redirect to the web app, never a JSON page in
 * the browser: `?status=verified`, or `?error=<code>` with the same stable codes as the API.
 */
export function registerGetOidcCallback(app: ZodApp, { db }: AppContext, rt: RealNameRuntime): void {
  app.get('/oidc/callback', {
    schema: {
      tags: ['realname'],
      summary: '政务 OIDC 实名认证回调 OpenID provider callback',
      description: `Answers 302 to ${REALNAME_RESULT_PAGE}?status=verified or ${REALNAME_RESULT_PAGE}?error=<code> (e.g. realname-oidc-state-mismatch).`,
    },
  }, async (req, reply) => {
    clearOidcTransactionCookie(reply);
    try {
      const { userId, ctx } = requireUser(req);
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
      await completeOidcVerification(db, rt, userId, req.cookies[OIDC_TX_COOKIE], query, ctx);
      return reply.redirect(`${REALNAME_RESULT_PAGE}?status=verified`, 302);
    } catch (err) {
      if (!(err instanceof HttpProblem)) throw err;
      req.log.info({ code: err.code }, 'realname oidc callback refused');
      return reply.redirect(`${REALNAME_RESULT_PAGE}?error=${encodeURIComponent(String(err.code))}`, 302);
    }
  });
}
