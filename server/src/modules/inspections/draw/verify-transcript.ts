/**
 * Re-run a published draw transcript from its own contents and report a match or the first difference.
 * This is what `yingshang draw verify <file>` calls; it needs nothing but the transcript (rosters included),
 * so anyone can check that the selection follows from the committed rosters, parameters and random value.
 */
import { commitmentHash } from './commitment.js';
import { DrawError } from './draw-errors.js';
import type { DrawCommitment, DrawParameters, DrawTranscript, InspectorEntry, TargetEntry, Withdrawal } from './draw.types.js';
import { normalizeDrawParameters } from './draw-parameters.js';
import { DRAW_VERSION, deriveSeed } from './draw-seed.js';
import { firstDifference, type Difference } from './first-difference.js';
import { hashInspectorRoster, hashTargetRoster, LoneSurrogateError } from './roster-hash.js';
import { validateInspectorRoster, validateTargetRoster } from './roster-validation.js';
import { TRANSCRIPT_FORMAT } from './run-draw.js';
import { computeSelection } from './select.js';

export interface VerificationDifference extends Difference {
  /** What the check was, zh / en. */
  message: string;
}

export type VerificationResult =
  | { ok: true; seed: string; commitmentHash: string; selected: number; targets: number; inspectors: number }
  | { ok: false; difference: VerificationDifference };

function fail(path: string, expected: unknown, actual: unknown, message: string): VerificationResult {
  return { ok: false, difference: { path, expected, actual, message } };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isWithdrawalList(v: unknown): v is Withdrawal[] {
  return Array.isArray(v) && v.every((w) => isObject(w) && typeof w.targetId === 'string' && typeof w.inspectorId === 'string' && typeof w.reason === 'string');
}

export function verifyDrawTranscript(input: unknown): VerificationResult {
  if (!isObject(input)) return fail('', 'object', typeof input, '抄本不是 JSON 对象 / transcript is not a JSON object');
  const t = input as Partial<Record<keyof DrawTranscript, unknown>>;
  if (t.format !== TRANSCRIPT_FORMAT) return fail('format', TRANSCRIPT_FORMAT, t.format, '抄本格式不符 / unknown transcript format');
  if (!isObject(t.commitment)) return fail('commitment', 'object', typeof t.commitment, '缺少承诺 / commitment missing');
  const c = t.commitment as Partial<Record<keyof DrawCommitment, unknown>>;
  if (c.version !== DRAW_VERSION) return fail('commitment.version', DRAW_VERSION, c.version, '抽取算法版本不符 / unsupported draw version');

  let parameters: DrawParameters;
  try {
    parameters = normalizeDrawParameters(c.parameters);
  } catch (e) {
    const first = e instanceof DrawError ? e.errors[0] : undefined;
    return fail(first?.path.replace(/^parameters/, 'commitment.parameters') ?? 'commitment.parameters', 'valid parameters', first?.message ?? String(e), '抽取参数无效 / invalid parameters');
  }
  const paramDiff = firstDifference(parameters, c.parameters, 'commitment.parameters');
  if (paramDiff) return { ok: false, difference: { ...paramDiff, message: '参数未按规范排序 / parameters are not in normalized form' } };

  const rosters = t.rosters;
  if (!isObject(rosters) || !Array.isArray(rosters.targets) || !Array.isArray(rosters.inspectors)) {
    return fail('rosters', '{ targets: [], inspectors: [] }', rosters, '缺少名录库 / rosters missing');
  }
  const targets = rosters.targets as TargetEntry[];
  const inspectors = rosters.inspectors as InspectorEntry[];
  // Duplicates are ruled out below by the strict id order the hash scan checks.
  const rosterErrors = [...validateTargetRoster(targets, { duplicates: false }), ...validateInspectorRoster(inspectors)];
  if (rosterErrors.length > 0) return fail(`rosters.${rosterErrors[0].path}`, 'valid entry', rosterErrors[0].message, '名录条目无效 / invalid roster entry');

  let targetScan;
  let inspectorScan;
  try {
    targetScan = hashTargetRoster(targets);
    inspectorScan = hashInspectorRoster(inspectors);
  } catch (e) {
    if (e instanceof LoneSurrogateError) return fail('rosters', 'valid Unicode', e.value, '名录含无效字符 / roster text is not valid Unicode');
    throw e;
  }
  if (!targetScan.sorted) return fail('rosters.targets', 'sorted by id', 'unsorted', '名录库未按编号排序 / roster not in canonical order');
  if (!inspectorScan.sorted) return fail('rosters.inspectors', 'sorted by id', 'unsorted', '名录库未按编号排序 / roster not in canonical order');
  const targetDigest = { sha256: targetScan.sha256, count: targetScan.count };
  const inspectorDigest = { sha256: inspectorScan.sha256, count: inspectorScan.count };
  const digestDiff =
    firstDifference(targetDigest, c.targetRoster, 'commitment.targetRoster') ??
    firstDifference(inspectorDigest, c.inspectorRoster, 'commitment.inspectorRoster');
  if (digestDiff) return { ok: false, difference: { ...digestDiff, message: '名录库哈希与承诺不符 / roster hash differs from the commitment' } };

  const rs = c.randomSource;
  if (!isObject(rs) || typeof rs.availableAfter !== 'string' || typeof c.committedAt !== 'string') {
    return fail('commitment.randomSource', 'random source', rs, '缺少随机数来源 / random source missing');
  }
  const hash = commitmentHash(c as DrawCommitment);
  if (hash !== t.commitmentHash) return fail('commitmentHash', hash, t.commitmentHash, '承诺哈希不符 / commitment hash differs');
  if (!(Date.parse(rs.availableAfter) > Date.parse(c.committedAt))) {
    return fail('commitment.randomSource.availableAfter', `after ${c.committedAt}`, rs.availableAfter, '随机数须在承诺之后产生 / random value must come after the commitment');
  }

  const rv = t.randomValue;
  if (!isObject(rv) || typeof rv.value !== 'string' || rv.value === '' || typeof rv.enteredAt !== 'string') {
    return fail('randomValue', '{ value, enteredAt }', rv, '缺少随机数 / random value missing');
  }
  if (!(Date.parse(rv.enteredAt) >= Date.parse(rs.availableAfter))) {
    return fail('randomValue.enteredAt', `not before ${rs.availableAfter}`, rv.enteredAt, '随机数录入早于公布时间 / entered before it was public');
  }

  const seed = deriveSeed({
    version: DRAW_VERSION,
    targetRosterSha256: targetDigest.sha256,
    inspectorRosterSha256: inspectorDigest.sha256,
    parameters,
    randomValue: rv.value,
  });
  const seedHex = seed.toString('hex');
  if (seedHex !== t.seed) return fail('seed', seedHex, t.seed, '种子不符 / seed differs');

  if (!isWithdrawalList(t.withdrawals)) return fail('withdrawals', 'array of { targetId, inspectorId, reason }', t.withdrawals, '退出记录无效 / invalid withdrawals');
  let expected;
  try {
    expected = computeSelection(seed, targets, inspectors, parameters, t.withdrawals);
  } catch (e) {
    const first = e instanceof DrawError ? e.errors[0] : undefined;
    return fail(first?.path ?? 'withdrawals', 'a withdrawal of a drawn inspector', first?.message ?? String(e), '退出记录与抽取结果不符 / withdrawal does not match a pick');
  }
  const d = firstDifference(expected.strata, t.strata, 'strata') ?? firstDifference(expected.selection, t.selection, 'selection');
  if (d) return { ok: false, difference: { ...d, message: '重新抽取的结果与抄本不同 / re-running the draw gives a different result' } };

  for (const key of Object.keys(t)) {
    if (!['format', 'commitment', 'commitmentHash', 'randomValue', 'seed', 'rosters', 'withdrawals', 'strata', 'selection'].includes(key)) {
      return fail(key, '(none)', t[key as keyof DrawTranscript], '抄本含未知字段 / unknown field in transcript');
    }
  }
  return { ok: true, seed: seedHex, commitmentHash: hash, selected: expected.selection.length, targets: targets.length, inspectors: inspectors.length };
}

/** Human-readable report for the CLI, zh then en. */
export function describeVerification(r: VerificationResult): string {
  if (r.ok) {
    return [
      '一致：按抄本重新抽取，结果相同。 / MATCH: re-running the transcript gives the same selection.',
      `commitment ${r.commitmentHash}`,
      `seed       ${r.seed}`,
      `targets ${r.targets}, inspectors ${r.inspectors}, selected ${r.selected}`,
    ].join('\n');
  }
  const d = r.difference;
  return [
    `不一致 / MISMATCH at ${d.path || '(root)'}: ${d.message}`,
    `  expected: ${JSON.stringify(d.expected)}`,
    `  found:    ${JSON.stringify(d.actual)}`,
  ].join('\n');
}
