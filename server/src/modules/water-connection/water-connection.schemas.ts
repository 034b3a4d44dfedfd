import { z } from 'zod';
import { quanzhouDistricts } from './districts.js';

const fileId = z.string().min(1).max(100);
const version = z.number().int().min(1).describe('the version you saw (optimistic lock); a stale one answers 409');

export const ZMaterials = z.strictObject({
  businessLicence: fileId.optional(),
  propertyCertificate: fileId.optional(),
  drawings: fileId.optional(),
  authorization: fileId.optional(),
});

export const ZSubmitApplicationRequest = z.strictObject({
  contactName: z.string().trim().min(1).max(50),
  contactPhone: z.string().regex(/^1\d{10}$/, '手机号码应为 11 位 (11-digit mobile number)'),
  siteAddress: z.string().trim().min(4).max(200),
  regionCode: z.enum(Object.keys(quanzhouDistricts) as [string, ...string[]]).describe('区县代码 GB/T 2260, e.g. 350502'),
  waterUse: z.enum(['residential', 'commercial', 'industrial', 'construction']),
  pipeDiameterMm: z.number().int().min(15).max(600).describe('接水管径 DN (mm)'),
  dailyVolumeM3: z.number().int().min(0).max(100_000).describe('预计日用水量 m³'),
  materials: ZMaterials,
});
export type TSubmitApplicationRequest = z.infer<typeof ZSubmitApplicationRequest>;

export const ZAssistedApplicationRequest = ZSubmitApplicationRequest.extend({
  applicantUserId: z.string().min(1).max(100).describe('申请人用户 id (the applicant who signed the authorization)'),
});
export type TAssistedApplicationRequest = z.infer<typeof ZAssistedApplicationRequest>;

export const ZPickSurveySlotRequest = z.strictObject({
  version,
  slotStart: z.iso.datetime({ offset: true }).describe('ISO 8601 start of a 2-hour slot'),
});
export const ZVersionOnly = z.strictObject({ version });
export const ZRecordSurveyRequest = z.strictObject({
  version,
  designFileId: fileId,
  feeEstimateFen: z.number().int().min(0).max(100_000_000_00).describe('费用估算（分） fee estimate in fen'),
  note: z.string().max(500).optional(),
});
export const ZScheduleConstructionRequest = z.strictObject({ version, constructionDate: z.iso.date() });
export const ZCompleteConstructionRequest = z.strictObject({ version, photoFileIds: z.array(fileId).min(1).max(10), note: z.string().max(500).optional() });
export const ZWaterOnRequest = z.strictObject({ version, meterNumber: z.string().trim().regex(/^[A-Z0-9-]{4,30}$/i) });
export const ZRejectRequest = z.strictObject({ version, reason: z.string().trim().min(2).max(500) });
export const ZMessageRequest = z.strictObject({ body: z.string().trim().min(1).max(1000) });
export const ZRatingRequest = z.strictObject({
  level: z.number().int().min(1).max(5).describe('5 非常满意 4 满意 3 基本满意 2 不满意 1 非常不满意'),
  comment: z.string().trim().max(500).optional(),
});
export const ZCloseRectificationRequest = z.strictObject({
  actionTaken: z.string().trim().min(2).max(1000),
  callbackRecord: z.string().trim().min(2).max(1000).describe('回访记录 callback to the rater'),
});
export const ZTrackRequest = z.strictObject({
  number: z.string().trim().regex(/^WS-\d{8}-\d{4,}$/),
  phoneLast4: z.string().regex(/^\d{4}$/),
});
export const ZStepLimitsRequest = z.strictObject({
  limits: z.array(z.strictObject({ step: z.enum(['survey', 'countersign', 'construction', 'water-on']), days: z.number().int().min(0).max(60), unit: z.enum(['working', 'natural']) })).min(1),
});
export const ZIdParam = z.object({ id: z.string().min(1).max(100) });
