import type { Config } from '../../platform/config/index.js';
import type { Db } from '../../platform/db/index.js';
import { HttpProblem } from '../../platform/http/index.js';
import { getProcess } from '../../platform/workflow/index.js';
import { getInstance } from './workflow-adapter.js';
import { findApplicationByTracking } from './application.repository.js';
import { presentTimeline } from './application.presenter.js';
import { trackingHash } from './application.service.js';

/**
 * Public tracking by application number + the last 4 digits of the contact phone. A wrong pair answers 404
 * (no hint which part was wrong). The answer carries no personal data: steps, times, deadlines, receipts.
 */
export async function trackApplication(db: Db, config: Config, number: string, phoneLast4: string) {
  const app = await findApplicationByTracking(db, trackingHash(config, number, phoneLast4));
  if (!app || app.number !== number) throw new HttpProblem(404, 'not-found', '未找到该申请，请核对申请编号和手机尾号 (check the number and the last 4 digits)');
  const instance = (await getInstance(db, app.workflow_instance_id))!;
  const process = getProcess(instance.process);
  const timeline = await presentTimeline(db, instance);
  return {
    number: app.number,
    state: app.state,
    stateLabel: process.states[app.state]?.label,
    simpleLowRisk: !!app.simple_low_risk,
    submittedAt: app.submitted_at,
    completedAt: app.completed_at,
    currentDue: { dueDate: instance.dueDate, overdue: !!instance.dueAt && Date.parse(instance.dueAt) < Date.now() && !instance.completedAt },
    steps: timeline.map(({ actorName: _omit, comment: _c, ...step }) => step),
  };
}
