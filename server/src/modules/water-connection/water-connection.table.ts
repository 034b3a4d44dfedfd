/** Tables of the water-connection module. Money in fen, times ISO UTC, booleans 0/1. */
export interface WaterApplicationTable {
  id: string;
  /** Human number, e.g. WS-20260830-0001. */
  number: string;
  applicant_kind: 'enterprise' | 'person';
  applicant_org_id: string;
  applicant_user_id: string;
  applicant_name: string;
  applicant_uscc: string | null;
  contact_name: string;
  contact_phone_enc: string;
  contact_phone_masked: string;
  /** keyed hash of the phone's last 4 digits + number, for public tracking without storing the phone in clear */
  tracking_hash: string;
  site_address: string;
  district: string;
  water_use: 'residential' | 'commercial' | 'industrial' | 'construction';
  pipe_diameter_mm: number;
  daily_volume_m3: number;
  simple_low_risk: number;
  /** JSON: { businessLicence?: fileId, propertyCertificate?: fileId, drawings?: fileId, authorization?: fileId } */
  materials: string;
  utility_org_id: string;
  manager_user_id: string | null;
  workflow_instance_id: string;
  state: string;
  /** Filed by the service manager on the applicant's behalf (帮代办). */
  assisted: number;
  survey_slot_start: string | null;
  survey_slot_end: string | null;
  design_file_id: string | null;
  fee_estimate_fen: number | null;
  contract_file_id: string | null;
  contract_sha256: string | null;
  construction_date: string | null;
  meter_number: string | null;
  connection_number: string | null;
  submitted_at: string;
  completed_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WaterMessageTable {
  id: string;
  application_id: string;
  author_user_id: string;
  author_name: string;
  author_side: 'applicant' | 'utility';
  body: string;
  created_at: string;
}

export interface WaterRatingTable {
  id: string;
  application_id: string;
  /** 5 非常满意 … 1 非常不满意 */
  level: number;
  comment: string | null;
  ledger_index: number;
  created_at: string;
}

export interface WaterRectificationTable {
  id: string;
  application_id: string;
  rating_id: string;
  state: 'open' | 'closed';
  due_date: string;
  action_taken: string | null;
  callback_record: string | null;
  created_at: string;
  closed_at: string | null;
}

export interface WaterManagerDistrictTable {
  user_id: string;
  utility_org_id: string;
  district: string;
}

/** Promised working days per step, configurable per utility (defaults from the Quanzhou case). */
export interface WaterStepLimitTable {
  utility_org_id: string;
  step: string;
  days: number;
  unit: 'working' | 'natural';
}

export interface WaterNumberCounterTable {
  day: string;
  seq: number;
}

declare module '../../platform/db/schema.js' {
  interface Database {
    wc_applications: WaterApplicationTable;
    wc_messages: WaterMessageTable;
    wc_ratings: WaterRatingTable;
    wc_rectifications: WaterRectificationTable;
    wc_manager_districts: WaterManagerDistrictTable;
    wc_step_limits: WaterStepLimitTable;
    wc_number_counters: WaterNumberCounterTable;
  }
}
