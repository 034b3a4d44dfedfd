import type { FastifyRequest } from 'fastify';
import { requirePrincipal, type Principal } from '../../identity/index.js';
import { forbidden } from '../../http/problem.js';
import type { RequestContext } from '../realname.service.js';

/** Real-name verification is a person's own act: a signed-in user, never an institution's API key. */
export function requireUser(req: FastifyRequest): { userId: string; principal: Principal; ctx: RequestContext } {
  const principal = requirePrincipal(req);
  if (principal.kind !== 'user' || !principal.userId) throw forbidden('实名认证仅限本人登录后进行 only a signed-in person can verify');
  return {
    userId: principal.userId,
    principal,
    ctx: { requestId: req.id, ip: req.ip, actorName: principal.username, organizationId: principal.organizationId },
  };
}
