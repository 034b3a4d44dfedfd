import { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { HttpProblem } from '../../../platform/http/index.js';
import { requirePermission, requirePrincipal, findUserById, type Principal } from '../../../platform/identity/index.js';
import { findApplicationById, listApplications } from '../application.repository.js';
import { findVisibleApplication, submitApplication } from '../application.service.js';
import { presentDetail, presentSummary } from '../application.presenter.js';
import { listMessages, postMessage } from '../message.service.js';
import { ZAssistedApplicationRequest, ZIdParam, ZMessageRequest, ZSubmitApplicationRequest } from '../water-connection.schemas.js';

function canSeeUtility(p: Principal) {
  return p.permissions.has('water-connection:read-utility');
}

/** Applications: submit (self or assisted), list, detail, messages. */
export const waterApplicationRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['water-connection'];

  app.post('/applications', {
    schema: { tags, summary: '提交用水报装申请 Submit an application', body: ZSubmitApplicationRequest },
  }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:apply');
    if (!p.userId) throw new HttpProblem(403, 'forbidden', '须以用户身份申请 (users only)');
    const { application } = await submitApplication(db, config, { principal: p }, req.body);
    return reply.code(201).send(await presentDetail(db, (await findApplicationById(db, application.id))!, p));
  });

  app.post('/applications/assisted', {
    schema: { tags, summary: '帮代办：营商服务经理代为申请 Assisted filing', body: ZAssistedApplicationRequest },
  }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:assist');
    const applicant = await findUserById(db, req.body.applicantUserId);
    if (!applicant) throw new HttpProblem(422, 'unprocessable', undefined, [{ path: 'body.applicantUserId', code: 'not-found', message: '申请人不存在 (applicant not found)' }]);
    const { applicantUserId: _id, ...input } = req.body;
    const { application } = await submitApplication(db, config, { principal: p, onBehalfOf: { userId: applicant.id, organizationId: applicant.organization_id } }, input);
    return reply.code(201).send(await presentDetail(db, (await findApplicationById(db, application.id))!, p));
  });

  app.get('/applications', {
    schema: {
      tags, summary: '申请列表 Applications (own, or the utility\'s)',
      querystring: z.object({ state: z.string().max(30).optional(), mine: z.enum(['1', '0']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
    },
  }, async (req) => {
    const p = requirePrincipal(req);
    const q = req.query;
    let rows;
    if (canSeeUtility(p)) {
      rows = await listApplications(db, { utilityOrgId: p.organizationId, managerUserId: q.mine === '1' ? p.userId ?? undefined : undefined, state: q.state, limit: q.limit, offset: q.offset });
    } else {
      requirePermission(req, 'water-connection:read-own');
      rows = await listApplications(db, { applicantOrgId: p.organizationId, state: q.state, limit: q.limit, offset: q.offset });
    }
    return { items: rows.map(presentSummary) };
  });

  app.get('/applications/:id', { schema: { tags, summary: '申请详情与办理进度 Detail and timeline', params: ZIdParam } }, async (req) => {
    const p = requirePrincipal(req);
    const { app: row } = await findVisibleApplication(db, p, req.params.id);
    return presentDetail(db, row, p);
  });

  app.get('/applications/:id/messages', { schema: { tags, summary: '留言 Messages', params: ZIdParam } }, async (req) => ({
    items: await listMessages(db, requirePrincipal(req), req.params.id),
  }));

  app.post('/applications/:id/messages', { schema: { tags, summary: '发送留言 Post a message', params: ZIdParam, body: ZMessageRequest } }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:message');
    return reply.code(201).send(await postMessage(db, p, req.params.id, req.body.body));
  });
};
