import type { Insertable, Selectable, Updateable } from 'kysely';

export type Procedure = 'liquidation' | 'reorganization' | 'settlement';
/** applied → accepted (or rejected) → closed; `terminated` when the court ends the case early (Art. 43 ¶4). */
export type CaseStage = 'applied' | 'rejected' | 'accepted' | 'closed' | 'terminated';
export type ApplicantRole = 'debtor' | 'creditor' | 'liquidationCommittee';

export interface CaseCounterTable {
  year: number;
  court_code: string;
  type_code: string;
  last_serial: number;
}

export interface CaseTable {
  id: string;
  application_number: string;
  case_number: string | null;
  procedure: Procedure;
  stage: CaseStage;
  applicant_name: string;
  applicant_role: ApplicantRole;
  debtor_name: string;
  debtor_uscc: string;
  debtor_organization_id: string | null;
  court_organization_id: string;
  court_code: string;
  judge_user_id: string | null;
  administrator_organization_id: string | null;
  administrator_appointed_on: string | null;
  applied_on: string;
  accepted_on: string | null;
  acceptance_announced_on: string | null;
  claim_period_ends_on: string | null;
  first_meeting_on: string | null;
  reorganization_ruled_on: string | null;
  plan_period_extended: number;
  plan_received_on: string | null;
  plan_passed_on: string | null;
  approval_applied_on: string | null;
  final_distribution_announced_on: string | null;
  closed_on: string | null;
  converted_from: Procedure | null;
  converted_on: string | null;
  disbursement_threshold_fen: number;
  acceptance_ledger_index: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type CaseRow = Selectable<CaseTable>;
export type NewCase = Insertable<CaseTable>;
export type CaseUpdate = Updateable<CaseTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_case_counters: CaseCounterTable;
    bk_cases: CaseTable;
  }
}
