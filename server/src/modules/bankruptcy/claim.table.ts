import type { Selectable } from 'kysely';

/** Claim nature, which decides its Art. 113 tier and Art. 82 group. */
export type ClaimNature = 'ordinary' | 'employee' | 'tax' | 'socialInsurance';
/** `listed`: an employee claim the administrator lists without a filing (Art. 48). */
export type ClaimSource = 'filed' | 'listed';
export type ClaimCondition = 'none' | 'conditional' | 'timeBound';
export type ClaimStatus = 'filed' | 'confirmed' | 'partlyConfirmed' | 'rejected';

export interface ClaimTable {
  id: string;
  case_id: string;
  creditor_organization_id: string | null;
  creditor_name: string;
  filed_by_user_id: string;
  source: ClaimSource;
  nature: ClaimNature;
  principal_fen: number;
  interest_fen: number;
  other_fen: number;
  claimed_fen: number;
  secured: number;
  collateral_description: string | null;
  collateral_value_fen: number | null;
  security_waived: number;
  claim_condition: ClaimCondition;
  joint: number;
  agent_name: string | null;
  agent_authorization_file_id: string | null;
  late: number;
  status: ClaimStatus;
  confirmed_fen: number | null;
  provisional_fen: number | null;
  /** JSON: the Art. 57 review points with the administrator's notes. */
  review_points: string | null;
  review_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
  court_confirmed_on: string | null;
  disputed: number;
  filed_at: string;
  ledger_index: number | null;
  review_ledger_index: number | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ClaimEvidenceTable {
  id: string;
  claim_id: string;
  file_id: string;
  filename: string;
  sha256: string;
  created_at: string;
}

export interface ClaimObjectionTable {
  id: string;
  claim_id: string;
  case_id: string;
  objector_organization_id: string;
  objector_name: string;
  reason: string;
  status: 'open' | 'withdrawn' | 'inLitigation' | 'resolved';
  created_at: string;
}

export type ClaimRow = Selectable<ClaimTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_claims: ClaimTable;
    bk_claim_evidence: ClaimEvidenceTable;
    bk_claim_objections: ClaimObjectionTable;
  }
}
