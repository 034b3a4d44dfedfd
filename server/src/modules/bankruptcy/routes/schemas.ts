import { z } from 'zod';

/** Money in whole fen. Accepts numbers and digit strings; the service answers 422 for zero, negatives and fractions. */
export const ZFen = z.union([z.number(), z.string().max(30)]).describe('金额（分，整数）amount in fen');
export const ZDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD (Asia/Shanghai)');
export const ZInstant = z.string().datetime({ offset: true }).describe('ISO 8601 instant');
export const ZId = z.object({ id: z.string().min(1).max(100) });
export const ZPage = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
export const ZVersion = z.number().int().min(1);
export const ZProcedure = z.enum(['liquidation', 'reorganization', 'settlement']);
export const ZResolutionKind = z.enum(['ordinary', 'assetManagementPlan', 'realizationPlan', 'distributionPlan', 'settlementAgreement', 'reorganizationPlan']);
export const ZVotingGroup = z.enum(['secured', 'employee', 'tax', 'ordinary', 'smallClaims', 'shareholder']);
export const ZChoice = z.enum(['for', 'against', 'abstain']);
export const tags = ['bankruptcy'];
