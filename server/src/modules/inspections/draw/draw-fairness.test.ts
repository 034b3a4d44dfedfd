/**
 * Over many random values every target (and every eligible inspector) must be picked with its expected
 * frequency. Pearson's chi-square against the uniform expectation, at p = 0.001; the random values are fixed
 * strings, so the test is deterministic.
 */
import { describe, expect, it } from 'vitest';
import { createCommitment } from './commitment.js';
import type { TargetEntry } from './draw.types.js';
import { AFTER, COMMITTED_AT, testInspectors, testParameters, testRandomSource } from './draw-test-rosters.js';
import { runDraw } from './run-draw.js';

function chiSquare(counts: number[], expected: number): number {
  return counts.reduce((acc, c) => acc + (c - expected) ** 2 / expected, 0);
}

describe('draw fairness', () => {
  const targets: TargetEntry[] = Array.from({ length: 20 }, (_, i) => ({
    id: `F${String(i).padStart(2, '0')}`,
    name: `企业${i}`,
    industry: 'C13',
    district: '350302',
    creditClass: 'C',
    flags: [],
  }));
  const parameters = testParameters({ ratioBp: { A: 0, B: 0, C: 2500, D: 0 } }); // k = ⌈20 × 25%⌉ = 5
  const committed = createCommitment({ parameters, targets, inspectors: testInspectors(6), randomSource: testRandomSource, committedAt: COMMITTED_AT });
  const draws = 2000;
  const targetCounts = new Map(targets.map((t) => [t.id, 0]));
  const inspectorCounts = new Map<string, number>();
  let f00Draws = 0;
  for (let k = 0; k < draws; k++) {
    const t = runDraw({ ...committed, randomValue: { value: `round-${k}`, enteredAt: AFTER }, now: AFTER });
    expect(t.selection).toHaveLength(5);
    for (const s of t.selection) {
      targetCounts.set(s.targetId, (targetCounts.get(s.targetId) ?? 0) + 1);
      if (s.targetId === 'F00') {
        f00Draws++;
        for (const id of s.assignments[0].inspectors) inspectorCounts.set(id, (inspectorCounts.get(id) ?? 0) + 1);
      }
    }
  }

  it('picks every target with frequency k/n (chi-square, 19 df)', () => {
    const counts = [...targetCounts.values()];
    expect(counts.reduce((a, b) => a + b, 0)).toBe(draws * 5);
    expect(chiSquare(counts, (draws * 5) / 20)).toBeLessThan(43.82);
  });

  it('picks every eligible inspector of the district with frequency 2/6 (chi-square, 5 df)', () => {
    // F00 is in district 350302; the SJ department has 6 inspectors there, two serve each visit.
    const counts = [...inspectorCounts.values()];
    expect(inspectorCounts.size).toBe(6);
    expect([...inspectorCounts.keys()].every((id) => id.startsWith('SJ-350302-'))).toBe(true);
    expect(chiSquare(counts, (f00Draws * 2) / 6)).toBeLessThan(20.52);
  });

  it('is not degenerate: a chi-square this small would also flag a constant draw', () => {
    const constant = targets.map((_, i) => (i < 5 ? draws : 0));
    expect(chiSquare(constant, (draws * 5) / 20)).toBeGreaterThan(43.82);
  });
});
