import type { Selectable } from 'kysely';

export type AssetType = 'realEstate' | 'vehicle' | 'deposit' | 'equity' | 'equipment' | 'inventory' | 'receivable' | 'intellectualProperty' | 'other';
export type InvestigationDepartment = 'realEstate' | 'vehicles' | 'deposits' | 'equity';

export interface AssetTable {
  id: string;
  case_id: string;
  asset_type: AssetType;
  name: string;
  valuation_fen: number;
  status: 'registered' | 'inAuction' | 'sold' | 'unsold';
  created_at: string;
}

export interface InvestigationTable {
  id: string;
  case_id: string;
  department: InvestigationDepartment;
  request_text: string;
  requested_at: string;
  answer_text: string | null;
  answered_at: string | null;
  status: 'requested' | 'answered';
}

export interface AuctionTable {
  id: string;
  case_id: string;
  asset_id: string;
  round: number;
  start_price_fen: number;
  sale_price_fen: number | null;
  auction_on: string;
  status: 'scheduled' | 'sold' | 'failed';
  created_at: string;
}

export type AssetRow = Selectable<AssetTable>;
export type InvestigationRow = Selectable<InvestigationTable>;
export type AuctionRow = Selectable<AuctionTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_assets: AssetTable;
    bk_investigations: InvestigationTable;
    bk_auctions: AuctionTable;
  }
}
