import { z } from 'zod';
import type { RoutePlugin } from '../../http/context.js';
import { HttpProblem, langOf } from '../../http/problem.js';
import { requirePrincipal } from '../../identity/auth.plugin.js';
import { countUnread, listInbox, markAllRead, markRead } from '../notify.service.js';

function requireUserId(req: Parameters<typeof requirePrincipal>[0]): string {
  const p = requirePrincipal(req);
  if (!p.userId) throw new HttpProblem(403, 'forbidden', '仅限用户账号 (users only)');
  return p.userId;
}

/** `/api/v1/notifications`: the signed-in user's in-app inbox. */
export const notificationRoutes: RoutePlugin = async (app, { db }) => {
  const tags = ['notifications'];
  app.get('/', {
    schema: { tags, summary: '站内消息 Inbox', querystring: z.object({ page: z.coerce.number().int().min(1).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }) },
  }, async (req) => {
    const userId = requireUserId(req);
    const en = langOf(req.headers['accept-language']) === 'en';
    const { items, total } = await listInbox(db, userId, req.query.page, req.query.pageSize);
    return {
      total,
      items: items.map((n) => ({ id: n.id, template: n.template, title: en ? n.title_en : n.title_zh, body: en ? n.body_en : n.body_zh, link: n.link, readAt: n.read_at, createdAt: n.created_at })),
    };
  });
  app.get('/unread-count', { schema: { tags, summary: '未读数 Unread count' } }, async (req) => ({ count: await countUnread(db, requireUserId(req)) }));
  app.post('/:id/read', { schema: { tags, summary: '标为已读 Mark read', params: z.object({ id: z.string().max(100) }) } }, async (req, reply) => {
    if (!(await markRead(db, requireUserId(req), req.params.id))) throw new HttpProblem(404, 'not-found');
    return reply.code(204).send();
  });
  app.post('/read-all', { schema: { tags, summary: '全部已读 Mark all read' } }, async (req, reply) => {
    await markAllRead(db, requireUserId(req));
    return reply.code(204).send();
  });
};
