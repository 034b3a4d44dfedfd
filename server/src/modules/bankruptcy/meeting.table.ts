import type { Selectable } from 'kysely';
import type { BallotChangePolicy, BallotChannel } from './ballot-box.js';
import type { ResolutionKind, VoteChoice, VotingGroup } from './voting.types.js';

export type MeetingStatus = 'scheduled' | 'open' | 'closed';

export interface MeetingTable {
  id: string;
  case_id: string;
  sequence: number;
  title: string;
  /** The meeting day in China, `YYYY-MM-DD`. */
  meeting_on: string;
  starts_at: string;
  place: string;
  notice_sent_on: string;
  status: MeetingStatus;
  created_at: string;
  updated_at: string;
}

export interface AttendanceTable {
  meeting_id: string;
  organization_id: string;
  user_id: string;
  signed_in_at: string;
}

export interface AgendaItemTable {
  id: string;
  meeting_id: string;
  case_id: string;
  kind: ResolutionKind;
  title: string;
  attempt: number;
  revote_of: string | null;
  /** JSON list of the groups re-voting under Art. 87 ¶1. */
  revote_groups: string | null;
  ballot_policy: BallotChangePolicy;
  opens_at: string;
  closes_at: string;
  small_claims_threshold_fen: number | null;
  /** JSON `[{ organizationId, name, votingRightsUnits }]` when the plan adjusts equity (Art. 85 ¶2). */
  shareholders: string | null;
  status: 'open' | 'closed';
  passed: number | null;
  /** JSON of the tally (BigInts as strings). */
  outcome: string | null;
  decided_by: string | null;
  next_step: string | null;
  closed_at: string | null;
  result_notice_due_on: string | null;
  result_ledger_index: number | null;
  created_at: string;
}

export interface BallotTable {
  id: string;
  item_id: string;
  /** An organization id, or `claim:<id>` for a listed employee without an account (Art. 48). */
  voter_id: string;
  voting_group: VotingGroup | null;
  choice: VoteChoice;
  channel: BallotChannel;
  cast_at: string;
  cast_by_user_id: string;
  scan_file_id: string | null;
  effective_key: string | null;
  superseded_at: string | null;
  ledger_index: number | null;
  created_at: string;
}

export type MeetingRow = Selectable<MeetingTable>;
export type AgendaItemRow = Selectable<AgendaItemTable>;
export type BallotRow = Selectable<BallotTable>;

declare module '../../platform/db/schema.js' {
  interface Database {
    bk_meetings: MeetingTable;
    bk_attendance: AttendanceTable;
    bk_agenda_items: AgendaItemTable;
    bk_ballots: BallotTable;
  }
}
