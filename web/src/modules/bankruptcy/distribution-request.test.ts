import { describe, expect, it } from 'vitest';
import { buildPlanRequest } from './distribution-request.js';

describe('buildPlanRequest', () => {
  it('converts yuan to integer fen and numbers the debts', () => {
    const r = buildPlanRequest({
      freeEstate: '1,000,000.29',
      expenses: [{ label: '诉讼费用', amount: '5000' }],
      commonBenefitDebts: [{ label: '继续履行合同', amount: '0.1' }, { label: '水电费', amount: '12.34' }],
      collaterals: [{ collateralId: '厂房', realized: '300000', claimIds: ['c1'] }],
    });
    expect(r).toEqual({
      ok: true,
      body: {
        freeEstateFen: 100_000_029,
        expenses: [{ id: 'E1', label: '诉讼费用', amountFen: 500_000 }],
        commonBenefitDebts: [
          { id: 'C1', label: '继续履行合同', amountFen: 10 },
          { id: 'C2', label: '水电费', amountFen: 1_234 },
        ],
        collaterals: [{ collateralId: '厂房', realizedFen: 30_000_000, claimIds: ['c1'] }],
      },
    });
  });

  it('allows an empty estate but not a zero debt, and names the bad fields', () => {
    const r = buildPlanRequest({ freeEstate: '0', expenses: [{ label: '', amount: '0' }], collaterals: [{ collateralId: 'A', realized: '1.234', claimIds: [] }], averageMonthlyWage: 'abc' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.name.join('.')).sort()).toEqual(['averageMonthlyWage', 'collaterals.0.claimIds', 'collaterals.0.realized', 'expenses.0.amount', 'expenses.0.label']);
  });

  it('refuses a collateral listed twice', () => {
    const r = buildPlanRequest({ freeEstate: '1', collaterals: [{ collateralId: 'A', realized: '1', claimIds: ['x'] }, { collateralId: ' A ', realized: '1', claimIds: ['y'] }] });
    expect(r.ok ? [] : r.errors.map((e) => e.name.join('.'))).toEqual(['collaterals.1.collateralId']);
  });
});
