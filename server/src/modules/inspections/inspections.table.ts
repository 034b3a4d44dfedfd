/**
 * Tables of the inspections module (prefix `insp_`). Times ISO UTC text, days `YYYY-MM-DD`, booleans 0/1,
 * JSON as text. Public ids are opaque (newId), the plan number is the human one.
 */
export interface InspChecklistVersionTable {
  id: string;
  version: string;
  /** First day in force, YYYY-MM-DD. */
  effective_from: string;
  /** JSON ChecklistDepartment[] */
  content: string;
  /** Strong ETag: SHA-256 of `content`. */
  etag: string;
  /** JSON ChecklistCounts */
  counts: string;
  published_by: string;
  published_at: string;
  ledger_index: number;
}

export interface InspDepartmentTable {
  /** Checklist level-1 code, e.g. SJ. */
  code: string;
  name: string;
  /** The government organization acting as this department, if it has an account. */
  organization_id: string | null;
}

export interface InspSelfCheckTable {
  id: string;
  organization_id: string;
  user_id: string;
  checklist_version_id: string;
  /** JSON string[] */
  item_codes: string;
  /** JSON Record<pointCode, 'yes' | 'no'> */
  answers: string;
  /** JSON SelfCheckReport */
  report: string;
  point_count: number;
  not_met_count: number;
  created_at: string;
}

export interface InspTargetTable {
  /** uscc */
  id: string;
  name: string;
  industry: string;
  district: string;
  credit_class: string;
  /** JSON TargetFlag[] */
  flags: string;
  updated_at: string;
}

export interface InspInspectorTable {
  /** law-enforcement certificate number */
  id: string;
  name: string;
  department: string;
  district: string;
  /** JSON string[] */
  qualifications: string;
  /** JSON string[] of target ids */
  conflicts: string;
  /** The user account of this inspector, for the phone view. */
  user_id: string | null;
  updated_at: string;
}

export type PlanState = 'draft' | 'committed' | 'drawn';

export interface InspPlanTable {
  id: string;
  /** e.g. SJ-2026-0003 */
  number: string;
  title: string;
  department: string;
  organization_id: string;
  /** JSON DrawParameters */
  parameters: string;
  state: PlanState;
  /** JSON DrawCommitment, once committed */
  commitment: string | null;
  commitment_hash: string | null;
  /** Canonical roster lines frozen at commitment (roster-hash.ts). */
  target_roster: string | null;
  inspector_roster: string | null;
  random_value: string | null;
  random_entered_at: string | null;
  /** JSON transcript without rosters (they are the two columns above) */
  transcript: string | null;
  /** JSON Withdrawal[] */
  withdrawals: string;
  created_by: string;
  created_at: string;
  committed_at: string | null;
  drawn_at: string | null;
  commit_ledger_index: number | null;
  draw_ledger_index: number | null;
  /** Optimistic concurrency: bumped on every write. */
  row_version: number;
}

export type TaskState = 'assigned' | 'recorded' | 'published';
export type TaskOutcome = 'compliant' | 'problems' | 'not-found';

export interface InspTaskTable {
  id: string;
  plan_id: string;
  target_id: string;
  target_name: string;
  district: string;
  industry: string;
  credit_class: string;
  stratum: string;
  pick: number;
  /** JSON DepartmentAssignment[] */
  assignments: string;
  /** JSON string[]: every inspector serving, for the "assigned to me" check */
  inspector_ids: string;
  state: TaskState;
  outcome: TaskOutcome | null;
  /** JSON Record<pointCode, 'yes' | 'no'> */
  answers: string;
  notes: string;
  /** JSON string[] of file ids */
  photo_file_ids: string;
  recorded_by: string | null;
  recorded_at: string | null;
  /** YYYY-MM-DD: 20 working days after the result was recorded (企业信息公示暂行条例 Art. 6). */
  publish_deadline: string | null;
  published_at: string | null;
  ledger_index: number | null;
}

export interface InspPlanCounterTable {
  key: string;
  seq: number;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    insp_checklist_versions: InspChecklistVersionTable;
    insp_departments: InspDepartmentTable;
    insp_self_checks: InspSelfCheckTable;
    insp_targets: InspTargetTable;
    insp_inspectors: InspInspectorTable;
    insp_plans: InspPlanTable;
    insp_tasks: InspTaskTable;
    insp_plan_counters: InspPlanCounterTable;
  }
}
