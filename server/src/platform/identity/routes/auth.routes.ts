import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { ZProblem } from '../../http/schemas.js';
import { requirePrincipal, SESSION_COOKIE } from '../auth.plugin.js';
import { login, logout, resumeSession } from '../session.service.js';
import type { Principal } from '../principal.js';

export const ZLoginRequest = z.strictObject({
  username: z.string().min(1).max(100),
  password: z.string().min(1).max(200),
});

export const ZCurrentUser = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  organization: z.object({ id: z.string(), name: z.string(), kind: z.string() }),
  roles: z.array(z.string()),
});

const ZSession = z.object({ user: ZCurrentUser, csrfToken: z.string().nullable() });

export function presentPrincipal(p: Principal) {
  return {
    id: p.userId ?? p.id,
    username: p.username,
    displayName: p.displayName,
    organization: { id: p.organizationId, name: p.organizationName, kind: p.organizationKind },
    roles: [...p.roles],
  };
}

/** `/api/v1/auth`: password login (rate limited, lockout after 5 failures), current user, logout. */
export const authRoutes: RoutePlugin = async (app, { db, config }) => {
  app.post('/login', {
    config: { rateLimit: { max: config.rateLimitLoginPerMinute, timeWindow: '1 minute' } },
    schema: {
      tags: ['auth'],
      summary: '登录 Log in',
      body: ZLoginRequest,
      response: { 200: ZSession, 400: ZProblem, 401: ZProblem, 423: ZProblem, 429: ZProblem },
    },
  }, async (req, reply) => {
    const { token, csrfToken } = await login(db, req.body.username, req.body.password);
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.secureCookies,
    });
    // Re-resolve so the answer shows exactly what later requests will see.
    const s = (await resumeSession(db, token, config.sessionIdleMinutes))!;
    return {
      csrfToken,
      user: {
        id: s.user_id,
        username: s.username,
        displayName: s.display_name,
        organization: { id: s.organization_id, name: s.organization_name, kind: s.organization_kind },
        roles: s.roles,
      },
    };
  });

  app.get('/me', {
    schema: { tags: ['auth'], summary: '当前用户 Current user', response: { 200: ZSession, 401: ZProblem } },
  }, async (req) => {
    const p = requirePrincipal(req);
    return { user: presentPrincipal(p), csrfToken: p.csrfToken };
  });

  app.post('/logout', {
    schema: { tags: ['auth'], summary: '退出 Log out', response: { 204: z.null() } },
  }, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });
};
