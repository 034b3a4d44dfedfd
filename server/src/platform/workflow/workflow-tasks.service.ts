import type { DbOrTx } from '../db/index.js';
import type { Actor, WorkflowInstance } from './process-definition.js';
import { dueSoonCutoff } from './state-deadline.js';
import { actionableStates } from './task-filter.js';
import { findDueRows, findTaskRows, toInstance } from './workflow.repository.js';

export interface PageOptions {
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

function page(opts: PageOptions) {
  const limit = Math.min(Math.max(Math.trunc(opts.limit ?? 50), 1), 200);
  const offset = Math.max(Math.trunc(opts.offset ?? 0), 0);
  return { limit, offset };
}

/**
 * My tasks (待办): open instances of the actor's organization, unassigned or assigned to the actor, in a state
 * where one of the actor's roles has an action. Soonest due first, then those without a deadline.
 */
export async function findMyTasks(
  db: DbOrTx,
  actor: Actor,
  opts: PageOptions & { process?: string } = {},
): Promise<WorkflowInstance[]> {
  const rows = await findTaskRows(db, {
    organizationId: actor.organizationId,
    userId: actor.userId,
    actionable: actionableStates(actor.roles),
    process: opts.process,
    ...page(opts),
  });
  return rows.map(toInstance);
}

export interface DueQuery extends PageOptions {
  /** Limit to one organization (what a route should always do for non-admins). */
  organizationId?: string;
  process?: string;
  now?: Date;
}

/** Open instances past their due instant (the end of the due day in China), most overdue first. */
export async function findOverdue(db: DbOrTx, q: DueQuery = {}): Promise<WorkflowInstance[]> {
  const now = (q.now ?? new Date()).toISOString();
  // due_at is the first instant the instance is late, so "overdue" is due_at <= now.
  const rows = await findDueRows(db, { upTo: now, organizationId: q.organizationId, process: q.process, ...page(q) });
  return rows.map(toInstance);
}

/** Open instances not yet overdue but due by the end of the `withinWorkingDays`-th working day (default 2). */
export async function findDueSoon(db: DbOrTx, q: DueQuery & { withinWorkingDays?: number } = {}): Promise<WorkflowInstance[]> {
  const now = q.now ?? new Date();
  const rows = await findDueRows(db, {
    after: now.toISOString(),
    upTo: dueSoonCutoff(now, q.withinWorkingDays ?? 2),
    organizationId: q.organizationId,
    process: q.process,
    ...page(q),
  });
  return rows.map(toInstance);
}
