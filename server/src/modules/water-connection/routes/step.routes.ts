import type { z } from 'zod';
import type { RoutePlugin } from '../../../platform/http/index.js';
import { requirePermission, type Principal } from '../../../platform/identity/index.js';
import type { Config } from '../../../platform/config/index.js';
import type { Db } from '../../../platform/db/index.js';
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

type StepService<B> = (db: Db, config: Config, p: Principal, id: string, body: B) => Promise<unknown>;

/**
 * The process steps. Each answers the updated application detail. The caller must be able to see the
 * application (404 otherwise); the workflow then checks role (403), state (409 with allowed actions) and
 * version (409 stale-version).
 */
export const waterStepRoutes: RoutePlugin = async (app, { db, config }) => {
  const tags = ['water-connection'];

  /** One step route: permission, visibility, the step's service, then the updated detail. */
  function step<S extends z.ZodType>(path: string, summary: string, permission: string, body: S, run: StepService<z.infer<S>>) {
    app.post(`/applications/:id/${path}`, { schema: { tags, summary, params: ZIdParam, body } }, async (req) => {
      const p = requirePermission(req, permission);
      const id = (req.params as { id: string }).id;
      await findVisibleApplication(db, p, id);
      await run(db, config, p, id, req.body as z.infer<S>);
      return presentDetail(db, (await findApplicationById(db, id))!, p);
    });
  }

  step('survey-slot', '预约勘察时间 Book a survey slot', 'water-connection:apply', ZPickSurveySlotRequest, pickSurveySlot);
  step('survey-confirm', '确认勘察预约 Confirm the slot', 'water-connection:manage', ZVersionOnly, confirmSurvey);
  step('survey-result', '勘察结果（设计图、费用）Survey result', 'water-connection:manage', ZRecordSurveyRequest, recordSurvey);
  step('construction/schedule', '安排施工 Schedule construction', 'water-connection:construct', ZScheduleConstructionRequest, scheduleConstruction);
  step('construction/complete', '施工完成（照片）Construction completed', 'water-connection:construct', ZCompleteConstructionRequest, completeConstruction);
  step('water-on', '通水（表号）Water on', 'water-connection:construct', ZWaterOnRequest, turnWaterOn);
  step('reject', '不予受理（说明理由）Reject with a reason', 'water-connection:manage', ZRejectRequest, rejectApplication);
  step('withdraw', '撤回申请 Withdraw', 'water-connection:apply', ZVersionOnly, withdrawApplication);

  app.post('/applications/:id/rating', { schema: { tags, summary: '好差评 Rate the service', params: ZIdParam, body: ZRatingRequest } }, async (req, reply) => {
    const p = requirePermission(req, 'water-connection:rate');
    return reply.code(201).send(await rateApplication(db, p, req.params.id, req.body));
  });

  app.post('/rectifications/:id/close', { schema: { tags, summary: '差评整改办结与回访 Close a rectification', params: ZIdParam, body: ZCloseRectificationRequest } }, async (req) => {
    const p = requirePermission(req, 'water-connection:supervise');
    return closeRectification(db, p, req.params.id, req.body);
  });
};
