import {
  addWorkingDays,
  computeDeadline,
  dayEndsAt,
  toCalendarDate,
  todayInChina,
  type CalendarDate,
  type CalendarWarning,
} from '../calendar/index.js';
import type { Process, WorkflowInstance } from './process-definition.js';

export interface StateDue {
  /** Last day, `YYYY-MM-DD` in China; null when the state has no time limit. */
  dueDate: CalendarDate | null;
  /** ISO UTC instant that day ends in China (the instance is overdue from then on). */
  dueAt: string | null;
  /** Calendar warnings (a year without holiday data), to log with the transition. */
  warnings: CalendarWarning[];
}

/**
 * The due date of `state` for an instance entering it at `enteredAt`: the state's time limit counted from that
 * day in China (the day itself not counted), or `dueDate` when the action sets it explicitly.
 */
export function dueOnEntering(process: Process, state: string, enteredAt: Date, dueDate?: CalendarDate | null): StateDue {
  const def = process.states[state];
  if (!def) throw new Error(`流程 ${process.name} 没有状态 / process ${process.name} has no state "${state}"`);
  if (def.terminal) return { dueDate: null, dueAt: null, warnings: [] };
  if (dueDate) {
    const d = toCalendarDate(dueDate);
    return { dueDate: d, dueAt: dayEndsAt(d), warnings: [] };
  }
  if (!def.deadline) return { dueDate: null, dueAt: null, warnings: [] };
  const r = computeDeadline(toCalendarDate(enteredAt), def.deadline);
  return { dueDate: r.dueDate, dueAt: dayEndsAt(r.dueDate), warnings: r.warnings };
}

export type DueStatus = 'none' | 'onTime' | 'dueSoon' | 'overdue';

/**
 * The instant up to which a due date counts as "due soon": the end of the `withinWorkingDays`-th working day
 * after today (China). With 0, only what is due by the end of today.
 */
export function dueSoonCutoff(now: Date, withinWorkingDays: number): string {
  return dayEndsAt(addWorkingDays(todayInChina(now), withinWorkingDays));
}

export function dueStatus(instance: Pick<WorkflowInstance, 'dueAt' | 'completedAt'>, now: Date, withinWorkingDays = 2): DueStatus {
  if (!instance.dueAt || instance.completedAt) return 'none';
  const t = now.toISOString();
  if (t >= instance.dueAt) return 'overdue';
  return instance.dueAt <= dueSoonCutoff(now, withinWorkingDays) ? 'dueSoon' : 'onTime';
}
