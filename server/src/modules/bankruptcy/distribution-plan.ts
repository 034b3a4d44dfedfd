import { allocateProRata } from './pro-rata.js';
import {
  PRIORITY_TIERS,
  type ClaimLine,
  type ClaimPayout,
  type CollateralResult,
  type CreditorPayout,
  type Debt,
  type DebtPayout,
  type DistributionClaim,
  type DistributionInput,
  type DistributionPlan,
  type PriorityTier,
  type TierResult,
} from './distribution.types.js';

function validate(input: DistributionInput): void {
  if (input.freeEstateFen < 0n) throw new RangeError('free estate must not be negative');
  const collaterals = new Set<string>();
  for (const c of input.collaterals) {
    if (c.realizedFen < 0n) throw new RangeError(`collateral ${c.collateralId} has negative proceeds`);
    if (collaterals.has(c.collateralId)) throw new RangeError(`collateral ${c.collateralId} listed twice`);
    collaterals.add(c.collateralId);
  }
  for (const d of [...input.expenses, ...input.commonBenefitDebts]) {
    if (d.amountFen <= 0n) throw new RangeError(`debt ${d.id} must be a positive amount`);
  }
  const ids = new Set<string>();
  for (const c of input.claims) {
    if (c.amountFen <= 0n) throw new RangeError(`claim ${c.claimId} must be a positive amount`);
    if (ids.has(c.claimId)) throw new RangeError(`claim ${c.claimId} listed twice`);
    ids.add(c.claimId);
    if (c.security && !collaterals.has(c.security.collateralId)) {
      throw new RangeError(`claim ${c.claimId} is secured on unknown collateral ${c.security.collateralId}`);
    }
    if (c.seniorManagerWageMonths !== undefined) {
      if (c.tier !== 'employee') throw new RangeError(`claim ${c.claimId}: a pay cap applies to employee claims only`);
      if (!Number.isInteger(c.seniorManagerWageMonths) || c.seniorManagerWageMonths < 0) {
        throw new RangeError(`claim ${c.claimId}: months must be a non-negative integer`);
      }
      if (input.averageMonthlyWageFen === undefined || input.averageMonthlyWageFen < 0n) {
        throw new RangeError('averageMonthlyWageFen is needed for a senior manager pay cap (Art. 113 ¶3)');
      }
    }
  }
}

/** Art. 43 ¶3: pay each debt in full if the pool allows, else pro rata. Returns the payouts and what is left. */
function payDebts(pool: bigint, debts: readonly Debt[]): { payouts: DebtPayout[]; left: bigint; full: boolean } {
  const shares = allocateProRata(pool, debts.map((d) => ({ key: d.id, amountFen: d.amountFen })));
  let paid = 0n;
  let owed = 0n;
  const payouts = debts.map((d, i) => {
    paid += shares[i]!;
    owed += d.amountFen;
    return { id: d.id, amountFen: d.amountFen, payFen: shares[i]! };
  });
  return { payouts, left: pool - paid, full: paid === owed };
}

/** A claim's line in a source, waiting for its share. */
interface PendingLine {
  claim: DistributionClaim;
  line: ClaimLine;
}

function newLine(source: ClaimLine['source'], allowedFen: bigint): ClaimLine {
  return { source, allowedFen, payFen: 0n, reserveFen: 0n };
}

/** Art. 117 (conditional) and Art. 119 (disputed): the share is reserved, not paid. */
function settle(pending: PendingLine, share: bigint): void {
  if (pending.claim.status === 'confirmed') pending.line.payFen = share;
  else pending.line.reserveFen = share;
}

/**
 * Computes a distribution plan.
 *
 * Order:
 * 1. Art. 109: each collateral's proceeds go to the claims secured on it, by rank; claims of equal rank share
 *    pro rata. Art. 110: the unpaid part of a secured claim, and a claim whose security was waived, become
 *    ordinary claims. What is left of a collateral joins the free estate (SPC Provisions II Art. 3 ¶2).
 * 2. Arts. 41–43: bankruptcy expenses, then common-benefit debts; if the pool is short, expenses first and
 *    pro rata within each (Art. 43 ¶2–3). If the expenses cannot be covered, the case ends (Art. 43 ¶4).
 * 3. Art. 113 ¶1: employee claims, then other social insurance and taxes, then ordinary claims; a tier is
 *    paid only once the tier before it is paid in full, and pro rata within a tier (¶2). A senior manager's
 *    pay counts as an employee claim only up to the average employee wage (¶3); the rest is ordinary.
 * 4. Arts. 117, 119: shares of conditional and disputed claims are reserved, not paid.
 * All shares are whole fen by the largest-remainder method (pro-rata.ts), so nothing is lost or created.
 */
export function computeDistributionPlan(input: DistributionInput): DistributionPlan {
  validate(input);
  // Lines are kept by the claim's position in the input (no lookups by id): 100,000 claims stay cheap.
  const linesOf: ClaimLine[][] = input.claims.map(() => []);
  const tierLines = new Map<PriorityTier, PendingLine[]>(PRIORITY_TIERS.map((t) => [t, []]));
  const addLine = (index: number, line: ClaimLine): PendingLine => {
    linesOf[index]!.push(line);
    return { claim: input.claims[index]!, line };
  };

  // 1. Collateral (Arts. 109, 110).
  const securedOn = new Map<string, number[]>();
  input.claims.forEach((claim, index) => {
    if (claim.security && !claim.security.waived) {
      const list = securedOn.get(claim.security.collateralId) ?? [];
      list.push(index);
      securedOn.set(claim.security.collateralId, list);
    }
  });
  const collaterals: CollateralResult[] = [];
  let pool = input.freeEstateFen;
  let estateFen = input.freeEstateFen;
  for (const c of input.collaterals) {
    estateFen += c.realizedFen;
    let left = c.realizedFen;
    const indices = securedOn.get(c.collateralId) ?? [];
    const rankOf = (i: number) => input.claims[i]!.security!.rank;
    const ranks = [...new Set(indices.map(rankOf))].sort((a, b) => a - b);
    for (const rank of ranks) {
      const same = indices.filter((i) => rankOf(i) === rank);
      const shares = allocateProRata(left, same.map((i) => ({ key: input.claims[i]!.claimId, amountFen: input.claims[i]!.amountFen })));
      same.forEach((index, k) => {
        const claim = input.claims[index]!;
        const share = shares[k]!;
        left -= share;
        settle(addLine(index, newLine('collateral', claim.amountFen)), share);
        const shortfall = claim.amountFen - share;
        if (shortfall > 0n) tierLines.get('ordinary')!.push(addLine(index, newLine('ordinary', shortfall)));
      });
    }
    collaterals.push({ collateralId: c.collateralId, realizedFen: c.realizedFen, toSecuredFen: c.realizedFen - left, surplusFen: left });
    pool += left;
  }

  // Unsecured claims (including waived security) into their Art. 113 tiers.
  for (let index = 0; index < input.claims.length; index++) {
    const claim = input.claims[index]!;
    if (claim.security && !claim.security.waived) continue;
    if (claim.seniorManagerWageMonths !== undefined) {
      const cap = input.averageMonthlyWageFen! * BigInt(claim.seniorManagerWageMonths);
      const employeePart = claim.amountFen < cap ? claim.amountFen : cap;
      if (employeePart > 0n) tierLines.get('employee')!.push(addLine(index, newLine('employee', employeePart)));
      const excess = claim.amountFen - employeePart;
      if (excess > 0n) tierLines.get('ordinary')!.push(addLine(index, newLine('ordinary', excess)));
      continue;
    }
    const tier = claim.security?.waived ? 'ordinary' : claim.tier;
    tierLines.get(tier)!.push(addLine(index, newLine(tier, claim.amountFen)));
  }

  // 2. Expenses, then common-benefit debts (Art. 43).
  const expenses = payDebts(pool, input.expenses);
  pool = expenses.left;
  const terminationRequired = !expenses.full;
  const common = payDebts(pool, input.commonBenefitDebts);
  pool = common.left;

  // 3. Tiers (Art. 113). A claim has at most one line per tier, so its id is a unique tie-break key.
  const tiers: TierResult[] = [];
  for (const tier of PRIORITY_TIERS) {
    const pending = tierLines.get(tier)!;
    const shares = allocateProRata(pool, pending.map((p) => ({ key: p.claim.claimId, amountFen: p.line.allowedFen })));
    let allowedFen = 0n;
    let payFen = 0n;
    let reserveFen = 0n;
    pending.forEach((p, i) => {
      settle(p, shares[i]!);
      allowedFen += p.line.allowedFen;
      payFen += p.line.payFen;
      reserveFen += p.line.reserveFen;
    });
    pool -= payFen + reserveFen;
    tiers.push({ tier, allowedFen, payFen, reserveFen, fullyPaid: payFen + reserveFen === allowedFen });
  }

  // 4. Per claim and per creditor.
  const claims: ClaimPayout[] = [];
  const byCreditor = new Map<string, CreditorPayout>();
  for (let i = 0; i < input.claims.length; i++) {
    const claim = input.claims[i]!;
    const lines = linesOf[i]!;
    let payFen = 0n;
    let reserveFen = 0n;
    for (const l of lines) {
      payFen += l.payFen;
      reserveFen += l.reserveFen;
    }
    claims.push({ claimId: claim.claimId, creditorId: claim.creditorId, status: claim.status, lines, payFen, reserveFen });
    const c = byCreditor.get(claim.creditorId) ?? { creditorId: claim.creditorId, payFen: 0n, reserveFen: 0n };
    c.payFen += payFen;
    c.reserveFen += reserveFen;
    byCreditor.set(claim.creditorId, c);
  }
  const creditors = [...byCreditor.values()].sort((a, b) => (a.creditorId < b.creditorId ? -1 : a.creditorId > b.creditorId ? 1 : 0));

  return {
    estateFen,
    collaterals,
    expenses: expenses.payouts,
    commonBenefitDebts: common.payouts,
    terminationRequired,
    tiers,
    claims,
    creditors,
    remainderFen: pool,
  };
}
