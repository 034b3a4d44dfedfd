/**
 * platform/workflow — processes as data (states, actions, roles, guards, deadlines) and their instances.
 * See README.md for an example.
 */
import './workflow.table.js';

export type {
  ProcessDefinition,
  StateDefinition,
  ActionDefinition,
  Process,
  ProcessAction,
  Label,
  Actor,
  Attachment,
  WorkflowInstance,
  Guard,
  GuardContext,
  GuardResult,
} from './process-definition.js';
export type { TimeLimit, DayUnit } from '../calendar/index.js';
export { actorFromPrincipal } from './actor.js';
export { defineProcess, getProcess, listProcesses, ProcessDefinitionError } from './process-registry.js';
export { findDefinitionProblems } from './validate-process.js';
export { checkAction, availableActions, type ActionRequest } from './check-action.js';
export { dueOnEntering, dueStatus, dueSoonCutoff, type DueStatus, type StateDue } from './state-deadline.js';
export { actionableStates, type ActionableStates } from './task-filter.js';
export {
  startInstance,
  performAction,
  getInstance,
  findInstancesBySubject,
  listTransitions,
  processOf,
  type StartInstanceInput,
  type PerformActionInput,
  type TransitionResult,
  type WorkflowTransition,
} from './workflow.service.js';
export { findMyTasks, findOverdue, findDueSoon, type DueQuery, type PageOptions } from './workflow-tasks.service.js';
export { sweepOverdue, type SweepOptions, type SweepResult } from './overdue-sweep.service.js';
