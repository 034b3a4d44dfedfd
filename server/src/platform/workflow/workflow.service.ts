import type { CalendarDate, CalendarWarning } from '../calendar/index.js';
import type { DbOrTx } from '../db/index.js';
import { notFound } from '../http/problem.js';
import { newId } from '../ids/index.js';
import { checkAction } from './check-action.js';
import type { Actor, Attachment, Process, WorkflowInstance } from './process-definition.js';
import { getProcess } from './process-registry.js';
import { dueOnEntering } from './state-deadline.js';
import {
  findInstanceRow,
  findInstanceRowsBySubject,
  findTransitionRows,
  insertInstance,
  insertTransition,
  toInstance,
  updateInstanceAtVersion,
} from './workflow.repository.js';
import { guardFailed, staleVersion } from './workflow.errors.js';
import type { WorkflowTransitionTable } from './workflow.table.js';

export interface WorkflowTransition {
  id: string;
  instanceId: string;
  /** The instance version this transition produced (1 = start). */
  seq: number;
  /** Null for the start. */
  action: string | null;
  fromState: string | null;
  toState: string;
  actor: { userId: string; name: string | null; organizationId: string; roles: string[] };
  at: string;
  comment: string | null;
  attachments: Attachment[];
  fields: Record<string, unknown> | null;
  dueDate: string | null;
  ledgerIndex: number | null;
}

export interface TransitionResult {
  instance: WorkflowInstance;
  transition: WorkflowTransition;
  /** Calendar warnings from computing the new due date (a year without holiday data). */
  warnings: CalendarWarning[];
}

interface Common {
  actor: Actor;
  comment?: string | null;
  attachments?: readonly Attachment[];
  /** Leaf index of the ledger entry the caller appended for this step, in the same transaction. */
  ledgerIndex?: number | null;
  /** Sets the new state's due date instead of its time limit (a date decided in the case). */
  dueDate?: CalendarDate | null;
  /** The time of the step; defaults to now (tests and data imports set it). */
  now?: Date;
}

export interface StartInstanceInput extends Common {
  subjectType: string;
  subjectId: string;
  organizationId: string;
  subjectLabel?: string | null;
  link?: string | null;
  assigneeUserId?: string | null;
}

export interface PerformActionInput extends Common {
  instanceId: string;
  action: string;
  /** The version the caller saw; a different current version answers 409 `stale-version`. */
  expectedVersion: number;
  fields?: Readonly<Record<string, unknown>>;
}

function runInTransaction<T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db) : db.transaction().execute(fn);
}

const rolesOf = (actor: Actor): string[] => [...actor.roles];

function toTransition(r: WorkflowTransitionTable): WorkflowTransition {
  return {
    id: r.id,
    instanceId: r.instance_id,
    seq: Number(r.seq),
    action: r.action,
    fromState: r.from_state,
    toState: r.to_state,
    actor: {
      userId: r.actor_user_id,
      name: r.actor_name,
      organizationId: r.actor_organization_id,
      roles: JSON.parse(r.acting_roles) as string[],
    },
    at: r.at,
    comment: r.comment,
    attachments: JSON.parse(r.attachments) as Attachment[],
    fields: r.fields === null ? null : (JSON.parse(r.fields) as Record<string, unknown>),
    dueDate: r.due_date,
    ledgerIndex: r.ledger_index === null ? null : Number(r.ledger_index),
  };
}

function transitionRow(
  instanceId: string,
  seq: number,
  step: { action: string | null; from: string | null; to: string; roles: string[]; at: string; dueDate: string | null },
  input: Common & { fields?: Readonly<Record<string, unknown>> },
): WorkflowTransitionTable {
  return {
    id: newId('wft'),
    instance_id: instanceId,
    seq,
    action: step.action,
    from_state: step.from,
    to_state: step.to,
    actor_user_id: input.actor.userId,
    actor_name: input.actor.name ?? null,
    actor_organization_id: input.actor.organizationId,
    acting_roles: JSON.stringify(step.roles),
    at: step.at,
    comment: input.comment ?? null,
    attachments: JSON.stringify((input.attachments ?? []).map((a) => (a.kind ? { fileId: a.fileId, kind: a.kind } : { fileId: a.fileId }))),
    fields: input.fields && Object.keys(input.fields).length > 0 ? JSON.stringify(input.fields) : null,
    due_date: step.dueDate,
    ledger_index: input.ledgerIndex ?? null,
  };
}

/**
 * Starts an instance of `process` in its initial state for a subject (an application, a case) and records
 * the start as transition 1. Who may start is the module's policy; the engine does not check roles here.
 */
export async function startInstance(db: DbOrTx, process: Process, input: StartInstanceInput): Promise<TransitionResult> {
  return runInTransaction(db, async (trx) => {
    const at = (input.now ?? new Date()).toISOString();
    const due = dueOnEntering(process, process.initial, new Date(at), input.dueDate);
    const id = newId('wfi');
    const terminal = process.states[process.initial]?.terminal === true;
    await insertInstance(trx, {
      id,
      process: process.name,
      subject_type: input.subjectType,
      subject_id: input.subjectId,
      subject_label: input.subjectLabel ?? null,
      link: input.link ?? null,
      organization_id: input.organizationId,
      assignee_user_id: input.assigneeUserId ?? null,
      state: process.initial,
      version: 1,
      entered_state_at: at,
      due_date: due.dueDate,
      due_at: due.dueAt,
      overdue_notified_at: null,
      completed_at: terminal ? at : null,
      created_at: at,
      updated_at: at,
    });
    const row = transitionRow(id, 1, { action: null, from: null, to: process.initial, roles: rolesOf(input.actor), at, dueDate: due.dueDate }, input);
    await insertTransition(trx, row);
    const instance = toInstance((await findInstanceRow(trx, id))!);
    return { instance, transition: toTransition(row), warnings: due.warnings };
  });
}

/**
 * Takes an action on an instance: checks version, state, role, organization, required fields and documents
 * (see check-action.ts), runs the guard, moves the instance to the action's target state with its new due
 * date, and records the transition. All in the caller's transaction (or its own when given a database).
 */
export async function performAction(db: DbOrTx, input: PerformActionInput): Promise<TransitionResult> {
  return runInTransaction(db, async (trx) => {
    const row = await findInstanceRow(trx, input.instanceId, { forUpdate: true });
    if (!row) throw notFound(`流程实例不存在 / no workflow instance ${input.instanceId}`);
    const instance = toInstance(row);
    const process = getProcess(instance.process);
    const action = checkAction(process, instance, input);

    const fields = input.fields ?? {};
    const attachments = input.attachments ?? [];
    if (action.guard) {
      const verdict = await action.guard({ instance, actor: input.actor, action: action.name, fields, attachments, trx });
      if (verdict !== true) throw guardFailed(action.name, typeof verdict === 'string' ? verdict : undefined);
    }

    const at = (input.now ?? new Date()).toISOString();
    const terminal = process.states[action.to]?.terminal === true;
    const seq = instance.version + 1;
    // An action that stays in the state (booking a slot, adding a note) does not restart its clock.
    const stays = action.to === instance.state;
    const due =
      stays && !input.dueDate
        ? { dueDate: instance.dueDate, dueAt: instance.dueAt, warnings: [] }
        : dueOnEntering(process, action.to, new Date(at), input.dueDate);
    const moved = await updateInstanceAtVersion(trx, instance.id, instance.version, {
      state: action.to,
      version: seq,
      entered_state_at: stays ? instance.enteredStateAt : at,
      due_date: due.dueDate,
      due_at: due.dueAt,
      // a new state (or a new due date) may be reported late again
      overdue_notified_at: stays && !input.dueDate ? instance.overdueNotifiedAt : null,
      completed_at: terminal ? at : null,
      updated_at: at,
    });
    // Another writer got in between our read and this update (possible on SQLite, which takes no row lock).
    if (!moved) {
      const now = await findInstanceRow(trx, instance.id);
      throw staleVersion(now ? Number(now.version) : seq, input.expectedVersion);
    }

    const held = new Set(rolesOf(input.actor));
    const acting = action.roles.filter((r) => held.has(r));
    const tRow = transitionRow(instance.id, seq, { action: action.name, from: instance.state, to: action.to, roles: acting, at, dueDate: due.dueDate }, input);
    await insertTransition(trx, tRow);
    const updated = toInstance((await findInstanceRow(trx, instance.id))!);
    return { instance: updated, transition: toTransition(tRow), warnings: due.warnings };
  });
}

export async function getInstance(db: DbOrTx, instanceId: string): Promise<WorkflowInstance | undefined> {
  const row = await findInstanceRow(db, instanceId);
  return row ? toInstance(row) : undefined;
}

/** Every instance for a subject, oldest first (a subject may go through a process more than once). */
export async function findInstancesBySubject(db: DbOrTx, subjectType: string, subjectId: string): Promise<WorkflowInstance[]> {
  return (await findInstanceRowsBySubject(db, subjectType, subjectId)).map(toInstance);
}

/** The history of an instance, in order. */
export async function listTransitions(db: DbOrTx, instanceId: string): Promise<WorkflowTransition[]> {
  return (await findTransitionRows(db, instanceId)).map(toTransition);
}

/** The registered process of a stored instance (for labels and availableActions). */
export function processOf(instance: WorkflowInstance): Process {
  return getProcess(instance.process);
}
