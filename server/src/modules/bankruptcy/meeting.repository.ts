import type { DbOrTx } from '../../platform/db/index.js';
import './meeting.table.js';
import type { AgendaItemRow, AgendaItemTable, BallotRow, BallotTable, MeetingRow, MeetingTable } from './meeting.table.js';

export async function insertMeeting(db: DbOrTx, row: MeetingTable): Promise<void> {
  await db.insertInto('bk_meetings').values(row).execute();
}

export async function findMeetingById(db: DbOrTx, id: string): Promise<MeetingRow | undefined> {
  return db.selectFrom('bk_meetings').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findMeetingsByCase(db: DbOrTx, caseId: string): Promise<MeetingRow[]> {
  return db.selectFrom('bk_meetings').selectAll().where('case_id', '=', caseId).orderBy('sequence').execute();
}

export async function countMeetingsOfCase(db: DbOrTx, caseId: string): Promise<number> {
  const r = await db.selectFrom('bk_meetings').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function insertAttendance(db: DbOrTx, row: { meeting_id: string; organization_id: string; user_id: string; signed_in_at: string }): Promise<boolean> {
  const r = await db.insertInto('bk_attendance').values(row).onConflict((oc) => oc.columns(['meeting_id', 'organization_id']).doNothing()).executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export async function findAttendance(db: DbOrTx, meetingId: string): Promise<string[]> {
  const rows = await db.selectFrom('bk_attendance').select('organization_id').where('meeting_id', '=', meetingId).execute();
  return rows.map((r) => r.organization_id);
}

export async function insertAgendaItem(db: DbOrTx, row: AgendaItemTable): Promise<void> {
  await db.insertInto('bk_agenda_items').values(row).execute();
}

export async function findAgendaItemById(db: DbOrTx, id: string): Promise<AgendaItemRow | undefined> {
  return db.selectFrom('bk_agenda_items').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findAgendaItems(db: DbOrTx, meetingId: string): Promise<AgendaItemRow[]> {
  return db.selectFrom('bk_agenda_items').selectAll().where('meeting_id', '=', meetingId).orderBy('created_at').orderBy('id').execute();
}

export async function updateAgendaItem(db: DbOrTx, id: string, patch: Partial<AgendaItemTable>, whenStatus?: 'open'): Promise<boolean> {
  let q = db.updateTable('bk_agenda_items').set(patch).where('id', '=', id);
  if (whenStatus) q = q.where('status', '=', whenStatus);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findEffectiveBallot(db: DbOrTx, effectiveKey: string): Promise<BallotRow | undefined> {
  return db.selectFrom('bk_ballots').selectAll().where('effective_key', '=', effectiveKey).executeTakeFirst();
}

export async function supersedeBallot(db: DbOrTx, id: string, at: string): Promise<void> {
  await db.updateTable('bk_ballots').set({ effective_key: null, superseded_at: at }).where('id', '=', id).execute();
}

export async function insertBallot(db: DbOrTx, row: BallotTable): Promise<void> {
  await db.insertInto('bk_ballots').values(row).execute();
}

/** The effective ballots' votes only (the tally reads thousands of them). */
export async function findEffectiveVotes(db: DbOrTx, itemId: string): Promise<Pick<BallotRow, 'voter_id' | 'voting_group' | 'choice'>[]> {
  return db.selectFrom('bk_ballots').select(['voter_id', 'voting_group', 'choice']).where('item_id', '=', itemId).where('effective_key', 'is not', null).execute();
}

export async function findBallotsOfVoter(db: DbOrTx, itemId: string, voterId: string): Promise<BallotRow[]> {
  return db.selectFrom('bk_ballots').selectAll().where('item_id', '=', itemId).where('voter_id', '=', voterId).orderBy('cast_at').execute();
}
