/**
 * Step 2 of a draw: once the committed public random value is known, derive the seed and pick. The rosters
 * must be the committed ones (their hashes are re-checked), and the result is a transcript anyone can re-run
 * with verifyDrawTranscript.
 */
import { DrawError, invalidDrawInput, randomValueNotAvailable } from './draw-errors.js';
import type { DrawCommitment, DrawTranscript, InspectorEntry, RandomValue, TargetEntry, Withdrawal } from './draw.types.js';
import { commitmentHash } from './commitment.js';
import { deriveSeed } from './draw-seed.js';
import { digestInspectorRoster, digestTargetRoster, LoneSurrogateError } from './roster-hash.js';
import { computeSelection } from './select.js';

export const TRANSCRIPT_FORMAT = 'yingshang-draw-transcript/1';

export interface RunDrawInput {
  commitment: DrawCommitment;
  targets: readonly TargetEntry[];
  inspectors: readonly InspectorEntry[];
  /** Undefined while the public value has not been entered. */
  randomValue: RandomValue | undefined;
  withdrawals?: readonly Withdrawal[];
  /** The current time, ISO UTC (passed in so the rule is testable). */
  now: string;
}

export function runDraw(input: RunDrawInput): DrawTranscript {
  const { commitment } = input;
  const availableAfter = Date.parse(commitment.randomSource.availableAfter);
  if (!input.randomValue || input.randomValue.value === '') {
    throw randomValueNotAvailable(`${commitment.randomSource.reference} 尚未录入 / not entered`);
  }
  if (Date.parse(input.now) < availableAfter) {
    throw randomValueNotAvailable(`${commitment.randomSource.reference} 将于 ${commitment.randomSource.availableAfter} 后公布 / not public before then`);
  }
  if (Number.isNaN(Date.parse(input.randomValue.enteredAt)) || Date.parse(input.randomValue.enteredAt) < availableAfter) {
    throw invalidDrawInput([{ path: 'randomValue.enteredAt', code: 'entered-before-available', message: '随机数录入时间早于其公布时间 / entered before it was public' }]);
  }

  // One pass each: hash, and sort only if the rosters were not handed over in canonical order.
  let digests;
  try {
    digests = { t: digestTargetRoster(input.targets), i: digestInspectorRoster(input.inspectors) };
  } catch (e) {
    if (e instanceof LoneSurrogateError) throw new DrawError(409, 'roster-changed', e.message);
    throw e;
  }
  const { roster: targets, digest: targetDigest } = digests.t;
  const { roster: inspectors, digest: inspectorDigest } = digests.i;
  if (targetDigest.sha256 !== commitment.targetRoster.sha256 || inspectorDigest.sha256 !== commitment.inspectorRoster.sha256) {
    // The rosters are frozen by the commitment; drawing from changed ones would defeat it.
    throw new DrawError(409, 'roster-changed', '名录库与承诺时公布的哈希不一致 / rosters differ from the committed hashes');
  }

  const seed = deriveSeed({
    version: commitment.version,
    targetRosterSha256: targetDigest.sha256,
    inspectorRosterSha256: inspectorDigest.sha256,
    parameters: commitment.parameters,
    randomValue: input.randomValue.value,
  });
  const withdrawals = [...(input.withdrawals ?? [])];
  const { strata, selection } = computeSelection(seed, targets, inspectors, commitment.parameters, withdrawals);
  return {
    format: TRANSCRIPT_FORMAT,
    commitment,
    commitmentHash: commitmentHash(commitment),
    randomValue: { value: input.randomValue.value, enteredAt: input.randomValue.enteredAt },
    seed: seed.toString('hex'),
    rosters: { targets: [...targets], inspectors: [...inspectors] },
    withdrawals,
    strata,
    selection,
  };
}
