import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../db/index.js';
import type { Config } from '../config/index.js';
import { HttpProblem } from '../http/problem.js';
import type { Principal } from './principal.js';
import { permissionsOf, type OrganizationKind } from './roles.js';
import { resumeSession } from './session.service.js';
import { resolveApiKey } from './api-key.service.js';

export const SESSION_COOKIE = 'ys_session';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolves the caller on every request: a session cookie (users) or `Authorization: Bearer ys_…` (API keys).
 * Cookie-authenticated state-changing requests must carry the session's CSRF token in `x-csrf-token`.
 */
export function registerAuth(app: FastifyInstance, db: Db, config: Config): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (req) => {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ys_')) {
      const key = await resolveApiKey(db, auth.slice(7));
      if (!key) throw new HttpProblem(401, 'unauthenticated', 'API key invalid or revoked');
      req.principal = {
        kind: 'api-key',
        id: key.id,
        userId: null,
        username: `api-key:${key.name}`,
        displayName: key.name,
        organizationId: key.organization_id,
        organizationName: key.organization_name,
        organizationKind: key.organization_kind as OrganizationKind,
        roles: new Set(key.roles),
        permissions: permissionsOf(key.roles),
        scopes: key.scopes,
        csrfToken: null,
      };
      return;
    }
    const token = req.cookies[SESSION_COOKIE];
    if (!token) return;
    const s = await resumeSession(db, token, config.sessionIdleMinutes);
    if (!s) return;
    req.principal = {
      kind: 'user',
      id: s.user_id,
      userId: s.user_id,
      username: s.username,
      displayName: s.display_name,
      organizationId: s.organization_id,
      organizationName: s.organization_name,
      organizationKind: s.organization_kind as OrganizationKind,
      roles: new Set(s.roles),
      permissions: permissionsOf(s.roles),
      scopes: null,
      csrfToken: s.csrf_token,
    };
  });
  app.addHook('preValidation', async (req) => {
    const p = req.principal;
    if (!p || p.kind !== 'user' || !STATE_CHANGING.has(req.method)) return;
    if (req.headers['x-csrf-token'] !== p.csrfToken) throw new HttpProblem(403, 'csrf-failed');
  });
}

/** The caller, or 401. */
export function requirePrincipal(req: FastifyRequest): Principal {
  if (!req.principal) throw new HttpProblem(401, 'unauthenticated');
  return req.principal;
}

/** The caller holding `permission` (`<module>:<action>`), or 401/403. API keys must also be scoped to the module. */
export function requirePermission(req: FastifyRequest, permission: string): Principal {
  const p = requirePrincipal(req);
  const module = permission.split(':')[0]!;
  if (!p.permissions.has(permission) || (p.scopes && !p.scopes.includes(module))) {
    throw new HttpProblem(403, 'forbidden', `需要权限 requires ${permission}`);
  }
  return p;
}

/** The caller holding any of `roles`, or 401/403. */
export function requireRole(req: FastifyRequest, ...roles: string[]): Principal {
  const p = requirePrincipal(req);
  if (!roles.some((r) => p.roles.has(r))) throw new HttpProblem(403, 'forbidden', `需要角色 requires one of ${roles.join(', ')}`);
  return p;
}

export function hasRole(p: Principal | null, role: string): boolean {
  return !!p && p.roles.has(role);
}
