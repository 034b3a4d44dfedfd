import type { Ballot, VoteChoice, VotingGroup } from './voting.types.js';

/**
 * May a creditor change a ballot before the vote closes?
 *
 * Decision: by default **no — the first ballot cast is final** (`finalOnCast`). Reasons:
 * 1. Paper and on-site ballots cannot be taken back once handed in; online voters must be treated the same
 *    (SPC Provisions III Art. 11 puts online and correspondence votes on a par with on-site ones).
 * 2. The meeting shows a live tally. Letting ballots change while the tally is visible invites last-minute
 *    switching and pressure on individual creditors.
 * 3. Each ballot gets a ledger receipt; a final ballot means the receipt a creditor holds is the vote counted.
 * The chair may open an item with `changeableUntilClose` when a vote runs for days by correspondence and the
 * plan is amended in between (SPC Provisions III Art. 11); then the latest ballot before the close counts and
 * every earlier one stays on the ledger, marked superseded. A changed paper ballot is keyed in again with its
 * new scan. Either way nothing is accepted after the close.
 * A keying error by the administrator is not a change of vote: it is corrected as a separate, audited action.
 */
export type BallotChangePolicy = 'finalOnCast' | 'changeableUntilClose';

export const DEFAULT_BALLOT_CHANGE_POLICY: BallotChangePolicy = 'finalOnCast';

export type BallotChannel = 'online' | 'onSite' | 'paper';

export interface CastBallot {
  ballotId: string;
  creditorId: string;
  group?: VotingGroup;
  choice: VoteChoice;
  channel: BallotChannel;
  /** ISO 8601 UTC. */
  castAt: string;
}

export type BallotRejection =
  /** 409: the vote has closed (or not yet opened). */
  | 'vote-closed'
  /** 409: a ballot is already in and the policy is finalOnCast. */
  | 'ballot-already-cast'
  /** 403: the voter has no vote on this item (or not in this group). */
  | 'no-voting-right';

export interface BallotBoxState {
  policy: BallotChangePolicy;
  opensAt: string;
  closesAt: string;
  /** The effective ballot per voter-and-group key. */
  effective: Map<string, CastBallot>;
  /** Ballots replaced under changeableUntilClose, oldest first (kept for the record). */
  superseded: CastBallot[];
}

export function openBallotBox(opensAt: string, closesAt: string, policy = DEFAULT_BALLOT_CHANGE_POLICY): BallotBoxState {
  if (!(Date.parse(opensAt) < Date.parse(closesAt))) throw new RangeError('a vote must close after it opens');
  return { policy, opensAt, closesAt, effective: new Map(), superseded: [] };
}

function keyOf(creditorId: string, group: VotingGroup | undefined): string {
  return group === undefined ? creditorId : `${creditorId}\u0000${group}`;
}

/**
 * Puts a ballot in the box, or says why not. `mayVote` answers whether this voter has a vote on this item
 * (and in this group): see voting-rights.ts. The vote is open on [opensAt, closesAt).
 */
export function castBallot(
  box: BallotBoxState,
  ballot: CastBallot,
  mayVote: (creditorId: string, group: VotingGroup | undefined) => boolean,
): { ok: true; replaced: CastBallot | null } | { ok: false; rejection: BallotRejection } {
  const at = Date.parse(ballot.castAt);
  if (Number.isNaN(at)) throw new RangeError('castAt must be an ISO 8601 time');
  if (at < Date.parse(box.opensAt) || at >= Date.parse(box.closesAt)) return { ok: false, rejection: 'vote-closed' };
  if (!mayVote(ballot.creditorId, ballot.group)) return { ok: false, rejection: 'no-voting-right' };
  const key = keyOf(ballot.creditorId, ballot.group);
  const previous = box.effective.get(key) ?? null;
  if (previous && box.policy === 'finalOnCast') return { ok: false, rejection: 'ballot-already-cast' };
  if (previous) {
    if (at < Date.parse(previous.castAt)) throw new RangeError('ballots must be cast in time order');
    box.superseded.push(previous);
  }
  box.effective.set(key, ballot);
  return { ok: true, replaced: previous };
}

/** The ballots the tally counts. */
export function effectiveBallots(box: BallotBoxState): Ballot[] {
  return [...box.effective.values()].map((b) =>
    b.group === undefined ? { creditorId: b.creditorId, choice: b.choice } : { creditorId: b.creditorId, group: b.group, choice: b.choice },
  );
}
