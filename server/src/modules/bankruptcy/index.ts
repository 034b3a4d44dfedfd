/**
 * bankruptcy (厦门 易破) — the module's only import surface. Register `bankruptcyRoutes` under
 * `/api/v1/bankruptcy`. Rules are pure functions, usable by other modules and tools.
 */
import './bankruptcy.policy.js';

export { bankruptcyRoutes } from './bankruptcy.routes.js';
export { bankruptcyRoles, BANKRUPTCY_MODULE } from './bankruptcy.policy.js';
export { tallyResolution } from './resolution-tally.js';
export { tallyReorganizationPlan } from './reorganization-tally.js';
export { nextStepAfter, applyReorganizationRevote } from './vote-sequel.js';
export { computeDistributionPlan } from './distribution-plan.js';
export { allocateProRata } from './pro-rata.js';
export { caseDeadlines, checkClaimPeriodEnd, checkMeetingNotice, checkFirstMeetingDate } from './statutory-deadlines.js';
export { formatCaseNumber, parseCaseNumber } from './case-number.js';
export { administratorFeeCapFen } from './administrator-fee.js';
export type { ResolutionKind, VoteOutcome, RollEntry, Ballot } from './voting.types.js';
export type { DistributionInput, DistributionPlan } from './distribution.types.js';
