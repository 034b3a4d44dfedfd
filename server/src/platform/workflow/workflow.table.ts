/** Tables of the workflow engine: one row per process instance, one per transition (its history). */
export interface WorkflowInstanceTable {
  id: string;
  process: string;
  subject_type: string;
  subject_id: string;
  /** Human-readable subject for task lists and messages, e.g. `WS-20260830-0001` or `(2026)闽0203破12号`. */
  subject_label: string | null;
  /** Link for task lists and messages, e.g. `/water-connection/applications/wsa_…`. */
  link: string | null;
  organization_id: string;
  assignee_user_id: string | null;
  state: string;
  version: number;
  entered_state_at: string;
  due_date: string | null;
  due_at: string | null;
  /** Set once by the sweep that claims an overdue instance; cleared when the instance changes state. */
  overdue_notified_at: string | null;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WorkflowTransitionTable {
  id: string;
  instance_id: string;
  /** The instance version this transition produced (1 = start); unique per instance. */
  seq: number;
  /** Null for the start of the instance. */
  action: string | null;
  from_state: string | null;
  to_state: string;
  actor_user_id: string;
  actor_name: string | null;
  actor_organization_id: string;
  /** JSON array: the actor's roles that allowed the action. */
  acting_roles: string;
  at: string;
  comment: string | null;
  /** JSON array of `{ fileId, kind? }`. */
  attachments: string;
  /** JSON object of the action's fields, or null. */
  fields: string | null;
  /** Due date set for `to_state` by this transition. */
  due_date: string | null;
  ledger_index: number | null;
}

declare module '../db/schema.js' {
  interface Database {
    workflow_instances: WorkflowInstanceTable;
    workflow_transitions: WorkflowTransitionTable;
  }
}
