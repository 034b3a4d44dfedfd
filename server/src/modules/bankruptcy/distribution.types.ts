/** Inputs and results of the distribution plan calculator (EBL Arts. 41–43, 109, 110, 113, 114–119). */

/** Art. 113 ¶1 order after expenses and common-benefit debts. */
export type PriorityTier = 'employee' | 'socialInsuranceAndTax' | 'ordinary';
export const PRIORITY_TIERS: readonly PriorityTier[] = ['employee', 'socialInsuranceAndTax', 'ordinary'];

/**
 * - `confirmed`: paid.
 * - `conditional`: a claim under a condition precedent or subsequent; its share is reserved (提存, Art. 117).
 * - `disputed`: in litigation or arbitration; its share is reserved (Art. 119).
 */
export type ClaimPayStatus = 'confirmed' | 'conditional' | 'disputed';

export interface Debt {
  id: string;
  amountFen: bigint;
}

export interface Collateral {
  collateralId: string;
  /** Proceeds of the collateral net of the costs of keeping and selling it. */
  realizedFen: bigint;
}

export interface DistributionClaim {
  claimId: string;
  creditorId: string;
  /** Tier of the unsecured claim. The shortfall of a secured claim is ordinary whatever this says (Art. 110). */
  tier: PriorityTier;
  amountFen: bigint;
  status: ClaimPayStatus;
  /** Art. 109: secured on this collateral, ranked (1 first) against other security on it. */
  security?: { collateralId: string; rank: number; waived: boolean };
  /**
   * Art. 113 ¶3: the unpaid pay of a director, supervisor or senior manager, for this many months. Only the
   * average employee wage for those months is an employee claim; the excess is ordinary (SPC Provisions II
   * Art. 24 ¶3).
   */
  seniorManagerWageMonths?: number;
}

export interface DistributionInput {
  /** Proceeds of the debtor's property not subject to security. */
  freeEstateFen: bigint;
  collaterals: readonly Collateral[];
  /** Art. 41 bankruptcy expenses (court costs, administration, administrator's fee). */
  expenses: readonly Debt[];
  /** Art. 42 common-benefit debts. */
  commonBenefitDebts: readonly Debt[];
  claims: readonly DistributionClaim[];
  /** Average monthly wage of the debtor's employees, needed when any claim has seniorManagerWageMonths. */
  averageMonthlyWageFen?: bigint;
}

export type LineSource = 'collateral' | PriorityTier;

export interface ClaimLine {
  source: LineSource;
  /** The part of the claim ranked in this source. */
  allowedFen: bigint;
  payFen: bigint;
  reserveFen: bigint;
}

export interface ClaimPayout {
  claimId: string;
  creditorId: string;
  status: ClaimPayStatus;
  lines: ClaimLine[];
  payFen: bigint;
  reserveFen: bigint;
}

export interface DebtPayout {
  id: string;
  amountFen: bigint;
  payFen: bigint;
}

export interface CollateralResult {
  collateralId: string;
  realizedFen: bigint;
  toSecuredFen: bigint;
  /** Left after the secured claims: joins the free estate (SPC Provisions II Art. 3 ¶2). */
  surplusFen: bigint;
}

export interface TierResult {
  tier: PriorityTier;
  allowedFen: bigint;
  payFen: bigint;
  reserveFen: bigint;
  fullyPaid: boolean;
}

export interface CreditorPayout {
  creditorId: string;
  payFen: bigint;
  reserveFen: bigint;
}

export interface DistributionPlan {
  /** Free estate plus every collateral's proceeds: everything there is to share. */
  estateFen: bigint;
  collaterals: CollateralResult[];
  expenses: DebtPayout[];
  commonBenefitDebts: DebtPayout[];
  /**
   * Art. 43 ¶4: the estate does not cover the bankruptcy expenses; the administrator must ask the court to
   * end the proceedings. Nothing is left for common-benefit debts or claims.
   */
  terminationRequired: boolean;
  tiers: TierResult[];
  claims: ClaimPayout[];
  /** Each creditor's total, sorted by creditor id. */
  creditors: CreditorPayout[];
  /** Left after every debt and claim is paid in full (returned to the debtor's shareholders). */
  remainderFen: bigint;
}
