import type { Db } from '../db/index.js';
import { notify } from '../notify/index.js';
import type { Process, WorkflowInstance } from './process-definition.js';
import { getProcess, listProcesses } from './process-registry.js';
import { claimOverdue, findInstanceRow, findUnclaimedOverdueIds, toInstance } from './workflow.repository.js';

export interface SweepOptions {
  now?: Date;
  /** Instances looked at per call (default 200); call again while `claimed` equals it. */
  batchSize?: number;
}

export interface SweepResult {
  /** Instances this call marked overdue and notified (others may have been taken by a concurrent sweep). */
  claimed: number;
  /** Candidates another sweep claimed first. */
  skipped: number;
  /** Messages put in inboxes. */
  notified: number;
  instanceIds: string[];
}

/** Roles that act for the organization in the instance's current state: they get the overdue message. */
function rolesToNotify(process: Process, state: string): string[] {
  const roles = new Set<string>();
  for (const name of process.actionsFrom.get(state) ?? []) {
    const a = process.actions[name]!;
    if (!a.anyOrganization) for (const r of a.roles) roles.add(r);
  }
  return [...roles];
}

async function notifyOverdue(trx: Db, instance: WorkflowInstance): Promise<number> {
  const process = getProcess(instance.process);
  const params = {
    subject: instance.subjectLabel ?? `${process.label.zh} ${instance.subjectId}`,
    state: process.states[instance.state]?.label.zh ?? instance.state,
    dueAt: instance.dueDate ?? instance.dueAt ?? '',
  };
  const link = instance.link ?? undefined;
  // Escalation: supervisors named by the process hear of every overdue step, besides who must act.
  const escalation = process.escalateTo?.length ? { organizationId: instance.organizationId, roles: [...process.escalateTo] } : {};
  if (instance.assigneeUserId) {
    return notify(trx, { userIds: [instance.assigneeUserId], ...escalation, template: 'workflow.overdue', params, link });
  }
  // One message per user, whatever number of acting roles they hold.
  const roles = [...new Set([...rolesToNotify(process, instance.state), ...(process.escalateTo ?? [])])];
  if (!roles.length) return 0;
  return notify(trx, { organizationId: instance.organizationId, roles, template: 'workflow.overdue', params, link });
}

/** Concurrent sweeps see the same candidates; visiting them in different orders spreads the work. */
function shuffle<T>(items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/**
 * Marks overdue instances and notifies who must act (the assignee, or the organization's users holding a role
 * that acts in the current state), once per instance and state. Safe with several server processes: each
 * instance is claimed by a conditional update (`… WHERE overdue_notified_at IS NULL`) in a transaction that
 * also writes the messages, so exactly one sweep notifies it, and a crash leaves it unclaimed for the next.
 * Only processes registered in this server process are swept.
 */
export async function sweepOverdue(db: Db, opts: SweepOptions = {}): Promise<SweepResult> {
  const now = (opts.now ?? new Date()).toISOString();
  const processes = listProcesses().map((p) => p.name);
  const ids = shuffle(await findUnclaimedOverdueIds(db, now, processes, opts.batchSize ?? 200));
  const result: SweepResult = { claimed: 0, skipped: 0, notified: 0, instanceIds: [] };
  for (const id of ids) {
    const sent = await db.transaction().execute(async (trx) => {
      if (!(await claimOverdue(trx, id, now))) return null;
      const row = await findInstanceRow(trx, id);
      return notifyOverdue(trx, toInstance(row!));
    });
    if (sent === null) {
      result.skipped += 1;
      continue;
    }
    result.claimed += 1;
    result.notified += sent;
    result.instanceIds.push(id);
  }
  return result;
}
