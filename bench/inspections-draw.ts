/**
 * Benchmark: an auditable draw over 1,000,000 targets in 4 credit classes at a 5% sample, then its
 * verification from the published transcript file in a fresh process (as `yingshang draw verify` does).
 * Target (issue #6): each ≤ 2 s and ≤ 500 MB resident memory.
 *
 *   npx tsx bench/inspections-draw.ts [targets=1000000]
 *
 * Reports wall time and CPU time (user + system) per step: on a shared machine the wall time includes waiting
 * for a core, the CPU time does not. Peak RSS is the process's maximum resident set size; "+peak" is how much
 * a step raised it, i.e. the step's own memory on top of what the process already held.
 *
 * The demo generator builds each name and id by string concatenation, which V8 keeps as trees of string pieces
 * (~450 MB for a million targets, more than any real roster loaded from a database or file). The benchmark
 * copies the roster into plain entries (flat ids, names shared from the few generated combinations, one shared
 * empty flag list) before measuring, so the figures are the draw's and not the generator's.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createCommitment, readTranscriptFile, runDraw, verifyDrawTranscript, writeTranscriptFile, type DrawParameters, type TargetEntry } from '../server/src/modules/inspections/index.js';
import { generateInspectors, generateTargets } from '../server/src/seed/inspections-rosters.js';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
/** Peak RSS: VmHWM on Linux (resettable, see resetPeakRss), else the process's maxRSS. */
function peakRss(): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS * 1024;
}

/** Lowers the peak RSS to the current RSS (Linux clear_refs 5), so later peaks exclude the generator's. */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

async function step<T>(label: string, fn: () => T | Promise<T>): Promise<T> {
  const p0 = peakRss();
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const out = await fn();
  const c = process.cpuUsage(c0);
  console.log(
    `${label.padEnd(36)} wall ${(performance.now() - t0).toFixed(0).padStart(6)} ms  cpu ${((c.user + c.system) / 1000).toFixed(0).padStart(6)} ms  rss ${mb(process.memoryUsage().rss).padStart(7)}  peak ${mb(peakRss()).padStart(7)} (+${mb(peakRss() - p0)})`,
  );
  return out;
}

/** A fresh flat copy of a string (on the V8 heap: no malloc'd buffers left behind in the process). */
const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** A plain copy of generated targets: flat id strings, shared names and one shared empty flag list. */
function compactTargets(generated: TargetEntry[]): TargetEntry[] {
  const names = new Map<string, string>();
  const noFlags: TargetEntry['flags'] = [];
  const out: TargetEntry[] = new Array(generated.length);
  for (let i = 0; i < generated.length; i++) {
    const t = generated[i];
    let name = names.get(t.name);
    if (name === undefined) names.set(t.name, (name = flat(t.name)));
    out[i] = {
      id: flat(t.id),
      name,
      industry: t.industry,
      district: t.district,
      creditClass: t.creditClass,
      flags: t.flags.length === 0 ? noFlags : t.flags,
    };
    generated[i] = out[i]; // drop the generated entry as we go, so the two copies never coexist in full
  }
  return out;
}

async function drawPhase(count: number): Promise<void> {
  const targets = await step(`generate ${count} targets`, () => generateTargets(count));
  const compact = compactTargets(targets);
  targets.length = 0;
  gc();
  const reset = resetPeakRss();
  console.log(`roster copied into plain entries: rss ${mb(process.memoryUsage().rss)}, heap ${mb(process.memoryUsage().heapUsed)}; peak RSS ${reset ? 'reset to this' : 'not resettable here'}`);
  return drawFrom(compact);
}

async function drawFrom(targets: TargetEntry[]): Promise<void> {
  const count = targets.length;
  const inspectors = generateInspectors([{ code: 'SJ', qualifications: ['food'] }], 60, targets);
  const classes = { A: 0, B: 0, C: 0, D: 0 };
  for (const t of targets) classes[t.creditClass]++;
  console.log(`credit classes ${JSON.stringify(classes)}; inspectors ${inspectors.length}`);
  const parameters: DrawParameters = {
    planId: 'BENCH-2026-001',
    department: 'SJ',
    jointDepartments: [],
    items: ['SJ.01.01'],
    targetFilter: { industries: [], districts: [] },
    ratioBp: { A: 500, B: 500, C: 500, D: 500 },
    flagRatioBp: { abnormalOperation: 0, complaint: 0, seriousViolation: 0 },
    inspectorsPerTarget: 2,
    requiredQualifications: [],
    matchInspectorDistrict: true,
  };
  const committed = await step('commit (validate, hash rosters)', () =>
    createCommitment({
      parameters,
      targets,
      inspectors,
      randomSource: { kind: 'drand', reference: 'drand quicknet round 20000000', availableAfter: '2026-03-02T02:00:00Z' },
      committedAt: '2026-03-01T08:00:00Z',
    }),
  );
  const transcript = await step('draw (re-hash rosters, seed, select)', () =>
    runDraw({ ...committed, randomValue: { value: '6f9c4a0e8d1b', enteredAt: '2026-03-02T02:00:05Z' }, now: '2026-03-02T02:00:05Z' }),
  );
  console.log(`selected ${transcript.selection.length} targets (${((transcript.selection.length / count) * 100).toFixed(2)}%)`);
  const inMemory = await step('verify (in memory)', () => verifyDrawTranscript(transcript));
  if (!inMemory.ok) throw new Error(`verification failed at ${inMemory.difference.path}`);
  const file = join(mkdtempSync(join(tmpdir(), 'draw-bench-')), 'transcript.jsonl');
  await step('write transcript (JSON Lines)', () => writeTranscriptFile(file, transcript));
  console.log(`draw process peak RSS ${mb(peakRss())}`);

  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--verify', file], { stdio: 'inherit' });
  if (child.status !== 0) throw new Error('verification process failed');
}

async function verifyPhase(file: string): Promise<void> {
  const parsed = await step('read transcript file', () => readTranscriptFile(file));
  const r = await step('verify (from file)', () => verifyDrawTranscript(parsed));
  if (!r.ok) throw new Error(`verification failed at ${r.difference.path}`);
  console.log(`verify process peak RSS ${mb(peakRss())}, heap now ${mb(process.memoryUsage().heapUsed)}`);
}

if (process.argv[2] === '--verify') await verifyPhase(process.argv[3]);
else await drawPhase(Number(process.argv[2] ?? 1_000_000));
