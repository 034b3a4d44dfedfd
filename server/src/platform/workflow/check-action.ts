import type { FieldError } from '../http/problem.js';
import type { Actor, Attachment, Process, ProcessAction, WorkflowInstance } from './process-definition.js';
import {
  actionNotAllowedInState,
  missingRequired,
  otherOrganization,
  roleNotAllowed,
  staleVersion,
  unknownAction,
} from './workflow.errors.js';

export interface ActionRequest {
  action: string;
  expectedVersion: number;
  actor: Actor;
  fields?: Readonly<Record<string, unknown>>;
  attachments?: readonly Attachment[];
}

function hasRole(actor: Actor, roles: readonly string[]): boolean {
  const held: ReadonlySet<string> = actor.roles instanceof Set ? actor.roles : new Set(actor.roles);
  return roles.some((r) => held.has(r));
}

function mayAct(a: ProcessAction, instance: WorkflowInstance, actor: Actor): boolean {
  return hasRole(actor, a.roles) && (a.anyOrganization === true || actor.organizationId === instance.organizationId);
}

/** Actions this actor may take on the instance now (its roles and organization allow them). For UI buttons. */
export function availableActions(process: Process, instance: WorkflowInstance, actor: Actor): string[] {
  return (process.actionsFrom.get(instance.state) ?? []).filter((n) => mayAct(process.actions[n]!, instance, actor));
}

const isEmpty = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || (Array.isArray(v) && v.length === 0);

/**
 * Everything about an action that can be decided without the database, in this order:
 * stale version → 409 `stale-version`; unknown action → 400; action not possible in the current state → 409
 * `conflict` with `allowedActions`; no allowed role → 403; other organization → 403; missing fields or
 * documents → 422 `missing-required` naming each. Returns the action to perform (its guard still to run).
 */
export function checkAction(process: Process, instance: WorkflowInstance, req: ActionRequest): ProcessAction {
  if (req.expectedVersion !== instance.version) throw staleVersion(instance.version, req.expectedVersion);
  const action = process.actions[req.action];
  if (!action) throw unknownAction(process.name, req.action);
  if (!action.from.includes(instance.state)) {
    throw actionNotAllowedInState(req.action, instance.state, availableActions(process, instance, req.actor));
  }
  if (!hasRole(req.actor, action.roles)) throw roleNotAllowed(req.action);
  if (!action.anyOrganization && req.actor.organizationId !== instance.organizationId) throw otherOrganization(req.action);

  const errors: FieldError[] = [];
  for (const f of action.requiredFields ?? []) {
    if (isEmpty(req.fields?.[f])) errors.push({ path: `fields.${f}`, code: 'required', message: `必填 / required: ${f}` });
  }
  const kinds = new Set((req.attachments ?? []).map((a) => a.kind));
  for (const d of action.requiredDocuments ?? []) {
    if (!kinds.has(d)) errors.push({ path: `attachments.${d}`, code: 'document-required', message: `缺少材料 / document required: ${d}` });
  }
  if (errors.length > 0) throw missingRequired(errors);
  return action;
}
