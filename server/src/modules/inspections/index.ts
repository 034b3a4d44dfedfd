/**
 * inspections (莆田 自己管 网上查): the public checklist tree, enterprise self-checks, and the auditable
 * double-random draw (双随机、一公开). The only import surface for other modules and the CLI.
 */
export type {
  CreditClass,
  DepartmentAssignment,
  DrawCommitment,
  DrawParameters,
  DrawTranscript,
  InspectorEntry,
  RandomSource,
  RandomValue,
  SelectedTarget,
  StratumSummary,
  TargetEntry,
  TargetFilter,
  TargetFlag,
  Withdrawal,
} from './draw/draw.types.js';
export { CREDIT_CLASSES, TARGET_FLAGS } from './draw/draw.types.js';
export { DrawError } from './draw/draw-errors.js';
export { createCommitment, commitmentHash, type CommitInput, type CommitResult } from './draw/commitment.js';
export { runDraw, TRANSCRIPT_FORMAT, type RunDrawInput } from './draw/run-draw.js';
export { verifyDrawTranscript, describeVerification, type VerificationResult } from './draw/verify-transcript.js';
export { hashTargetRoster, hashInspectorRoster, sortRoster, serializeTargetRoster, serializeInspectorRoster } from './draw/roster-hash.js';
export { DRAW_VERSION } from './draw/draw-seed.js';
