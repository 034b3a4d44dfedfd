import type { DbOrTx } from '../../platform/db/index.js';
import { computeDeadline } from '../../platform/calendar/index.js';

/**
 * The due date of entering `step` now under the utility's own promised limit (wc_step_limits), or undefined to
 * let the workflow use the process default (DEFAULT_STEP_LIMITS, the Quanzhou case). Counted by platform/calendar,
 * the starting day not counted.
 */
export async function dueDateOnEntering(db: DbOrTx, utilityOrgId: string, step: string, now: Date): Promise<string | undefined> {
  const own = await db.selectFrom('wc_step_limits').select(['days', 'unit']).where('utility_org_id', '=', utilityOrgId).where('step', '=', step).executeTakeFirst();
  if (!own) return undefined;
  return computeDeadline(now, { days: own.days, unit: own.unit }).dueDate;
}
