export interface IdempotencyKeyTable {
  scope: string;
  key: string;
  request_hash: string;
  state: 'in-progress' | 'done';
  response_status: number | null;
  response_body: string | null;
  response_type: string | null;
  created_at: string;
}

declare module '../db/schema.js' {
  interface Database {
    idempotency_keys: IdempotencyKeyTable;
  }
}
