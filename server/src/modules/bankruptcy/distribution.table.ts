import type { Selectable } from 'kysely';

export interface DistributionPlanTable {
  id: string;
  case_id: string;
  round: number;
  status: 'draft' | 'adopted' | 'courtConfirmed';
  /** JSON of the calculator input (BigInts as strings). */
  input: string;
  /** JSON of the computed plan (BigInts as strings). */
  result: string;
  distributed_fen: number;
  estate_fen: number;
  pdf_sha256: string | null;
  ledger_index: number | null;
  created_by: string;
  created_at: string;
}

export type DistributionPlanRow = Selectable<DistributionPlanTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_distribution_plans: DistributionPlanTable;
  }
}
