import { describe, expect, it } from 'vitest';
import { castBallot, effectiveBallots, openBallotBox, type CastBallot } from './ballot-box.js';
import { tallyResolution } from './resolution-tally.js';
import { ordinaryCreditor, rollEntry } from './testing/roll-factory.js';
import { votingRightCheck } from './voting-rights.js';

const roll = [ordinaryCreditor('a', 60n), ordinaryCreditor('b', 40n), rollEntry('bank', { securedFen: 500n })];
const ballot = (creditorId: string, choice: CastBallot['choice'], castAt: string, ballotId = `${creditorId}-${castAt}`): CastBallot => ({
  ballotId,
  creditorId,
  choice,
  channel: 'online',
  castAt,
});

describe('ballot box', () => {
  it('keeps the first ballot final by default and refuses a second one', () => {
    const box = openBallotBox('2026-06-01T01:00:00Z', '2026-06-01T09:00:00Z');
    const may = votingRightCheck(roll, 'ordinary');
    expect(castBallot(box, ballot('a', 'against', '2026-06-01T02:00:00Z'), may)).toEqual({ ok: true, replaced: null });
    expect(castBallot(box, ballot('a', 'for', '2026-06-01T03:00:00Z'), may)).toEqual({ ok: false, rejection: 'ballot-already-cast' });
    expect(effectiveBallots(box)).toEqual([{ creditorId: 'a', choice: 'against' }]);
  });

  it('lets the latest ballot count under changeableUntilClose, keeping the superseded one', () => {
    const box = openBallotBox('2026-06-01T01:00:00Z', '2026-06-01T09:00:00Z', 'changeableUntilClose');
    const may = votingRightCheck(roll, 'ordinary');
    const first = ballot('a', 'against', '2026-06-01T02:00:00Z');
    castBallot(box, first, may);
    castBallot(box, ballot('b', 'for', '2026-06-01T02:30:00Z'), may);
    expect(castBallot(box, ballot('a', 'for', '2026-06-01T03:00:00Z'), may)).toEqual({ ok: true, replaced: first });
    expect(box.superseded).toEqual([first]);
    const r = tallyResolution('ordinary', { roll, ballots: effectiveBallots(box), attendance: [] });
    expect(r.heads).toEqual({ for: 2, present: 2, met: true });
    expect(r.passed).toBe(true);
  });

  it('refuses a ballot at or after the close and before the opening', () => {
    const box = openBallotBox('2026-06-01T01:00:00Z', '2026-06-01T09:00:00Z', 'changeableUntilClose');
    const may = votingRightCheck(roll, 'ordinary');
    expect(castBallot(box, ballot('a', 'for', '2026-06-01T09:00:00Z'), may)).toEqual({ ok: false, rejection: 'vote-closed' });
    expect(castBallot(box, ballot('a', 'for', '2026-06-01T00:59:59Z'), may)).toEqual({ ok: false, rejection: 'vote-closed' });
    expect(castBallot(box, ballot('a', 'for', '2026-06-01T08:59:59Z'), may).ok).toBe(true);
  });

  it('refuses a voter without a vote on the item: a non-creditor, or a secured creditor on the distribution plan', () => {
    const box = openBallotBox('2026-06-01T01:00:00Z', '2026-06-01T09:00:00Z');
    const may = votingRightCheck(roll, 'distributionPlan');
    expect(castBallot(box, ballot('stranger', 'for', '2026-06-01T02:00:00Z'), may)).toEqual({ ok: false, rejection: 'no-voting-right' });
    expect(castBallot(box, ballot('bank', 'for', '2026-06-01T02:00:00Z'), may)).toEqual({ ok: false, rejection: 'no-voting-right' });
    expect(votingRightCheck(roll, 'ordinary')('bank', undefined)).toBe(true);
  });

  it('checks reorganization ballots per group, shareholders only in their group', () => {
    const may = votingRightCheck(roll, 'reorganizationPlan', { shareholderIds: ['holdco'] });
    expect(may('bank', 'secured')).toBe(true);
    expect(may('bank', 'ordinary')).toBe(false);
    expect(may('a', undefined)).toBe(false);
    expect(may('holdco', 'shareholder')).toBe(true);
    expect(may('a', 'shareholder')).toBe(false);
  });
});
