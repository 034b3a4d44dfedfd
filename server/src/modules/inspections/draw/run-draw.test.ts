import { describe, expect, it } from 'vitest';
import { createCommitment } from './commitment.js';
import { DrawError } from './draw-errors.js';
import type { DrawParameters, InspectorEntry, TargetEntry, Withdrawal } from './draw.types.js';
import { AFTER, COMMITTED_AT, testInspectors, testParameters, testRandomSource, testTargets } from './draw-test-rosters.js';
import { runDraw } from './run-draw.js';
import { sampleSize } from './sampling.js';

function draw(opts: { targets?: TargetEntry[]; inspectors?: InspectorEntry[]; parameters?: DrawParameters; value?: string; withdrawals?: Withdrawal[] } = {}) {
  const c = createCommitment({
    parameters: opts.parameters ?? testParameters(),
    targets: opts.targets ?? testTargets(400),
    inspectors: opts.inspectors ?? testInspectors(),
    randomSource: testRandomSource,
    committedAt: COMMITTED_AT,
  });
  const transcript = runDraw({
    commitment: c.commitment,
    targets: c.targets,
    inspectors: c.inspectors,
    randomValue: { value: opts.value ?? 'a1b2c3', enteredAt: AFTER },
    withdrawals: opts.withdrawals,
    now: AFTER,
  });
  return { c, transcript };
}

const selectedIds = (t: ReturnType<typeof draw>['transcript']) => t.selection.map((s) => s.targetId);

describe('runDraw', () => {
  it('gives the same selection for the same inputs, whatever the roster order', () => {
    const a = draw();
    const b = draw({ targets: testTargets(400).reverse(), inspectors: testInspectors().reverse() });
    expect(b.c.commitment.targetRoster.sha256).toBe(a.c.commitment.targetRoster.sha256);
    expect(b.transcript.seed).toBe(a.transcript.seed);
    expect(b.transcript.selection).toEqual(a.transcript.selection);
    expect(a.transcript.selection.length).toBeGreaterThan(0);
  });

  it('changes the roster hash and the selection when one roster entry changes', () => {
    const a = draw();
    const targets = testTargets(400);
    targets[17] = { ...targets[17], name: targets[17].name + '（变更）' };
    const b = draw({ targets });
    expect(b.c.commitment.targetRoster.sha256).not.toBe(a.c.commitment.targetRoster.sha256);
    expect(b.transcript.seed).not.toBe(a.transcript.seed);
    expect(selectedIds(b.transcript)).not.toEqual(selectedIds(a.transcript));
  });

  it('changes the selection with the random value', () => {
    expect(selectedIds(draw({ value: 'x' }).transcript)).not.toEqual(selectedIds(draw({ value: 'y' }).transcript));
  });

  it('draws ⌈n × ratio⌉ targets in each credit class', () => {
    const { transcript } = draw({ targets: testTargets(1000) });
    const p = testParameters();
    for (const cls of ['A', 'B', 'C', 'D'] as const) {
      const n = 250; // testTargets spreads the classes evenly
      const picked = transcript.selection.filter((s) => s.stratum.startsWith(cls + ':')).length;
      expect(picked).toBe(sampleSize(n, p.ratioBp[cls]));
      expect(picked * 10_000).toBeGreaterThanOrEqual(n * p.ratioBp[cls]);
    }
    expect(transcript.strata.map((s) => [s.key, s.population, s.sampleSize])).toEqual([
      ['A:100', 250, 3],
      ['B:200', 250, 5],
      ['C:1000', 250, 25],
      ['D:3000', 250, 75],
    ]);
  });

  it('raises the ratio for flagged targets', () => {
    const targets = testTargets(400).map((t, i) => (i < 8 ? { ...t, creditClass: 'A' as const, flags: ['seriousViolation' as const] } : t));
    const { transcript } = draw({ targets });
    const flagged = transcript.selection.filter((s) => s.stratum === 'A:10000');
    expect(flagged.map((s) => s.targetId).sort()).toEqual(targets.slice(0, 8).map((t) => t.id));
  });

  it('applies the target filter', () => {
    const { transcript, c } = draw({ parameters: testParameters({ targetFilter: { industries: ['H'], districts: ['350303'] } }) });
    const byId = new Map(c.targets.map((t) => [t.id, t]));
    expect(transcript.selection.length).toBeGreaterThan(0);
    for (const s of transcript.selection) {
      expect(byId.get(s.targetId)?.industry.startsWith('H')).toBe(true);
      expect(byId.get(s.targetId)?.district).toBe('350303');
    }
  });

  it('assigns at least two distinct qualified inspectors of the target district', () => {
    const { transcript, c } = draw({ parameters: testParameters({ requiredQualifications: ['food'] }) });
    const targets = new Map(c.targets.map((t) => [t.id, t]));
    const inspectors = new Map(c.inspectors.map((i) => [i.id, i]));
    for (const s of transcript.selection) {
      const [a] = s.assignments;
      expect(a.inspectors).toHaveLength(2);
      expect(new Set(a.inspectors).size).toBe(2);
      for (const id of a.inspectors) {
        expect(inspectors.get(id)?.district).toBe(targets.get(s.targetId)?.district);
        expect(inspectors.get(id)?.qualifications).toContain('food');
      }
    }
  });

  it('excludes conflicted inspectors before the draw (recusal)', () => {
    const base = draw();
    const first = base.transcript.selection[0];
    const conflicted = first.assignments[0].inspectors[0];
    const inspectors = testInspectors().map((i) => (i.id === conflicted ? { ...i, conflicts: [first.targetId] } : i));
    const { transcript } = draw({ inspectors });
    const again = transcript.selection.find((s) => s.targetId === first.targetId);
    // The declared conflict changes the roster hash, hence the seed; the target may or may not be drawn again.
    for (const s of transcript.selection.filter((x) => x.targetId === first.targetId)) {
      expect(s.assignments[0].inspectors).not.toContain(conflicted);
      expect(s.assignments[0].recused).toEqual([conflicted]);
    }
    // Whatever the seed, across all drawn targets the conflicted inspector never serves the conflicted target.
    const every = transcript.selection.flatMap((s) => s.assignments.flatMap((a) => a.inspectors.map((i) => `${s.targetId}/${i}`)));
    expect(every).not.toContain(`${first.targetId}/${conflicted}`);
    expect(again === undefined || again.assignments[0].recused.length === 1).toBe(true);
  });

  it('recuses over many seeds: a conflicted inspector is never assigned to that target', () => {
    const targets = testTargets(8);
    const inspectors = testInspectors(3).map((i) => (i.id === 'SJ-350302-0' ? { ...i, conflicts: ['T000000', 'T000002'] } : i));
    const params = testParameters({ ratioBp: { A: 10_000, B: 10_000, C: 10_000, D: 10_000 } });
    let recusedSeen = 0;
    for (let k = 0; k < 50; k++) {
      const { transcript } = draw({ targets, inspectors, parameters: params, value: `v${k}` });
      for (const s of transcript.selection.filter((x) => x.targetId === 'T000000' || x.targetId === 'T000002')) {
        expect(s.assignments[0].inspectors).not.toContain('SJ-350302-0');
        recusedSeen += s.assignments[0].recused.length;
      }
    }
    expect(recusedSeen).toBe(100);
  });

  it('replaces a withdrawal with the next pick', () => {
    const base = draw();
    const s0 = base.transcript.selection[0];
    const [first, second] = s0.assignments[0].inspectors;
    const { transcript } = draw({ withdrawals: [{ targetId: s0.targetId, inspectorId: first, reason: '亲属关系 / relative' }] });
    const s1 = transcript.selection[0];
    expect(s1.targetId).toBe(s0.targetId);
    expect(s1.assignments[0].inspectors[0]).toBe(second);
    expect(s1.assignments[0].inspectors).toHaveLength(2);
    expect(s1.assignments[0].inspectors).not.toContain(first);
    expect(s1.assignments[0].withdrawn).toEqual([{ inspectorId: first, reason: '亲属关系 / relative' }]);
    // Everything else is unchanged: withdrawals are not part of the seed.
    expect(transcript.selection.slice(1)).toEqual(base.transcript.selection.slice(1));
  });

  it('refuses a withdrawal of an inspector who was not drawn for that target', () => {
    expect(() => draw({ withdrawals: [{ targetId: 'T000001', inspectorId: 'nobody', reason: 'x' }] })).toThrow(/withdrawal/);
  });

  it('staffs joint departments with their own inspectors', () => {
    const { transcript, c } = draw({ parameters: testParameters({ jointDepartments: ['HB'] }) });
    const dept = new Map(c.inspectors.map((i) => [i.id, i.department]));
    for (const s of transcript.selection) {
      expect(s.assignments.map((a) => a.department)).toEqual(['SJ', 'HB']);
      expect(s.assignments[1].inspectors.map((i) => dept.get(i))).toEqual(['HB', 'HB']);
    }
  });

  it('refuses to draw before the random value is known (409)', () => {
    const c = createCommitment({ parameters: testParameters(), targets: testTargets(10), inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT });
    const run = (randomValue: { value: string; enteredAt: string } | undefined, now: string) => () =>
      runDraw({ commitment: c.commitment, targets: c.targets, inspectors: c.inspectors, randomValue, now });
    for (const attempt of [run(undefined, AFTER), run({ value: 'abc', enteredAt: AFTER }, '2026-03-02T01:59:59Z')]) {
      try {
        attempt();
        expect.unreachable('draw should fail');
      } catch (e) {
        expect(e).toBeInstanceOf(DrawError);
        expect((e as DrawError).status).toBe(409);
        expect((e as DrawError).code).toBe('random-value-not-available');
      }
    }
  });

  it('refuses a random source that is already public at commitment time', () => {
    expect(() =>
      createCommitment({ parameters: testParameters(), targets: testTargets(10), inspectors: testInspectors(), randomSource: { ...testRandomSource, availableAfter: COMMITTED_AT }, committedAt: COMMITTED_AT }),
    ).toThrow(/random-value-not-future|after the commitment|invalid draw input/);
  });

  it('refuses rosters that differ from the committed ones (409)', () => {
    const c = createCommitment({ parameters: testParameters(), targets: testTargets(10), inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT });
    const changed = testTargets(11);
    expect(() => runDraw({ commitment: c.commitment, targets: changed, inspectors: c.inspectors, randomValue: { value: 'a', enteredAt: AFTER }, now: AFTER })).toThrow(
      expect.objectContaining({ status: 409, code: 'roster-changed' }),
    );
  });

  it('refuses a plan whose targets cannot be staffed with two inspectors', () => {
    expect(() => createCommitment({ parameters: testParameters(), targets: testTargets(10), inspectors: testInspectors(1), randomSource: testRandomSource, committedAt: COMMITTED_AT })).toThrow(
      expect.objectContaining({ status: 422, errors: expect.arrayContaining([expect.objectContaining({ code: 'insufficient-inspectors' })]) }),
    );
  });

  it('refuses a sampling ratio outside 0–100% (422) and fewer than two inspectors', () => {
    for (const parameters of [
      testParameters({ ratioBp: { A: 100, B: 200, C: 10_001, D: 3000 } }),
      testParameters({ flagRatioBp: { abnormalOperation: -1, complaint: 0, seriousViolation: 0 } }),
    ]) {
      expect(() => createCommitment({ parameters, targets: testTargets(10), inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT })).toThrow(
        expect.objectContaining({ status: 422, errors: expect.arrayContaining([expect.objectContaining({ code: 'ratio-out-of-range' })]) }),
      );
    }
    expect(() => createCommitment({ parameters: testParameters({ inspectorsPerTarget: 1 }), targets: testTargets(10), inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT })).toThrow(
      expect.objectContaining({ status: 422 }),
    );
  });

  it('refuses duplicate roster ids', () => {
    const targets = testTargets(5);
    targets.push({ ...targets[2] });
    expect(() => createCommitment({ parameters: testParameters(), targets, inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT })).toThrow(
      expect.objectContaining({ errors: expect.arrayContaining([expect.objectContaining({ code: 'duplicate-id' })]) }),
    );
  });
});

describe('roster text', () => {
  it('refuses a roster string without a UTF-8 form (lone surrogate) with 422', () => {
    const targets = testTargets(10);
    targets[4] = { ...targets[4], name: '坏\udc00' };
    expect(() => createCommitment({ parameters: testParameters(), targets, inspectors: testInspectors(), randomSource: testRandomSource, committedAt: COMMITTED_AT })).toThrow(
      expect.objectContaining({ status: 422, errors: [expect.objectContaining({ code: 'lone-surrogate' })] }),
    );
  });
});
