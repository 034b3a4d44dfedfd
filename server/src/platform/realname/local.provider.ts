import { residentIdProblem } from '../identity/resident-id.js';
import type { FieldError } from '../http/problem.js';
import { realNameProblem } from './realname.errors.js';
import { normalizePersonName } from './person-name.js';
import { normalizeResidentId, protectResidentId } from './resident-id-hash.js';
import { issueOtpChallenge, redeemOtpChallenge, type IssuedChallenge, type OtpChallengeDeps } from './otp-challenge.js';
import { systemClock, type ProviderInfo, type VerifiedClaims } from './realname.types.js';
import type { OtpChallengeStore } from './challenge.store.js';
import type { RealNameLogger, Clock } from './realname.types.js';

/** The UI shows this label verbatim, so nobody takes the embedded default for the government service. */
export const LOCAL_DEMO_LABEL = '本地演示实名认证 (Local demo real-name verification — not a government service)';

export const LOCAL_DEMO_INFO: ProviderInfo = Object.freeze({
  id: 'local-demo',
  label: LOCAL_DEMO_LABEL,
  isDemo: true,
  flow: 'otp',
});

export interface LocalProviderOptions {
  store: OtpChallengeStore;
  piiKey: Buffer;
  logger: RealNameLogger;
  clock?: Clock;
}

/**
 * The built-in provider of the embedded default. It can only check that the resident ID is well formed (GB
 * 11643-1999 check character and a real, past birth date) and that the person can read a one-time code from
 * the server log; it cannot check the name against the ID. Its results therefore carry assurance `low`,
 * and features that need a real identity (e.g. signing a supply contract) must ask for more.
 */
export class LocalRealNameProvider {
  readonly info = LOCAL_DEMO_INFO;
  private readonly deps: OtpChallengeDeps;

  constructor(opts: LocalProviderOptions) {
    this.deps = { store: opts.store, piiKey: opts.piiKey, logger: opts.logger, clock: opts.clock ?? systemClock };
  }

  async start(userId: string, input: { name: string; residentId: string }): Promise<IssuedChallenge> {
    const name = normalizePersonName(input.name);
    const residentId = normalizeResidentId(input.residentId);
    const problem = residentIdProblem(residentId, this.deps.clock());
    // Both fields are reported at once, so the form can mark every mistake in one round.
    const errors: FieldError[] = [];
    if (!name) errors.push({ path: 'body.name', code: 'name-format', message: NAME_MESSAGE });
    if (problem) errors.push({ path: 'body.residentId', code: `resident-id-${problem}`, message: residentIdMessage[problem] });
    if (problem) throw realNameProblem('invalid-resident-id', undefined, undefined, errors);
    if (!name) throw realNameProblem('realname-invalid-name', undefined, undefined, errors);
    return issueOtpChallenge(this.deps, {
      purpose: 'realname',
      userId,
      name,
      residentId: protectResidentId(residentId, this.deps.piiKey),
    });
  }

  async confirm(userId: string, input: { challengeId: string; code: string }): Promise<VerifiedClaims> {
    const challenge = await redeemOtpChallenge(this.deps, { purpose: 'realname', userId, ...input });
    return {
      name: challenge.name,
      residentId: { masked: challenge.residentIdMasked, hash: challenge.residentIdHash },
      assurance: 'low',
      providerId: this.info.id,
      verifiedAt: challenge.consumedAt ?? this.deps.clock().toISOString(),
    };
  }
}

const NAME_MESSAGE = '姓名应为 2–50 个汉字或字母 the name must be 2–50 Han characters or letters';

const residentIdMessage = {
  format: '应为 17 位数字加 1 位数字或 X must be 17 digits followed by a digit or X',
  'birth-date': '出生日期无效 the birth date is not a real past date',
  'check-char': '校验码不正确 the check character is wrong',
} as const;
