import { execFileSync, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCommitment } from './commitment.js';
import type { DrawTranscript } from './draw.types.js';
import { AFTER, COMMITTED_AT, testInspectors, testParameters, testRandomSource, testTargets } from './draw-test-rosters.js';
import { runDraw } from './run-draw.js';
import { describeVerification, verifyDrawTranscript } from './verify-transcript.js';

function makeTranscript(): DrawTranscript {
  const targets = testTargets(300).map((t, i) => (i % 37 === 0 ? { ...t, flags: ['complaint' as const] } : t));
  const inspectors = testInspectors(5).map((p, i) => (i === 0 ? { ...p, conflicts: [targets[0].id, targets[2].id] } : p));
  const c = createCommitment({
    parameters: testParameters({ jointDepartments: ['HB'], targetFilter: { industries: [], districts: [] } }),
    targets,
    inspectors,
    randomSource: testRandomSource,
    committedAt: COMMITTED_AT,
  });
  const first = runDraw({ ...c, randomValue: { value: '8f1e…drand', enteredAt: AFTER }, now: AFTER });
  const s = first.selection[3];
  return runDraw({
    ...c,
    randomValue: { value: '8f1e…drand', enteredAt: AFTER },
    withdrawals: [{ targetId: s.targetId, inspectorId: s.assignments[1].inspectors[0], reason: '因病 / illness' }],
    now: AFTER,
  });
}

const fresh = (): DrawTranscript => JSON.parse(JSON.stringify(makeTranscript())) as DrawTranscript;

describe('verifyDrawTranscript', () => {
  it('reports a match for an untouched transcript, after a JSON round trip', () => {
    const t = fresh();
    const r = verifyDrawTranscript(t);
    expect(r).toMatchObject({ ok: true, seed: t.seed, selected: t.selection.length, targets: 300 });
    expect(describeVerification(r)).toMatch(/^一致/);
  });

  it('reports the first difference when a selected target is swapped', () => {
    const t = fresh();
    const other = t.rosters.targets.find((x) => !t.selection.some((s) => s.targetId === x.id));
    t.selection[5].targetId = other!.id;
    const r = verifyDrawTranscript(t);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.difference.path).toBe('selection[5].targetId');
      expect(r.difference.actual).toBe(other!.id);
      expect(describeVerification(r)).toContain('selection[5].targetId');
    }
  });

  it('reports a changed inspector assignment', () => {
    const t = fresh();
    t.selection[2].assignments[0].inspectors.reverse();
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('selection[2].assignments[0].inspectors[0]');
  });

  it('reports a dropped withdrawal replacement', () => {
    const t = fresh();
    t.withdrawals = [];
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('selection[3].assignments[1].inspectors[0]');
  });

  it('reports a roster entry changed after the commitment', () => {
    const t = fresh();
    t.rosters.targets[10].creditClass = t.rosters.targets[10].creditClass === 'A' ? 'B' : 'A';
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('commitment.targetRoster.sha256');
  });

  it('reports a different random value as a seed difference', () => {
    const t = fresh();
    t.randomValue.value = 'another value';
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('seed');
  });

  it('reports parameters edited after the commitment as a commitment hash difference', () => {
    const t = fresh();
    t.commitment.parameters.ratioBp.D = 5000;
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('commitmentHash');
  });

  it('reports a random value entered before it was public', () => {
    const t = fresh();
    t.randomValue.enteredAt = COMMITTED_AT;
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe('randomValue.enteredAt');
  });

  it('reports a truncated selection and a non-object', () => {
    const t = fresh();
    const n = t.selection.length;
    t.selection.pop();
    const r = verifyDrawTranscript(t);
    expect(!r.ok && r.difference.path).toBe(`selection[${n - 1}]`);
    expect(verifyDrawTranscript('nope').ok).toBe(false);
    expect(verifyDrawTranscript({ format: 'x' })).toMatchObject({ ok: false, difference: { path: 'format' } });
  });

  const python = spawnSync('python3', ['--version']).status === 0;
  it.skipIf(!python)('agrees with the independent Python re-implementation (draw-reference.py)', () => {
    const t = makeTranscript();
    const script = join(dirname(fileURLToPath(import.meta.url)), 'draw-reference.py');
    const out = JSON.parse(execFileSync('python3', [script], { input: JSON.stringify(t) }).toString()) as Record<string, unknown>;
    expect(out.targetRoster).toBe(t.commitment.targetRoster.sha256);
    expect(out.inspectorRoster).toBe(t.commitment.inspectorRoster.sha256);
    expect(out.seed).toBe(t.seed);
    expect(out.strata).toEqual(t.strata);
    expect(out.selection).toEqual(t.selection);
    expect(t.selection.some((s) => s.assignments.some((a) => a.recused.length > 0))).toBe(true);
    expect(t.selection.some((s) => s.assignments.some((a) => a.withdrawn.length > 0))).toBe(true);
  });
});

describe('transcript files', () => {
  it('round-trips as JSON Lines whose roster lines hash to the committed values, and as plain JSON', async () => {
    const { mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { createHash } = await import('node:crypto');
    const { writeTranscriptFile, verifyDrawTranscriptFile } = await import('./transcript-file.js');
    const dir = mkdtempSync(join(tmpdir(), 'transcript-'));
    const t = makeTranscript();
    const jsonl = join(dir, 'draw.jsonl');
    await writeTranscriptFile(jsonl, t);
    expect(await verifyDrawTranscriptFile(jsonl)).toMatchObject({ ok: true, seed: t.seed });
    const lines = readFileSync(jsonl, 'utf8').split('\n');
    const targetText = lines.slice(1, 1 + t.rosters.targets.length).map((l) => l + '\n').join('');
    expect(createHash('sha256').update(targetText).digest('hex')).toBe(t.commitment.targetRoster.sha256);

    const json = join(dir, 'draw.json');
    writeFileSync(json, JSON.stringify(t, null, 2));
    expect((await verifyDrawTranscriptFile(json)).ok).toBe(true);

    const tampered = [...lines];
    tampered[5] = tampered[5].replace('"creditClass":"', '"creditClass":"X');
    writeFileSync(jsonl, tampered.join('\n'));
    expect(await verifyDrawTranscriptFile(jsonl)).toMatchObject({ ok: false });
    writeFileSync(jsonl, lines.slice(0, 10).join('\n'));
    expect(await verifyDrawTranscriptFile(jsonl)).toMatchObject({ ok: false, difference: { path: expect.stringMatching(/^file line/) } });
  });
});

describe('invalid text in a transcript', () => {
  it('reports a roster string that is not valid Unicode', () => {
    const t = fresh();
    t.rosters.targets[3].name = 'x\ud800';
    expect(verifyDrawTranscript(t)).toMatchObject({ ok: false, difference: { path: 'rosters' } });
  });
});
