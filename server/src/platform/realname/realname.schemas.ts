import { z } from 'zod';

export const ZProviderInfo = z.object({
  id: z.string().describe('local-demo | oidc'),
  label: z.string().describe('shown verbatim; the demo label says it is not a government service'),
  isDemo: z.boolean().describe('true: the UI must warn that this is a demonstration'),
  flow: z.enum(['otp', 'redirect']).describe('otp: form + one-time code; redirect: GET /oidc/start'),
});

export const ZProviderResponse = z.object({ provider: ZProviderInfo });

export const ZLocalStartRequest = z.strictObject({
  name: z.string().min(1).max(100).describe('姓名 name as on the resident ID card'),
  residentId: z.string().min(1).max(32).describe('居民身份证号码, in the body only, never in a URL'),
});
export type TLocalStartRequest = z.infer<typeof ZLocalStartRequest>;

export const ZLocalStartResponse = z.object({
  challengeId: z.string(),
  expiresAt: z.string(),
  residentIdMasked: z.string(),
  codeDelivery: z.literal('server-log').describe('the demo writes the code to the server log; no SMS is sent'),
});

export const ZLocalConfirmRequest = z.strictObject({
  challengeId: z.string().min(1).max(100),
  code: z.string().regex(/^\d{6}$/, '验证码为 6 位数字 the code is 6 digits'),
});
export type TLocalConfirmRequest = z.infer<typeof ZLocalConfirmRequest>;

export const ZVerification = z.object({
  name: z.string(),
  residentIdMasked: z.string().describe('e.g. 1101**********002X'),
  assurance: z.enum(['low', 'substantial', 'high']),
  provider: z.string(),
  isDemo: z.boolean(),
  verifiedAt: z.string(),
});

export const ZVerificationResponse = z.object({ verification: ZVerification.nullable() });
