import type { Selectable } from 'kysely';

export interface InvestorRegistrationTable {
  id: string;
  case_id: string;
  investor_organization_id: string;
  investor_name: string;
  undertaking_accepted_at: string;
  data_room_access: number;
  intention_summary: string | null;
  intention_file_id: string | null;
  status: 'registered' | 'intentionSubmitted' | 'selected' | 'withdrawn';
  ledger_index: number | null;
  created_at: string;
}

export type InvestorRegistrationRow = Selectable<InvestorRegistrationTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_investor_registrations: InvestorRegistrationTable;
  }
}
