import { yuanToFen } from './money-input.js';

/** What the plan form holds: amounts typed in yuan. */
export interface PlanFormValues {
  freeEstate: string;
  expenses?: { label: string; amount: string }[];
  commonBenefitDebts?: { label: string; amount: string }[];
  collaterals?: { collateralId: string; realized: string; claimIds: string[] }[];
  averageMonthlyWage?: string;
}

export interface PlanRequestBody {
  freeEstateFen: number;
  expenses: { id: string; label: string; amountFen: number }[];
  commonBenefitDebts: { id: string; label: string; amountFen: number }[];
  collaterals?: { collateralId: string; realizedFen: number; claimIds: string[] }[];
  averageMonthlyWageFen?: number;
}

export type PlanRequestResult = { ok: true; body: PlanRequestBody } | { ok: false; errors: { name: (string | number)[]; message: [string, string] }[] };

/**
 * Turns the form into the calculator's request (POST /cases/:id/distribution-plans): yuan → integer fen,
 * expenses (Art. 41) and common-benefit debts (Art. 42) numbered `E1…`/`C1…` so the plan's lines can be
 * told apart, and each collateral's secured claims (Art. 109). Errors name the form field they belong to.
 */
export function buildPlanRequest(v: PlanFormValues): PlanRequestResult {
  const errors: { name: (string | number)[]; message: [string, string] }[] = [];
  const bad: [string, string] = ['金额格式：元，最多两位小数', 'Yuan with at most two decimals'];
  const fen = (name: (string | number)[], text: string | undefined, allowZero: boolean): number => {
    const f = yuanToFen(text ?? '');
    if (f === null || (!allowZero && f === 0)) {
      errors.push({ name, message: bad });
      return 0;
    }
    return f;
  };
  const debts = (list: { label: string; amount: string }[] | undefined, field: string, prefix: string) =>
    (list ?? []).map((d, i) => ({ id: `${prefix}${i + 1}`, label: (d.label ?? '').trim(), amountFen: fen([field, i, 'amount'], d.amount, false) }));
  const freeEstateFen = fen(['freeEstate'], v.freeEstate, true);
  const expenses = debts(v.expenses, 'expenses', 'E');
  const commonBenefitDebts = debts(v.commonBenefitDebts, 'commonBenefitDebts', 'C');
  [...expenses.map((d, i) => ['expenses', i, d] as const), ...commonBenefitDebts.map((d, i) => ['commonBenefitDebts', i, d] as const)].forEach(([field, i, d]) => {
    if (!d.label) errors.push({ name: [field, i, 'label'], message: ['请填写名称', 'Enter a name'] });
  });
  const seen = new Set<string>();
  const collaterals = (v.collaterals ?? []).map((c, i) => {
    const collateralId = (c.collateralId ?? '').trim();
    if (!collateralId) errors.push({ name: ['collaterals', i, 'collateralId'], message: ['请填写担保物', 'Name the collateral'] });
    else if (seen.has(collateralId)) errors.push({ name: ['collaterals', i, 'collateralId'], message: ['担保物重复', 'Listed twice'] });
    seen.add(collateralId);
    if (!c.claimIds?.length) errors.push({ name: ['collaterals', i, 'claimIds'], message: ['请选择担保债权', 'Choose the secured claims'] });
    return { collateralId, realizedFen: fen(['collaterals', i, 'realized'], c.realized, true), claimIds: c.claimIds ?? [] };
  });
  const wage = v.averageMonthlyWage?.trim() ? fen(['averageMonthlyWage'], v.averageMonthlyWage, false) : undefined;
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    body: { freeEstateFen, expenses, commonBenefitDebts, ...(collaterals.length ? { collaterals } : {}), ...(wage !== undefined ? { averageMonthlyWageFen: wage } : {}) },
  };
}
