import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission } from '../../../platform/identity/index.js';
import { findVisibleApplication } from '../application.service.js';
import { presentDetail } from '../application.presenter.js';
import { confirmSurvey, pickSurveySlot, recordSurvey } from '../survey.service.js';
import { completeConstruction, scheduleConstruction, turnWaterOn } from '../construction.service.js';
import { closeRectification, rateApplication } from '../rating.service.js';
import { rejectApplication, withdrawApplication } from '../closing.service.js';
import { findApplicationById } from '../application.repository.js';
import {
  ZCloseRectificationRequest, ZCompleteConstructionRequest, ZIdParam, ZPickSurveySlotRequest, ZRatingRequest,
  ZRecordSurveyRequest, ZRejectRequest, ZScheduleConstructionRequest, ZVersionOnly, ZWaterOnRequest,
} from '../water-connection.schemas.js';

/**
 * The process steps. Each answers the updated application detail. The caller must be able to see the
 * application (404 otherwise); the workflow then checks role (403), state (409 with allowed actions) and
 * version (409 stale-version).
 */
export const waterStepRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['water-connection'];
  const detail = async (id: string, p: Parameters<typeof presentDetail>[2]) => presentDetail(db, (await findApplicationById(db, id))!, p);

  app.post('/applications/:id/survey-slot', { schema: { tags, summary: '预约勘察时间 Book a survey slot', params: ZIdParam, body: ZPickSurveySlotRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:apply');
    await findVisibleApplication(db, p, req.params.id);
    await pickSurveySlot(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/survey-confirm', { schema: { tags, summary: '确认勘察预约 Confirm the slot', params: ZIdParam, body: ZVersionOnly } }, async (req) => {
    const p = requirePermission(req, 'water-connection:manage');
    await findVisibleApplication(db, p, req.params.id);
    await confirmSurvey(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/survey-result', { schema: { tags, summary: '勘察结果（设计图、费用）Survey result', params: ZIdParam, body: ZRecordSurveyRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:manage');
    await findVisibleApplication(db, p, req.params.id);
    await recordSurvey(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/construction/schedule', { schema: { tags, summary: '安排施工 Schedule construction', params: ZIdParam, body: ZScheduleConstructionRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:construct');
    await findVisibleApplication(db, p, req.params.id);
    await scheduleConstruction(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/construction/complete', { schema: { tags, summary: '施工完成（照片）Construction completed', params: ZIdParam, body: ZCompleteConstructionRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:construct');
    await findVisibleApplication(db, p, req.params.id);
    await completeConstruction(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/water-on', { schema: { tags, summary: '通水（表号）Water on', params: ZIdParam, body: ZWaterOnRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:construct');
    await findVisibleApplication(db, p, req.params.id);
    await turnWaterOn(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/reject', { schema: { tags, summary: '不予受理（说明理由）Reject with a reason', params: ZIdParam, body: ZRejectRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:manage');
    await findVisibleApplication(db, p, req.params.id);
    await rejectApplication(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/withdraw', { schema: { tags, summary: '撤回申请 Withdraw', params: ZIdParam, body: ZVersionOnly } }, async (req) => {
    const p = requirePermission(req, 'water-connection:apply');
    await findVisibleApplication(db, p, req.params.id);
    await withdrawApplication(db, config, p, req.params.id, req.body);
    return detail(req.params.id, p);
  });

  app.post('/applications/:id/rating', { schema: { tags, summary: '好差评 Rate the service', params: ZIdParam, body: ZRatingRequest } }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:rate');
    return reply.code(201).send(await rateApplication(db, p, req.params.id, req.body));
  });

  app.post('/rectifications/:id/close', { schema: { tags, summary: '差评整改办结与回访 Close a rectification', params: ZIdParam, body: ZCloseRectificationRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:supervise');
    return closeRectification(db, p, req.params.id, req.body);
  });
};
