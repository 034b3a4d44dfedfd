import type { Selectable } from 'kysely';

export type AnnouncementKind = 'acceptance' | 'meetingNotice' | 'auction' | 'investorRecruitment' | 'distribution' | 'voteResult' | 'other';

export interface AnnouncementTable {
  id: string;
  case_id: string;
  kind: AnnouncementKind;
  issuer_kind: 'court' | 'administrator';
  issuer_organization_id: string;
  issuer_name: string;
  title: string;
  body: string;
  published_at: string;
  /** SHA-256 of the announcement PDF (rendered reproducibly from the record), also on the ledger. */
  pdf_sha256: string | null;
  ledger_index: number | null;
  created_at: string;
}

export type AnnouncementRow = Selectable<AnnouncementTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_announcements: AnnouncementTable;
  }
}
