import type { Selectable } from 'kysely';

export type DisbursementStatus = 'requested' | 'approved' | 'rejected' | 'executed';

export interface DisbursementTable {
  id: string;
  case_id: string;
  amount_fen: number;
  payee: string;
  purpose: string;
  needs_approval: number;
  status: DisbursementStatus;
  requested_by: string;
  requested_at: string;
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  executed_at: string | null;
  bank_reference: string | null;
  ledger_index: number | null;
  version: number;
}

export interface FundMovementTable {
  id: string;
  case_id: string;
  direction: 'in' | 'out';
  amount_fen: number;
  occurred_on: string;
  counterparty: string;
  purpose: string;
  source: 'manual' | 'statement' | 'disbursement';
  bank_reference: string | null;
  disbursement_id: string | null;
  reconciled: number;
  created_at: string;
}

export type DisbursementRow = Selectable<DisbursementTable>;
export type FundMovementRow = Selectable<FundMovementTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_disbursements: DisbursementTable;
    bk_fund_movements: FundMovementTable;
  }
}
