import type { Config } from '../../platform/config/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { findReadableFile } from '../../platform/files/index.js';
import { forbidden, notFound, unprocessable } from '../../platform/http/index.js';
import { newId } from '../../platform/ids/index.js';
import type { Principal } from '../../platform/identity/index.js';
import { appendLedgerEntry, buildReceipt } from '../../platform/ledger/index.js';
import { DEFAULT_BALLOT_CHANGE_POLICY, type BallotChangePolicy, type BallotChannel } from './ballot-box.js';
import { PERM } from './bankruptcy.policy.js';
import { deadlineProblem, fenField, invalidState, problem } from './bankruptcy-problems.js';
import { caseOfficerOrgs, loadCase, loadCaseAsAdministrator, loadCaseAsOfficer } from './case-access.js';
import { dateField } from './case-dates.js';
import type { CaseRow } from './case.table.js';
import { findVotingClaimsByCase } from './claim.repository.js';
import { jsonSafe, type JsonSafe } from './json-safe.js';
import {
  countMeetingsOfCase,
  findAgendaItemById,
  findAgendaItems,
  findAttendance,
  findBallotsOfVoter,
  findEffectiveBallot,
  findEffectiveVotes,
  findMeetingById,
  insertAgendaItem,
  insertAttendance,
  insertBallot,
  insertMeeting,
  supersedeBallot,
  updateAgendaItem,
} from './meeting.repository.js';
import type { AgendaItemRow, BallotRow, MeetingRow } from './meeting.table.js';
import { tallyReorganizationPlan } from './reorganization-tally.js';
import { tallyResolution } from './resolution-tally.js';
import { checkFirstMeetingDate, checkMeetingNotice, voteResultNoticeDue } from './statutory-deadlines.js';
import { applyReorganizationRevote, nextStepAfter } from './vote-sequel.js';
import { buildVotingRoll } from './voting-roll.js';
import { votingRightCheck } from './voting-rights.js';
import type { Ballot, ReorganizationOutcome, ResolutionKind, RollEntry, ShareholderEntry, VoteChoice, VoteOutcome, VotingGroup } from './voting.types.js';

export interface ScheduleMeetingInput {
  title: string;
  meetingOn: string;
  startsAt: string;
  place: string;
  noticeSentOn: string;
}

/**
 * Schedules a creditors' meeting. Art. 63: known creditors are notified 15 days ahead, so the notice date
 * must be on or before the meeting day − 15. Art. 62 ¶1: the first meeting falls within 15 days after the
 * claim period ends.
 */
export async function scheduleMeeting(db: Db, p: Principal, caseId: string, input: ScheduleMeetingInput): Promise<MeetingRow> {
  const { row: theCase } = await loadCaseAsOfficer(db, p, caseId);
  if (theCase.stage !== 'accepted') throw problem(409, 'case-not-accepted', '案件不在审理中 (the case is not in progress)');
  const meetingOn = dateField('body.meetingOn', input.meetingOn);
  const noticeOn = dateField('body.noticeSentOn', input.noticeSentOn);
  const notice = checkMeetingNotice(noticeOn, meetingOn);
  if (!notice.ok) throw deadlineProblem('body.noticeSentOn', notice.code, notice.basis, notice.limit);
  const sequence = (await countMeetingsOfCase(db, theCase.id)) + 1;
  if (sequence === 1 && theCase.claim_period_ends_on) {
    const first = checkFirstMeetingDate(theCase.claim_period_ends_on, meetingOn);
    if (!first.ok) throw deadlineProblem('body.meetingOn', first.code, first.basis, first.limit);
  }
  const now = new Date().toISOString();
  const row: MeetingRow = {
    id: newId('bkm'),
    case_id: theCase.id,
    sequence,
    title: input.title.trim(),
    meeting_on: meetingOn,
    starts_at: new Date(input.startsAt).toISOString(),
    place: input.place.trim(),
    notice_sent_on: noticeOn,
    status: 'scheduled',
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    await insertMeeting(trx, row);
    if (sequence === 1) await trx.updateTable('bk_cases').set({ first_meeting_on: meetingOn }).where('id', '=', theCase.id).execute();
  });
  return row;
}

/** The meeting and its case, if the caller may see the case. */
export async function loadMeeting(db: DbOrTx, p: Principal, meetingId: string) {
  const meeting = await findMeetingById(db, meetingId);
  if (!meeting) throw notFound('会议不存在 (no such meeting)');
  const access = await loadCase(db, p, meeting.case_id);
  return { meeting, ...access };
}

async function rollOf(db: DbOrTx, caseId: string): Promise<RollEntry[]> {
  return buildVotingRoll(await findVotingClaimsByCase(db, caseId));
}

function shareholdersOf(item: AgendaItemRow): (ShareholderEntry & { name: string })[] {
  if (!item.shareholders) return [];
  return (JSON.parse(item.shareholders) as { organizationId: string; name: string; votingRightsUnits: number }[]).map((s) => ({
    shareholderId: s.organizationId,
    name: s.name,
    votingRightsUnits: BigInt(s.votingRightsUnits),
  }));
}

/** A creditor (or shareholder of an item) signs in to the meeting; presence counts in "出席会议的债权人". */
export async function signIn(db: Db, p: Principal, meetingId: string): Promise<{ signedIn: boolean }> {
  const { meeting, row: theCase } = await loadMeeting(db, p, meetingId);
  if (meeting.status === 'closed') throw invalidState('会议已结束 (the meeting has ended)');
  const roll = await rollOf(db, theCase.id);
  const onRoll = roll.some((r) => r.creditorId === p.organizationId);
  const shareholder = (await findAgendaItems(db, meeting.id)).some((i) => shareholdersOf(i).some((s) => s.shareholderId === p.organizationId));
  if (!onRoll && !shareholder) throw forbidden('仅本案债权人可签到 (creditors of the case only)');
  const inserted = await insertAttendance(db, { meeting_id: meeting.id, organization_id: p.organizationId, user_id: p.id, signed_in_at: new Date().toISOString() });
  return { signedIn: inserted };
}

export interface AgendaItemInput {
  kind: ResolutionKind;
  title: string;
  opensAt: string;
  closesAt: string;
  ballotPolicy?: BallotChangePolicy;
  smallClaimsThresholdFen?: unknown;
  shareholders?: { organizationId: string; name: string; votingRightsUnits: number }[];
}

function checkKindFitsProcedure(kind: ResolutionKind, theCase: CaseRow): void {
  const fits =
    (kind === 'reorganizationPlan' && theCase.procedure === 'reorganization') ||
    (kind === 'settlementAgreement' && theCase.procedure === 'settlement') ||
    (kind === 'distributionPlan' && theCase.procedure === 'liquidation') ||
    (kind === 'realizationPlan' && theCase.procedure === 'liquidation') ||
    kind === 'ordinary' ||
    kind === 'assetManagementPlan';
  if (!fits) {
    throw unprocessable('validation-failed', [{ path: 'body.kind', code: 'kind-not-in-procedure', message: '该表决事项与案件程序不符 (the item does not belong to this procedure)' }]);
  }
}

/** The administrator puts an item to the vote, typed by its rule (see voting.types.ts ResolutionKind). */
export async function addAgendaItem(db: Db, p: Principal, meetingId: string, input: AgendaItemInput): Promise<AgendaItemRow> {
  const { meeting } = await loadMeeting(db, p, meetingId);
  const theCase = await loadCaseAsAdministrator(db, p, meeting.case_id);
  if (meeting.status === 'closed') throw invalidState('会议已结束 (the meeting has ended)');
  checkKindFitsProcedure(input.kind, theCase);
  return createItem(db, theCase, meeting, input, 1, null, null);
}

async function createItem(
  db: DbOrTx,
  theCase: CaseRow,
  meeting: MeetingRow,
  input: AgendaItemInput,
  attempt: number,
  revoteOf: string | null,
  revoteGroups: VotingGroup[] | null,
): Promise<AgendaItemRow> {
  const opens = Date.parse(input.opensAt);
  const closes = Date.parse(input.closesAt);
  if (Number.isNaN(opens) || Number.isNaN(closes) || closes <= opens) {
    throw unprocessable('validation-failed', [{ path: 'body.closesAt', code: 'window-invalid', message: '表决截止时间须晚于开始时间 (must close after it opens)' }]);
  }
  const threshold = input.smallClaimsThresholdFen === undefined ? null : fenField('body.smallClaimsThresholdFen', input.smallClaimsThresholdFen);
  if (input.kind !== 'reorganizationPlan' && (threshold !== null || input.shareholders)) {
    throw unprocessable('validation-failed', [{ path: 'body.kind', code: 'groups-only-for-reorganization', message: '小额债权组与出资人组仅用于重整计划 (Arts. 82 ¶2, 85: reorganization plans only)' }]);
  }
  for (const [i, s] of (input.shareholders ?? []).entries()) {
    if (!Number.isSafeInteger(s.votingRightsUnits) || s.votingRightsUnits <= 0) {
      throw unprocessable('validation-failed', [{ path: `body.shareholders.${i}.votingRightsUnits`, code: 'not-positive', message: '表决权须为正整数 (positive integer)' }]);
    }
  }
  const row: AgendaItemRow = {
    id: newId('bki'),
    meeting_id: meeting.id,
    case_id: theCase.id,
    kind: input.kind,
    title: input.title.trim(),
    attempt,
    revote_of: revoteOf,
    revote_groups: revoteGroups ? JSON.stringify(revoteGroups) : null,
    ballot_policy: input.ballotPolicy ?? DEFAULT_BALLOT_CHANGE_POLICY,
    opens_at: new Date(opens).toISOString(),
    closes_at: new Date(closes).toISOString(),
    small_claims_threshold_fen: threshold === null ? null : Number(threshold),
    shareholders: input.shareholders?.length ? JSON.stringify(input.shareholders) : null,
    status: 'open',
    passed: null,
    outcome: null,
    decided_by: null,
    next_step: null,
    closed_at: null,
    result_notice_due_on: null,
    result_ledger_index: null,
    created_at: new Date().toISOString(),
  };
  await insertAgendaItem(db, row);
  return row;
}

async function loadItem(db: DbOrTx, p: Principal, itemId: string) {
  const item = await findAgendaItemById(db, itemId);
  if (!item) throw notFound('表决事项不存在 (no such agenda item)');
  const { meeting, row, relations } = await loadMeeting(db, p, item.meeting_id);
  return { item, meeting, theCase: row, relations };
}

function checkerFor(item: AgendaItemRow, roll: RollEntry[]) {
  const base = votingRightCheck(roll, item.kind, {
    smallClaimsThresholdFen: item.small_claims_threshold_fen === null ? undefined : BigInt(item.small_claims_threshold_fen),
    shareholderIds: shareholdersOf(item).map((s) => s.shareholderId),
  });
  const revoteGroups = item.revote_groups ? new Set(JSON.parse(item.revote_groups) as string[]) : null;
  return (voterId: string, group: string | undefined) => base(voterId, group) && (!revoteGroups || (group !== undefined && revoteGroups.has(group)));
}

interface CastInput {
  voterId: string;
  group?: VotingGroup;
  choice: VoteChoice;
  channel: BallotChannel;
  scanFileId?: string;
}

/**
 * Puts a ballot in the box (see ballot-box.ts for the policy): 409 `vote-closed` outside [opensAt, closesAt),
 * 403 `no-voting-right` for a voter without a vote on the item (or group), 409 `ballot-already-cast` for a
 * second ballot under `finalOnCast`. Each ballot gets its own ledger leaf, the creditor's receipt.
 */
async function acceptBallot(db: Db, p: Principal, item: AgendaItemRow, theCase: CaseRow, input: CastInput): Promise<BallotRow> {
  const now = new Date();
  const nowIso = now.toISOString();
  if (item.status !== 'open' || now.getTime() < Date.parse(item.opens_at) || now.getTime() >= Date.parse(item.closes_at)) {
    throw problem(409, 'vote-closed', `表决时间 voting window ${item.opens_at} – ${item.closes_at}`);
  }
  const roll = await rollOf(db, theCase.id);
  if (!checkerFor(item, roll)(input.voterId, input.group)) {
    throw problem(403, 'no-voting-right', '《企业破产法》第五十九条：对该事项（或该表决组）不享有表决权 (no vote on this item or in this group)');
  }
  const effectiveKey = `${item.id}|${input.voterId}|${input.group ?? ''}`;
  return db.transaction().execute(async (trx) => {
    const previous = await findEffectiveBallot(trx, effectiveKey);
    if (previous && item.ballot_policy === 'finalOnCast') {
      throw problem(409, 'ballot-already-cast', '本事项首次投票即为最终投票 (the first ballot is final on this item)', undefined, { ledgerIndex: previous.ledger_index });
    }
    if (previous) await supersedeBallot(trx, previous.id, nowIso);
    const ballot: BallotRow = {
      id: newId('bkb'),
      item_id: item.id,
      voter_id: input.voterId,
      voting_group: input.group ?? null,
      choice: input.choice,
      channel: input.channel,
      cast_at: nowIso,
      cast_by_user_id: p.id,
      scan_file_id: input.scanFileId ?? null,
      effective_key: effectiveKey,
      superseded_at: null,
      ledger_index: null,
      created_at: nowIso,
    };
    try {
      await insertBallot(trx, ballot);
    } catch (e) {
      // Two requests raced past the check: the unique effective_key lets one win.
      if (/unique|duplicate/i.test(String(e))) throw problem(409, 'ballot-already-cast', '已有有效投票 (a ballot is already in)');
      throw e;
    }
    const voterOrgs = input.voterId.startsWith('claim:') ? [] : [input.voterId];
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.vote.cast',
      subject: ballot.id,
      data: {
        caseNumber: theCase.case_number,
        itemId: item.id,
        itemKind: item.kind,
        voterId: input.voterId,
        group: input.group ?? null,
        choice: input.choice,
        channel: input.channel,
        castAt: nowIso,
        supersedes: previous?.id ?? null,
      },
      visibleTo: { organizationIds: [...voterOrgs, ...caseOfficerOrgs(theCase)] },
    });
    await trx.updateTable('bk_ballots').set({ ledger_index: leafIndex }).where('id', '=', ballot.id).execute();
    return { ...ballot, ledger_index: leafIndex };
  });
}

/** A creditor (or shareholder) votes online for their own organization. */
export async function castOnlineBallot(db: Db, p: Principal, itemId: string, input: { choice: VoteChoice; group?: VotingGroup }): Promise<BallotRow> {
  if (!p.permissions.has(PERM.vote)) throw forbidden('无投票权限 (no permission to vote)');
  const { item, theCase } = await loadItem(db, p, itemId);
  return acceptBallot(db, p, item, theCase, { voterId: p.organizationId, group: input.group, choice: input.choice, channel: 'online' });
}

/** The administrator keys in a paper ballot, with the scan attached (SPC III Art. 11 correspondence votes). */
export async function keyPaperBallot(
  db: Db,
  p: Principal,
  itemId: string,
  input: { voterId: string; choice: VoteChoice; group?: VotingGroup; scanFileId: string },
): Promise<BallotRow> {
  const { item, theCase } = await loadItem(db, p, itemId);
  await loadCaseAsAdministrator(db, p, theCase.id);
  try {
    await findReadableFile(db, input.scanFileId, p.organizationId);
  } catch {
    throw unprocessable('validation-failed', [{ path: 'body.scanFileId', code: 'file-not-found', message: '纸质表决票扫描件不存在 (no such uploaded scan)' }]);
  }
  return acceptBallot(db, p, item, theCase, { ...input, channel: 'paper' });
}

/** The tally as of now (live while open; the stored result once closed). */
export async function tallyItem(db: DbOrTx, item: AgendaItemRow): Promise<VoteOutcome> {
  const roll = await rollOf(db, item.case_id);
  const ballots: Ballot[] = (await findEffectiveVotes(db, item.id)).map((b) =>
    b.voting_group ? { creditorId: b.voter_id, group: b.voting_group, choice: b.choice } : { creditorId: b.voter_id, choice: b.choice },
  );
  const attendance = await findAttendance(db, item.meeting_id);
  if (item.kind !== 'reorganizationPlan') {
    // Defensive: ballots were checked on the way in, but the register may have changed since (a claim
    // rejected after voting); such a ballot no longer carries a vote.
    const may = votingRightCheck(roll, item.kind);
    return tallyResolution(item.kind, { roll, ballots: ballots.filter((b) => may(b.creditorId, undefined)), attendance });
  }
  const may = checkerFor(item, roll);
  const shareholders = shareholdersOf(item);
  return tallyReorganizationPlan({
    roll,
    ballots: ballots.filter((b) => may(b.creditorId, b.group)),
    attendance,
    smallClaimsThresholdFen: item.small_claims_threshold_fen === null ? undefined : BigInt(item.small_claims_threshold_fen),
    shareholders: shareholders.length ? shareholders : undefined,
    onlyGroups: item.revote_groups ? (JSON.parse(item.revote_groups) as VotingGroup[]) : undefined,
  });
}

/** Who may watch the tally: the court, the administrator, and the voters of the case. */
async function requireTallyReader(db: DbOrTx, p: Principal, item: AgendaItemRow, relations: ReadonlySet<string>): Promise<void> {
  if (relations.has('court') || relations.has('administrator')) return;
  const roll = await rollOf(db, item.case_id);
  if (roll.some((r) => r.creditorId === p.organizationId) || shareholdersOf(item).some((s) => s.shareholderId === p.organizationId)) return;
  throw forbidden('仅本案债权人可查看计票 (creditors of the case only)');
}

export async function liveTally(db: Db, p: Principal, itemId: string) {
  const { item, relations } = await loadItem(db, p, itemId);
  await requireTallyReader(db, p, item, relations);
  if (item.status === 'closed' && item.outcome) return { item: presentItem(item), outcome: JSON.parse(item.outcome) as unknown, final: true };
  return { item: presentItem(item), outcome: jsonSafe(await tallyItem(db, item)), final: false };
}

/**
 * The administrator closes the vote once its window has passed: the result with the article that decided it,
 * what follows (Arts. 65, 86, 87, 98, 99), the SPC III Art. 11 three-day notice date, and a ledger entry.
 * A re-vote's result is combined with the first vote's under Art. 87 ¶1.
 */
export async function closeItem(db: Db, p: Principal, itemId: string) {
  const { item, meeting, theCase } = await loadItem(db, p, itemId);
  await loadCaseAsAdministrator(db, p, theCase.id);
  if (item.status !== 'open') throw invalidState('表决已结束 (already closed)');
  if (Date.now() < Date.parse(item.closes_at)) throw invalidState(`表决截止时间未到 (the vote closes at ${item.closes_at})`);
  let outcome = await tallyItem(db, item);
  if (outcome.kind === 'reorganizationPlan' && item.revote_of) {
    const first = await findAgendaItemById(db, item.revote_of);
    if (first?.outcome) outcome = applyReorganizationRevote(reviveReorganization(first.outcome), outcome);
  }
  const attempt = item.attempt === 2 ? 2 : 1;
  const next = nextStepAfter(outcome, attempt);
  const noticeDue = voteResultNoticeDue(meeting.meeting_on).dueOn;
  const stored = jsonSafe(outcome);
  return db.transaction().execute(async (trx) => {
    const ok = await updateAgendaItem(
      trx,
      item.id,
      {
        status: 'closed',
        passed: outcome.passed ? 1 : 0,
        outcome: JSON.stringify(stored),
        decided_by: outcome.decidedBy.code,
        next_step: JSON.stringify(next),
        closed_at: new Date().toISOString(),
        result_notice_due_on: noticeDue,
      },
      'open',
    );
    if (!ok) throw invalidState('表决已结束 (already closed)');
    if (outcome.kind === 'reorganizationPlan' && outcome.passed) {
      await trx.updateTable('bk_cases').set({ plan_passed_on: meeting.meeting_on }).where('id', '=', theCase.id).execute();
    }
    const { leafIndex } = await appendLedgerEntry(trx, {
      type: 'bankruptcy.vote.result',
      subject: item.id,
      data: { caseNumber: theCase.case_number, kind: item.kind, attempt, passed: outcome.passed, decidedBy: outcome.decidedBy.code, outcome: stored },
      visibleTo: { organizationIds: caseOfficerOrgs(theCase) },
    });
    await updateAgendaItem(trx, item.id, { result_ledger_index: leafIndex });
    return { item: presentItem({ ...item, status: 'closed', passed: outcome.passed ? 1 : 0, decided_by: outcome.decidedBy.code, next_step: JSON.stringify(next), result_notice_due_on: noticeDue, result_ledger_index: leafIndex, outcome: JSON.stringify(stored) }), outcome: stored, nextStep: next };
  });
}

/** Rebuilds a stored reorganization outcome (amounts back to BigInt) for the Art. 87 combination. */
function reviveReorganization(json: string): ReorganizationOutcome {
  const raw = JSON.parse(json) as JsonSafe<ReorganizationOutcome>;
  const big = (v: number | string) => BigInt(v);
  return {
    ...raw,
    groups: raw.groups.map((g) =>
      g.group === 'shareholder'
        ? {
            ...g,
            votingRights: { ...g.votingRights, for: big(g.votingRights.for), participating: big(g.votingRights.participating), fraction: [big(g.votingRights.fraction[0]!), big(g.votingRights.fraction[1]!)] as const },
          }
        : { ...g, amount: { ...g.amount, forFen: big(g.amount.forFen), totalFen: big(g.amount.totalFen), fraction: [big(g.amount.fraction[0]!), big(g.amount.fraction[1]!)] as const } },
    ),
  } as ReorganizationOutcome;
}

/**
 * A second vote: a distribution plan that failed once (Art. 65 ¶2) or the failed groups of a reorganization
 * plan after negotiation (Art. 87 ¶1). Only once.
 */
export async function createRevote(db: Db, p: Principal, itemId: string, input: { meetingId?: string; title?: string; opensAt: string; closesAt: string; ballotPolicy?: BallotChangePolicy }) {
  const { item, meeting, theCase } = await loadItem(db, p, itemId);
  await loadCaseAsAdministrator(db, p, theCase.id);
  if (item.status !== 'closed' || item.passed !== 0) throw invalidState('只有未通过的表决可以再次表决 (only a failed vote)');
  if (item.attempt !== 1 || (item.kind !== 'distributionPlan' && item.kind !== 'reorganizationPlan')) {
    throw invalidState('《企业破产法》第六十五条第二款、第八十七条：仅分配方案和重整计划可再表决一次 (only one re-vote, for a distribution or reorganization plan)');
  }
  const target = input.meetingId ? (await loadMeeting(db, p, input.meetingId)).meeting : meeting;
  if (target.case_id !== theCase.id) throw notFound('会议不存在 (no such meeting)');
  const failedGroups = item.kind === 'reorganizationPlan' ? (JSON.parse(item.outcome!) as { failedGroups: VotingGroup[] }).failedGroups : null;
  const existing = await db.selectFrom('bk_agenda_items').select('id').where('revote_of', '=', item.id).executeTakeFirst();
  if (existing) throw invalidState('已安排再次表决 (a re-vote already exists)');
  return createItem(
    db,
    theCase,
    target,
    {
      kind: item.kind,
      title: input.title ?? `${item.title}（再次表决）`,
      opensAt: input.opensAt,
      closesAt: input.closesAt,
      ballotPolicy: input.ballotPolicy ?? item.ballot_policy,
      smallClaimsThresholdFen: item.small_claims_threshold_fen ?? undefined,
      shareholders: item.shareholders ? (JSON.parse(item.shareholders) as AgendaItemInput['shareholders']) : undefined,
    },
    2,
    item.id,
    failedGroups,
  );
}

/** The caller's own ballots on an item (effective and superseded), with their ledger indexes. */
export async function myBallots(db: Db, p: Principal, itemId: string) {
  const { item } = await loadItem(db, p, itemId);
  return (await findBallotsOfVoter(db, item.id, p.organizationId)).map(presentBallot);
}

/** The ledger receipt of the caller's effective ballot on an item (offline-verifiable). */
export async function myBallotReceipt(db: Db, config: Config, p: Principal, itemId: string, group?: VotingGroup) {
  const { item } = await loadItem(db, p, itemId);
  const ballot = await findEffectiveBallot(db, `${item.id}|${p.organizationId}|${group ?? ''}`);
  if (!ballot || ballot.ledger_index === null) throw notFound('未找到您的投票 (no ballot of yours)');
  const receipt = await buildReceipt(db, config, ballot.ledger_index, p);
  if (!receipt) throw notFound('未找到您的投票 (no ballot of yours)');
  return receipt;
}

export async function meetingDetail(db: Db, p: Principal, meetingId: string) {
  const { meeting } = await loadMeeting(db, p, meetingId);
  const items = await findAgendaItems(db, meeting.id);
  const attendance = await findAttendance(db, meeting.id);
  return { meeting: presentMeeting(meeting), items: items.map(presentItem), attendees: attendance.length, signedIn: attendance.includes(p.organizationId) };
}

export function presentMeeting(m: MeetingRow) {
  return {
    id: m.id,
    caseId: m.case_id,
    sequence: m.sequence,
    title: m.title,
    meetingOn: m.meeting_on,
    startsAt: m.starts_at,
    place: m.place,
    noticeSentOn: m.notice_sent_on,
    status: m.status,
  };
}

export function presentItem(i: AgendaItemRow) {
  return {
    id: i.id,
    meetingId: i.meeting_id,
    caseId: i.case_id,
    kind: i.kind,
    title: i.title,
    attempt: i.attempt,
    revoteOf: i.revote_of,
    revoteGroups: i.revote_groups ? (JSON.parse(i.revote_groups) as string[]) : null,
    ballotPolicy: i.ballot_policy,
    opensAt: i.opens_at,
    closesAt: i.closes_at,
    smallClaimsThresholdFen: i.small_claims_threshold_fen,
    shareholders: i.shareholders ? (JSON.parse(i.shareholders) as unknown[]) : null,
    status: i.status,
    passed: i.passed === null ? null : i.passed === 1,
    decidedBy: i.decided_by,
    nextStep: i.next_step ? (JSON.parse(i.next_step) as unknown) : null,
    resultNoticeDueOn: i.result_notice_due_on,
    resultLedgerIndex: i.result_ledger_index,
  };
}

export function presentBallot(b: BallotRow) {
  return {
    id: b.id,
    itemId: b.item_id,
    voterId: b.voter_id,
    group: b.voting_group,
    choice: b.choice,
    channel: b.channel,
    castAt: b.cast_at,
    superseded: b.effective_key === null,
    supersededAt: b.superseded_at,
    ledgerIndex: b.ledger_index,
  };
}
