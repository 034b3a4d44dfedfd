import { describe, expect, it } from 'vitest';
import type { ClaimRow } from './claim.table.js';
import { tallyResolution } from './resolution-tally.js';
import { buildVotingRoll } from './voting-roll.js';

function claim(id: string, org: string | null, parts: Partial<ClaimRow>): ClaimRow {
  return {
    id,
    case_id: 'case',
    creditor_organization_id: org,
    creditor_name: org ?? id,
    filed_by_user_id: 'u',
    source: 'filed',
    nature: 'ordinary',
    principal_fen: 0,
    interest_fen: 0,
    other_fen: 0,
    claimed_fen: 0,
    secured: 0,
    collateral_description: null,
    collateral_value_fen: null,
    security_waived: 0,
    claim_condition: 'none',
    joint: 0,
    agent_name: null,
    agent_authorization_file_id: null,
    late: 0,
    status: 'confirmed',
    confirmed_fen: 0,
    provisional_fen: null,
    review_points: null,
    review_reason: null,
    reviewed_by: null,
    reviewed_at: null,
    court_confirmed_on: null,
    disputed: 0,
    filed_at: '2026-01-01T00:00:00Z',
    ledger_index: null,
    review_ledger_index: null,
    version: 1,
    created_at: '',
    updated_at: '',
    ...parts,
  };
}

describe('voting roll from the claim register', () => {
  it('aggregates per creditor, splits secured claims at the collateral value and honours Art. 59 ¶2', () => {
    const roll = buildVotingRoll([
      claim('c1', 'bank', { secured: 1, collateral_value_fen: 600, confirmed_fen: 1_000 }),
      claim('c2', 'bank', { confirmed_fen: 50 }),
      claim('c3', 'tax', { nature: 'tax', confirmed_fen: 70 }),
      claim('c4', 'late', { status: 'filed', confirmed_fen: null }),
      claim('c5', 'suit', { status: 'rejected', confirmed_fen: 0, provisional_fen: 300 }),
      claim('c6', null, { source: 'listed', nature: 'employee', confirmed_fen: 40 }),
      claim('c7', 'waiver', { secured: 1, security_waived: 1, collateral_value_fen: 10, confirmed_fen: 90 }),
    ]);
    const by = new Map(roll.map((r) => [r.creditorId, r]));
    expect(by.get('bank')).toMatchObject({ member: true, determination: 'determined', securedFen: 600n, ordinaryFen: 450n });
    expect(by.get('tax')).toMatchObject({ taxFen: 70n });
    expect(by.get('late')).toMatchObject({ determination: 'undetermined', ordinaryFen: 0n });
    expect(by.get('suit')).toMatchObject({ determination: 'provisional', ordinaryFen: 300n });
    expect(by.get('claim:c6')).toMatchObject({ member: false, employeeFen: 40n });
    expect(by.get('waiver')).toMatchObject({ securedFen: 0n, ordinaryFen: 90n });
    // The roll feeds the tally directly: unsecured total = 450 + 70 + 300 + 90 (employee not a member).
    const r = tallyResolution('ordinary', { roll, ballots: [], attendance: [] });
    expect(r.amount.totalFen).toBe(910n);
  });
});
