import { describe, expect, it } from 'vitest';
import { tallyResolution } from './resolution-tally.js';
import { ordinaryCreditor } from './testing/roll-factory.js';
import { nextStepAfter } from './vote-sequel.js';

const roll = [ordinaryCreditor('a', 60n), ordinaryCreditor('b', 40n)];
const failed = (kind: 'ordinary' | 'assetManagementPlan' | 'realizationPlan' | 'distributionPlan' | 'settlementAgreement') =>
  tallyResolution(kind, { roll, ballots: [{ creditorId: 'b', choice: 'for' }], attendance: ['a'] });
const passed = (kind: 'distributionPlan' | 'settlementAgreement') =>
  tallyResolution(kind, { roll, ballots: [{ creditorId: 'a', choice: 'for' }, { creditorId: 'b', choice: 'for' }], attendance: [] });

describe('Art. 65 and what follows a vote', () => {
  it('sends a failed asset management or realization plan to the court at once (Art. 65 ¶1)', () => {
    expect(nextStepAfter(failed('assetManagementPlan'), 1)).toMatchObject({ step: 'courtRules', basis: { code: 'EBL-65-1' } });
    expect(nextStepAfter(failed('realizationPlan'), 1)).toMatchObject({ step: 'courtRules', basis: { code: 'EBL-65-1' } });
  });

  it('gives a failed distribution plan a second vote, then sends it to the court (Art. 65 ¶2)', () => {
    expect(nextStepAfter(failed('distributionPlan'), 1)).toMatchObject({ step: 'secondVote', basis: { code: 'EBL-65-2' } });
    expect(nextStepAfter(failed('distributionPlan'), 2)).toMatchObject({ step: 'courtRules', basis: { code: 'EBL-65-2' } });
    expect(nextStepAfter(passed('distributionPlan'), 2).step).toBe('resolutionStands');
  });

  it('ends a settlement that fails (Art. 99) and confirms one that passes (Art. 98)', () => {
    expect(nextStepAfter(failed('settlementAgreement'), 1)).toMatchObject({ basis: { code: 'EBL-99' } });
    expect(nextStepAfter(passed('settlementAgreement'), 1)).toMatchObject({ step: 'courtConfirmsSettlement' });
  });

  it('leaves a failed ordinary resolution to be proposed again', () => {
    expect(nextStepAfter(failed('ordinary'), 1).step).toBe('mayBeProposedAgain');
  });
});
