/**
 * Which targets are eligible and how many are drawn from each stratum.
 *
 * Effective ratio: the credit class ratio (国发〔2019〕5号: differentiate by credit risk class), raised to the
 * highest ratio of the target's flags (国办发〔2015〕58号: raise the sampling of entities with complaints,
 * abnormal-operation listing or serious violations). Targets with the same class and effective ratio form one
 * stratum, keyed `<class>:<ratio bp>`, strata ordered by class then ratio.
 *
 * Sample size rounding rule: k = ⌈n × bp / 10000⌉, computed in integers as ⌊(n × bp + 9999) / 10000⌋.
 * Regulations state the ratio as a floor (抽查比例不低于…), so the count is rounded up: the achieved ratio is
 * never below the plan's, and exceeds it by less than one target per stratum. 0 bp draws nobody.
 */
import { CREDIT_CLASSES, type CreditClass, type DrawParameters, type StratumSummary, type TargetEntry } from './draw.types.js';

export function sampleSize(population: number, ratioBp: number): number {
  return Math.floor((population * ratioBp + 9999) / 10_000);
}

export function matchesFilter(t: TargetEntry, filter: DrawParameters['targetFilter']): boolean {
  if (filter.districts.length > 0 && !filter.districts.includes(t.district)) return false;
  if (filter.industries.length > 0 && !filter.industries.some((code) => t.industry.startsWith(code))) return false;
  return true;
}

export function effectiveRatioBp(t: TargetEntry, p: DrawParameters): number {
  let bp = p.ratioBp[t.creditClass];
  for (const f of t.flags) bp = Math.max(bp, p.flagRatioBp[f]);
  return bp;
}

export interface Stratum extends StratumSummary {
  /** Positions in the canonical (id-sorted) target roster, ascending. */
  members: Int32Array;
}

const CLASS_ORDER: Record<CreditClass, number> = { A: 0, B: 1, C: 2, D: 3 };
const MAX_BP = 10_000;

/** Strata of the eligible targets of a canonical roster. */
export function buildStrata(sortedTargets: readonly TargetEntry[], p: DrawParameters): Stratum[] {
  // One pass over the roster objects records each target's stratum in a compact array; the member lists are
  // then filled from that array. Typed arrays sized once, and small-integer keys instead of string keys or a
  // Map per target: the million-entry roster is scattered over the heap, so each pass over it is what costs.
  const n = sortedTargets.length;
  const filtered = p.targetFilter.districts.length > 0 || p.targetFilter.industries.length > 0;
  const classRatio = [p.ratioBp.A, p.ratioBp.B, p.ratioBp.C, p.ratioBp.D];
  const slotOfKey = new Int32Array(CREDIT_CLASSES.length * (MAX_BP + 1)).fill(-1);
  const slotOf = new Int32Array(n);
  const found: Array<{ creditClass: CreditClass; ratioBp: number; count: number }> = [];
  for (let pos = 0; pos < n; pos++) {
    const t = sortedTargets[pos];
    if (filtered && !matchesFilter(t, p.targetFilter)) {
      slotOf[pos] = -1;
      continue;
    }
    const ci = CLASS_ORDER[t.creditClass];
    const bp = t.flags.length === 0 ? classRatio[ci] : effectiveRatioBp(t, p);
    const key = ci * (MAX_BP + 1) + bp;
    let slot = slotOfKey[key];
    if (slot < 0) {
      slot = slotOfKey[key] = found.length;
      found.push({ creditClass: t.creditClass, ratioBp: bp, count: 0 });
    }
    found[slot].count++;
    slotOf[pos] = slot;
  }
  const bySlot: Stratum[] = found.map(({ creditClass, ratioBp, count }) => ({
    key: `${creditClass}:${ratioBp}`,
    creditClass,
    ratioBp,
    population: count,
    sampleSize: sampleSize(count, ratioBp),
    members: new Int32Array(count),
  }));
  const filled = new Int32Array(found.length);
  for (let pos = 0; pos < n; pos++) {
    const slot = slotOf[pos];
    if (slot >= 0) bySlot[slot].members[filled[slot]++] = pos;
  }
  return bySlot.sort((a, b) => CLASS_ORDER[a.creditClass] - CLASS_ORDER[b.creditClass] || a.ratioBp - b.ratioBp);
}
