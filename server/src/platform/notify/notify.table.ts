export interface NotificationTable {
  id: string;
  user_id: string;
  template: string;
  title_zh: string;
  title_en: string;
  body_zh: string;
  body_en: string;
  link: string | null;
  read_at: string | null;
  created_at: string;
}

export interface OutboxMessageTable {
  id: string;
  channel: 'sms' | 'email';
  user_id: string;
  template: string;
  params: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
  /** Worker claim, so several processes never send one message twice. */
  claimed_by: string | null;
  claimed_at: string | null;
}

declare module '../db/schema.js' {
  interface Database {
    notifications: NotificationTable;
    outbox_messages: OutboxMessageTable;
  }
}
