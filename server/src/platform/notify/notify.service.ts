import type { DbOrTx } from '../db/index.js';
import { newId } from '../ids/index.js';
import { fill, findTemplate } from './templates.js';

export interface NotifyInput {
  /** Recipients by user id … */
  userIds?: string[];
  /** … and/or every user of an organization holding `role` or any of `roles` (all its users when neither is given). */
  organizationId?: string;
  role?: string;
  roles?: string[];
  template: string;
  params: Record<string, string | number>;
  link?: string;
}

/**
 * Puts a message in each recipient's in-app inbox, and in the outbox for SMS/email when the template asks for
 * it. Call it inside the transaction that makes the change, so a message exists exactly when the change does.
 */
export async function notify(db: DbOrTx, input: NotifyInput): Promise<number> {
  const template = findTemplate(input.template);
  if (!template) throw new Error(`unknown message template ${input.template}`);
  const recipients = new Set(input.userIds ?? []);
  if (input.organizationId) {
    let q = db.selectFrom('users').select('users.id').where('users.organization_id', '=', input.organizationId).where('users.disabled', '=', 0);
    const roles = [...(input.role ? [input.role] : []), ...(input.roles ?? [])];
    if (roles.length) q = q.innerJoin('user_roles', 'user_roles.user_id', 'users.id').where('user_roles.role', 'in', roles);
    for (const r of await q.execute()) recipients.add(r.id);
  }
  if (recipients.size === 0) return 0;
  const now = new Date().toISOString();
  const rows = [...recipients].map((userId) => ({
    id: newId('ntf'),
    user_id: userId,
    template: input.template,
    title_zh: fill(template.title.zh, input.params),
    title_en: fill(template.title.en, input.params),
    body_zh: fill(template.body.zh, input.params),
    body_en: fill(template.body.en, input.params),
    link: input.link ?? null,
    read_at: null,
    created_at: now,
  }));
  await db.insertInto('notifications').values(rows).execute();
  for (const channel of template.channels ?? []) {
    await db
      .insertInto('outbox_messages')
      .values([...recipients].map((userId) => ({
        id: newId('out'), channel, user_id: userId, template: input.template, params: JSON.stringify(input.params),
        state: 'pending' as const, attempts: 0, last_error: null, created_at: now, sent_at: null, claimed_by: null, claimed_at: null,
      })))
      .execute();
  }
  return recipients.size;
}

export async function listInbox(db: DbOrTx, userId: string, page: number, pageSize: number) {
  const [items, total] = await Promise.all([
    db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id', 'desc')
      .limit(pageSize).offset((page - 1) * pageSize).execute(),
    db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n')).where('user_id', '=', userId).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

export async function countUnread(db: DbOrTx, userId: string): Promise<number> {
  const r = await db.selectFrom('notifications').select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function markRead(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const r = await db.updateTable('notifications').set({ read_at: new Date().toISOString() })
    .where('id', '=', id).where('user_id', '=', userId).where('read_at', 'is', null).executeTakeFirst();
  if (r.numUpdatedRows) return true;
  const exists = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', userId).executeTakeFirst();
  return !!exists;
}

export async function markAllRead(db: DbOrTx, userId: string) {
  await db.updateTable('notifications').set({ read_at: new Date().toISOString() }).where('user_id', '=', userId).where('read_at', 'is', null).execute();
}
