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
export { writeTranscriptFile, readTranscriptFile, verifyDrawTranscriptFile, TranscriptFileError } from './draw/transcript-file.js';

export type {
  ChecklistCategory,
  ChecklistCounts,
  ChecklistDepartment,
  ChecklistImportError,
  ChecklistItem,
  ChecklistLevel,
  ChecklistRow,
  ChecklistVersion,
  CheckPoint,
} from './checklist/checklist.types.js';
export { CHECKLIST_LEVELS, LEVEL_LABELS } from './checklist/checklist.types.js';
export { buildChecklistTree, flattenChecklistTree, countChecklist } from './checklist/checklist-tree.js';
export { versionInEffect, diffChecklists } from './checklist/checklist-versions.js';
export { exportChecklistXlsx, importChecklistXlsx } from './checklist/checklist-xlsx.js';
export { exportChecklistJson, importChecklistJson } from './checklist/checklist-json.js';
export { ChecklistSearchIndex, type SearchHit, type SearchOptions, type SearchResult } from './checklist/checklist-search.js';
export { evaluateSelfCheck, SelfCheckError, type SelfCheckAnswer, type SelfCheckInput, type SelfCheckReport } from './self-check/self-check.js';

export { inspectionsRoutes } from './inspections.routes.js';
export { inspectionRoles, INSPECTIONS_MODULE } from './inspections.policy.js';
export { publishChecklistVersion } from './checklist/checklist.service.js';
export { importTargets, importInspectors } from './rosters/roster.service.js';
