import type { Db } from '../../platform/db/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { notify } from '../../platform/notify/index.js';
import { findVisibleApplication } from './application.service.js';
import { waterTemplates } from './water-connection.templates.js';

/** Messages between applicant and service manager on one application. */
export async function postMessage(db: Db, p: Principal, id: string, body: string) {
  const { app, side } = await findVisibleApplication(db, p, id);
  const row = { id: newId('wsm'), application_id: id, author_user_id: p.userId ?? p.id, author_name: p.displayName, author_side: side, body, created_at: new Date().toISOString() };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('wc_messages').values(row).execute();
    const to = side === 'applicant' ? app.manager_user_id : app.applicant_user_id;
    if (to) await notify(trx, { userIds: [to], template: waterTemplates['water-connection.message'], params: { number: app.number, author: p.displayName, excerpt: body.slice(0, 60) }, link: `/water-connection/applications/${id}` });
  });
  return presentMessage(row);
}

export async function listMessages(db: Db, p: Principal, id: string) {
  await findVisibleApplication(db, p, id);
  const rows = await db.selectFrom('wc_messages').selectAll().where('application_id', '=', id).orderBy('created_at').execute();
  return rows.map(presentMessage);
}

function presentMessage(m: { id: string; author_name: string; author_side: string; body: string; created_at: string }) {
  return { id: m.id, authorName: m.author_name, authorSide: m.author_side, body: m.body, createdAt: m.created_at };
}
