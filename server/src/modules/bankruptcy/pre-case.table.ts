import type { Selectable } from 'kysely';

export type AssistanceNeed = 'informationExchange' | 'financing' | 'assetTrading';

export interface DistressedEnterpriseTable {
  id: string;
  name: string;
  uscc: string;
  district: string;
  /** JSON list of AssistanceNeed. */
  needs: string;
  description: string;
  status: 'open' | 'assisted' | 'closed';
  registered_by_organization_id: string;
  created_at: string;
}

export interface MediationTable {
  id: string;
  distressed_enterprise_id: string | null;
  debtor_name: string;
  parties: string;
  subject: string;
  amount_fen: number;
  outcome: 'pending' | 'settled' | 'withdrawn';
  recorded_by_organization_id: string;
  recorded_at: string;
}

export interface PreReorganizationTable {
  id: string;
  debtor_name: string;
  debtor_uscc: string;
  court_organization_id: string;
  temporary_administrator: string | null;
  registered_on: string;
  status: 'registered' | 'converted' | 'ended';
  converted_case_id: string | null;
  notes: string;
  created_at: string;
}

export type DistressedEnterpriseRow = Selectable<DistressedEnterpriseTable>;
export type MediationRow = Selectable<MediationTable>;
export type PreReorganizationRow = Selectable<PreReorganizationTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_distressed_enterprises: DistressedEnterpriseTable;
    bk_mediations: MediationTable;
    bk_pre_reorganizations: PreReorganizationTable;
  }
}
