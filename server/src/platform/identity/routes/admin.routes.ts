import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';

import { HttpProblem } from '../../http/problem.js';
import { requirePermission } from '../auth.plugin.js';
import { listRoles, findRole, organizationKinds, type OrganizationKind } from '../roles.js';
import { createOrganization, presentOrganization } from '../organization.service.js';
import { findOrganizationById, listOrganizations } from '../organization.repository.js';
import { createUser } from '../user.service.js';
import { findUserById, listUsers, replaceRolesOfUser, findRolesOfUser, findRolesOfUsers } from '../user.repository.js';
import { createApiKey, listApiKeys, revokeApiKey } from '../api-key.service.js';
import { searchAudit } from '../../audit/index.js';

const kinds = Object.keys(organizationKinds) as [OrganizationKind, ...OrganizationKind[]];
const ZPage = { limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) };

export const ZCreateOrganizationRequest = z.strictObject({
  kind: z.enum(kinds),
  name: z.string().trim().min(2).max(200),
  uscc: z.string().trim().max(18).optional(),
  regionCode: z.string().regex(/^\d{6}$/).optional(),
  district: z.string().max(50).optional(),
});

export const ZCreateUserRequest = z.strictObject({
  username: z.string().regex(/^[a-zA-Z0-9_.-]{3,50}$/),
  displayName: z.string().trim().min(1).max(100),
  password: z.string().min(8).max(200),
  organizationId: z.string().min(1),
  roles: z.array(z.string()).max(20).default([]),
  phone: z.string().regex(/^1\d{10}$/).optional(),
  residentId: z.string().max(18).optional(),
});

/** `/api/v1/admin`: organizations, users, roles, API keys and the audit log, for platform administrators. */
export const adminRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['admin'];

  app.get('/roles', { schema: { tags, summary: '角色列表 Roles' } }, async (req) => {
    requirePermission(req, 'platform:admin');
    return listRoles().map((r) => ({ id: r.id, module: r.module, zh: r.zh, en: r.en, organizationKinds: r.organizationKinds }));
  });

  app.get('/organizations', {
    schema: { tags, summary: '机构列表 Organizations', querystring: z.object({ kind: z.enum(kinds).optional(), q: z.string().max(100).optional(), ...ZPage }) },
  }, async (req) => {
    requirePermission(req, 'platform:admin');
    const rows = await listOrganizations(db, req.query);
    return { items: rows.map(presentOrganization) };
  });

  app.post('/organizations', {
    schema: { tags, summary: '新建机构 Create organization', body: ZCreateOrganizationRequest },
  }, async (req, reply) => {
    requirePermission(req, 'platform:admin');
    const row = await createOrganization(db, req.body);
    return reply.code(201).send(presentOrganization(row));
  });

  app.get('/users', {
    schema: { tags, summary: '用户列表 Users', querystring: z.object({ organizationId: z.string().optional(), ...ZPage }) },
  }, async (req) => {
    requirePermission(req, 'platform:admin');
    const rows = await listUsers(db, req.query);
    const roles = await findRolesOfUsers(db, rows.map((u) => u.id));
    return {
      items: rows.map((u) => ({
        roles: roles.get(u.id) ?? [],
        id: u.id, username: u.username, displayName: u.display_name, phone: u.phone_masked, residentId: u.resident_id_masked,
        organization: { id: u.organization_id, name: u.organization_name, kind: u.organization_kind },
        disabled: !!u.disabled, lockedUntil: u.locked_until, createdAt: u.created_at,
      })),
    };
  });

  app.post('/users', {
    schema: { tags, summary: '新建用户 Create user', body: ZCreateUserRequest },
  }, async (req, reply) => {
    requirePermission(req, 'platform:admin');
    const u = await db.transaction().execute((trx) => createUser(trx, config.piiKey, req.body));
    return reply.code(201).send({
      id: u.id, username: u.username, displayName: u.display_name, organizationId: u.organization_id,
      phone: u.phone_masked, residentId: u.resident_id_masked, roles: req.body.roles,
    });
  });

  app.put('/users/:id/roles', {
    schema: { tags, summary: '设置用户角色 Set roles', params: z.object({ id: z.string() }), body: z.strictObject({ roles: z.array(z.string()).max(20) }) },
  }, async (req) => {
    requirePermission(req, 'platform:admin');
    const user = await findUserById(db, req.params.id);
    if (!user) throw new HttpProblem(404, 'not-found');
    const org = (await findOrganizationById(db, user.organization_id))!;
    const bad = req.body.roles.filter((r) => !findRole(r)?.organizationKinds.includes(org.kind));
    if (bad.length) throw new HttpProblem(422, 'unprocessable', undefined, bad.map((r) => ({ path: 'body.roles', code: 'role-not-allowed', message: r })));
    await db.transaction().execute((trx) => replaceRolesOfUser(trx, user.id, req.body.roles));
    return { id: user.id, roles: await findRolesOfUser(db, user.id) };
  });

  app.get('/organizations/:id/api-keys', { schema: { tags, params: z.object({ id: z.string() }) } }, async (req) => {
    requirePermission(req, 'platform:admin');
    const rows = await listApiKeys(db, req.params.id);
    return { items: rows.map((k) => ({ id: k.id, name: k.name, prefix: k.prefix, scopes: JSON.parse(k.scopes), roles: JSON.parse(k.roles), createdAt: k.created_at, revokedAt: k.revoked_at })) };
  });

  app.post('/organizations/:id/api-keys', {
    schema: {
      tags, summary: '创建 API 密钥（仅显示一次）Create API key (shown once)', params: z.object({ id: z.string() }),
      body: z.strictObject({ name: z.string().min(1).max(100), scopes: z.array(z.string()).min(1), roles: z.array(z.string()).min(1) }),
    },
  }, async (req, reply) => {
    const p = requirePermission(req, 'platform:admin');
    if (!(await findOrganizationById(db, req.params.id))) throw new HttpProblem(404, 'not-found');
    const key = await createApiKey(db, { organizationId: req.params.id, ...req.body, createdBy: p.id });
    return reply.code(201).send(key);
  });

  app.delete('/organizations/:id/api-keys/:keyId', { schema: { tags, params: z.object({ id: z.string(), keyId: z.string() }) } }, async (req, reply) => {
    requirePermission(req, 'platform:admin');
    await revokeApiKey(db, req.params.id, req.params.keyId);
    return reply.code(204).send();
  });

  app.get('/audit', {
    schema: {
      tags, summary: '审计日志 Audit log',
      querystring: z.object({ actor: z.string().optional(), action: z.string().optional(), organizationId: z.string().optional(), from: z.string().optional(), to: z.string().optional(), ...ZPage }),
    },
  }, async (req) => {
    requirePermission(req, 'platform:audit.read');
    const rows = await searchAudit(db, req.query);
    return {
      items: rows.map((r) => ({
        id: r.id, at: r.at, requestId: r.request_id, actorKind: r.actor_kind, actorId: r.actor_id, actorName: r.actor_name,
        organizationId: r.organization_id, action: r.action, target: r.target, outcome: r.outcome, detail: r.detail ? JSON.parse(r.detail) : null,
      })),
    };
  });
};
