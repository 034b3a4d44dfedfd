/** What this module uses from platform/workflow and platform/calendar, in one place. */
export { startInstance, performAction, getInstance, listTransitions } from '../../platform/workflow/index.js';
import { todayInChina } from '../../platform/calendar/index.js';

/** `YYYY-MM-DD` of the instant in China (numbers and deadlines use the Chinese calendar day). */
export function todayInChinaString(now: Date): string {
  return String(todayInChina(now));
}
