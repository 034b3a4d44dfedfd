export interface AuditLogTable {
  id: string;
  at: string;
  request_id: string;
  actor_kind: string | null;
  actor_id: string | null;
  actor_name: string | null;
  organization_id: string | null;
  /** `POST /api/v1/water-connection/applications` (the route pattern, never the raw URL with personal data). */
  action: string;
  target: string | null;
  outcome: number;
  ip: string | null;
  detail: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    audit_log: AuditLogTable;
  }
}
