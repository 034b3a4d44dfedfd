import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry } from '../../platform/ledger/index.js';
import { notify } from '../../platform/notify/index.js';
import { addWorkingDays, todayInChina } from '../../platform/calendar/index.js';
import { findApplicationById } from './application.repository.js';
import { isBadRating, ratingLevels, RECTIFICATION_WORKING_DAYS } from './application-rules.js';
import { waterRoles } from './water-connection.policy.js';
import { waterTemplates } from './water-connection.templates.js';

/**
 * 好差评 (国办发〔2019〕51号): one rating per completed service (一事一评), 5 levels. 不满意 or worse opens a
 * rectification task due in 5 working days, with a callback to the rater recorded when it is closed.
 */
export async function rateApplication(db: Db, p: Principal, id: string, input: { level: number; comment?: string }) {
  const app = await findApplicationById(db, id);
  if (!app || app.applicant_org_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
  if (p.userId !== app.applicant_user_id) throw new HttpProblem(403, 'forbidden', '仅申请人本人可评价 (only the applicant rates)');
  if (app.state !== 'completed') throw new HttpProblem(409, 'conflict', '通水完成后方可评价 (rate after completion)');
  const existing = await db.selectFrom('wc_ratings').select('id').where('application_id', '=', id).executeTakeFirst();
  if (existing) throw new HttpProblem(409, 'already-rated', '每项服务只能评价一次（一事一评）', undefined, undefined, ['已评价', 'Already rated']);
  return db.transaction().execute(async (trx) => {
    const now = new Date();
    const ratingId = newId('wsr');
    let rectification: { id: string; dueDate: string } | null = null;
    if (isBadRating(input.level)) {
      const dueDate = addWorkingDays(todayInChina(now), RECTIFICATION_WORKING_DAYS);
      rectification = { id: newId('wsx'), dueDate };
      await notify(trx, {
        organizationId: app.utility_org_id,
        roles: [waterRoles.supervisor],
        userIds: app.manager_user_id ? [app.manager_user_id] : [],
        template: waterTemplates['water-connection.bad-rating'],
        params: { number: app.number, level: ratingLevels[input.level]![0], dueDate },
        link: `/water-connection/applications/${id}`,
      });
    }
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'water-connection.rated',
      subject: app.number,
      data: { applicationId: id, level: input.level, rectificationDue: rectification?.dueDate ?? null },
      visibleTo: { organizationIds: [app.applicant_org_id, app.utility_org_id] },
    });
    await trx.insertInto('wc_ratings').values({ id: ratingId, application_id: id, level: input.level, comment: input.comment ?? null, ledger_index: leafIndex, created_at: now.toISOString() }).execute();
    if (rectification) {
      await trx.insertInto('wc_rectifications').values({
        id: rectification.id, application_id: id, rating_id: ratingId, state: 'open', due_date: rectification.dueDate,
        action_taken: null, callback_record: null, created_at: now.toISOString(), closed_at: null,
      }).execute();
    }
    return { ratingId, level: input.level, ledgerIndex: leafIndex, rectification };
  });
}

export async function closeRectification(db: Db, p: Principal, id: string, input: { actionTaken: string; callbackRecord: string }) {
  const r = await db.selectFrom('wc_rectifications').innerJoin('wc_applications', 'wc_applications.id', 'wc_rectifications.application_id')
    .select(['wc_rectifications.id', 'wc_rectifications.state', 'wc_applications.utility_org_id', 'wc_applications.applicant_org_id', 'wc_applications.number'])
    .where('wc_rectifications.id', '=', id).executeTakeFirst();
  if (!r || r.utility_org_id !== p.organizationId) throw new HttpProblem(404, 'not-found');
  if (r.state !== 'open') throw new HttpProblem(409, 'conflict', '整改已办结 (already closed)');
  await db.transaction().execute(async (trx) => {
    await trx.updateTable('wc_rectifications').set({ state: 'closed', action_taken: input.actionTaken, callback_record: input.callbackRecord, closed_at: new Date().toISOString() }).where('id', '=', id).execute();
    await appendLedgerEntry(trx, {
      type: 'water-connection.rectified', subject: r.number, data: { rectificationId: id, actionTaken: input.actionTaken },
      visibleTo: { organizationIds: [r.applicant_org_id, r.utility_org_id] },
    });
  });
  return { id, state: 'closed' as const };
}
