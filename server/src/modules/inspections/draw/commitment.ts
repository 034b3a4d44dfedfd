/**
 * Step 1 of a draw: the plan publishes its commitment — the SHA-256 of each sorted roster, the parameters and
 * the future public random value it will use (DOMAIN.md "inspections", in the spirit of RFC 3797). The
 * commitment hash is the SHA-256 of its RFC 8785 JSON.
 */
import canonicalize from 'canonicalize';
import { sha256Hex } from './canonical-bytes.js';
import { invalidDrawInput, type DrawFieldError } from './draw-errors.js';
import type { DrawCommitment, InspectorEntry, RandomSource, TargetEntry } from './draw.types.js';
import { normalizeDrawParameters } from './draw-parameters.js';
import { DRAW_VERSION } from './draw-seed.js';
import { InspectorPools } from './inspector-pools.js';
import { hashInspectorRoster, hashTargetRoster, LoneSurrogateError, sortRoster, type RosterScan } from './roster-hash.js';
import { validateInspectorRoster, validateTargetRoster } from './roster-validation.js';

const digestOf = (s: RosterScan) => ({ sha256: s.sha256, count: s.count });

export function commitmentHash(c: DrawCommitment): string {
  const json = canonicalize(c);
  if (json === undefined) throw new TypeError('commitment cannot be serialized');
  return sha256Hex(json);
}

function isIsoUtc(s: unknown): s is string {
  return typeof s === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(s) && !Number.isNaN(Date.parse(s));
}

function validateRandomSource(rs: RandomSource, committedAt: string): DrawFieldError[] {
  const errors: DrawFieldError[] = [];
  if (!['drand', 'lottery', 'other'].includes(rs.kind)) errors.push({ path: 'randomSource.kind', code: 'invalid', message: '随机数来源类型无效 / unknown kind' });
  if (typeof rs.reference !== 'string' || rs.reference.trim() === '') errors.push({ path: 'randomSource.reference', code: 'required', message: '须写明所用随机数 / reference required' });
  if (!isIsoUtc(rs.availableAfter)) errors.push({ path: 'randomSource.availableAfter', code: 'invalid-time', message: '须为 ISO UTC 时间 / must be an ISO UTC time' });
  if (!isIsoUtc(committedAt)) errors.push({ path: 'committedAt', code: 'invalid-time', message: '须为 ISO UTC 时间 / must be an ISO UTC time' });
  if (errors.length === 0 && Date.parse(rs.availableAfter) <= Date.parse(committedAt)) {
    // The value must still be unknown when the plan commits, or the planner could pick a favourable one.
    errors.push({ path: 'randomSource.availableAfter', code: 'random-value-not-future', message: '随机数须在承诺公布之后产生 / must become public after the commitment' });
  }
  return errors;
}

export interface CommitInput {
  parameters: unknown;
  targets: readonly TargetEntry[];
  inspectors: readonly InspectorEntry[];
  randomSource: RandomSource;
  committedAt: string;
}

export interface CommitResult {
  commitment: DrawCommitment;
  commitmentHash: string;
  /** The rosters in canonical order, to store and publish with the commitment. */
  targets: readonly TargetEntry[];
  inspectors: readonly InspectorEntry[];
}

export function createCommitment(input: CommitInput): CommitResult {
  const parameters = normalizeDrawParameters(input.parameters);
  const targets = sortRoster(input.targets);
  const inspectors = sortRoster(input.inspectors);
  const errors = [
    ...validateRandomSource(input.randomSource, input.committedAt),
    ...validateTargetRoster(targets),
    ...validateInspectorRoster(inspectors),
  ];
  if (errors.length === 0) errors.push(...new InspectorPools(inspectors, parameters).coverageGaps(targets));
  if (errors.length > 0) throw invalidDrawInput(errors);

  let targetScan: RosterScan;
  let inspectorScan: RosterScan;
  try {
    targetScan = hashTargetRoster(targets);
    inspectorScan = hashInspectorRoster(inspectors);
  } catch (e) {
    if (e instanceof LoneSurrogateError) throw invalidDrawInput([{ path: 'rosters', code: 'lone-surrogate', message: e.message }]);
    throw e;
  }
  const commitment: DrawCommitment = {
    version: DRAW_VERSION,
    parameters,
    targetRoster: digestOf(targetScan),
    inspectorRoster: digestOf(inspectorScan),
    randomSource: { kind: input.randomSource.kind, reference: input.randomSource.reference, availableAfter: input.randomSource.availableAfter },
    committedAt: input.committedAt,
  };
  return { commitment, commitmentHash: commitmentHash(commitment), targets, inspectors };
}
