import type { OrganizationKind } from './roles.js';

export interface OrganizationTable {
  id: string;
  kind: OrganizationKind;
  name: string;
  uscc: string | null;
  /** 6-digit administrative division code, e.g. 350500 (泉州市). */
  region_code: string | null;
  district: string | null;
  contact_phone_enc: string | null;
  created_at: string;
  updated_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  organization_id: string;
  phone_enc: string | null;
  phone_masked: string | null;
  resident_id_enc: string | null;
  resident_id_hash: string | null;
  resident_id_masked: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a database leak does not reveal live sessions. */
  id_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  /** JSON array of the user's role ids, kept in step by replaceRolesOfUser (null: read user_roles). */
  roles: string | null;
}

export interface ApiKeyTable {
  id: string;
  organization_id: string;
  name: string;
  prefix: string;
  key_hash: string;
  /** JSON array of module names the key may call. */
  scopes: string;
  /** JSON array of role ids. */
  roles: string;
  created_by: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    organizations: OrganizationTable;
    users: UserTable;
    user_roles: UserRoleTable;
    sessions: SessionTable;
    api_keys: ApiKeyTable;
  }
}
