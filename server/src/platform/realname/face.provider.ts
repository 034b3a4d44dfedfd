import type { FieldError } from '../http/problem.js';
import { residentIdProblem } from '../identity/resident-id.js';
import { realNameProblem } from './realname.errors.js';
import { normalizePersonName } from './person-name.js';
import { normalizeResidentId, protectResidentId } from './resident-id-hash.js';
import { issueOtpChallenge, redeemOtpChallenge, type OtpChallengeDeps } from './otp-challenge.js';
import { systemClock, type Assurance, type Clock, type ProtectedResidentId, type ProviderInfo, type RealNameLogger } from './realname.types.js';
import type { OtpChallengeStore } from './challenge.store.js';

/**
 * Face verification (人脸识别, `faceVerification`) is an outside provider's job: liveness detection and
 * comparison with the ID photo held by the issuing authority. This is the adapter contract such a provider
 * implements; README.md describes it. Face images are biometric data, sensitive under PIPL Art. 28 and needing
 * separate consent under Art. 29, so the platform never receives or keeps them: only the outcome.
 */
export interface FaceVerificationSubject {
  userId: string;
  name: string;
  /** In clear only for this call, because the provider compares with the authority's photo for this ID. */
  residentId: string;
}

export type FaceSessionStart =
  /** The provider's own page (H5 / app SDK) takes the picture; the browser comes back to `returnUrl`. */
  | { kind: 'redirect'; sessionId: string; url: string }
  /** The local stand-in: no picture, a one-time code from the server log instead. */
  | { kind: 'otp'; sessionId: string; expiresAt: string };

export interface FaceVerificationResult {
  passed: boolean;
  name: string;
  residentId: ProtectedResidentId;
  /** `high` from a real provider (government ID + live face); `low` from the local stand-in. */
  assurance: Assurance;
  providerId: string;
  checkedAt: string;
}

export interface FaceVerificationProvider {
  readonly info: ProviderInfo;
  start(subject: FaceVerificationSubject, options: { returnUrl: string }): Promise<FaceSessionStart>;
  /**
   * The outcome of a session. A real provider must be asked server-to-server (signed API call), never told
   * by the browser; `evidence.code` is only for the local stand-in's one-time code.
   */
  complete(userId: string, sessionId: string, evidence: { code?: string }): Promise<FaceVerificationResult>;
}

export const LOCAL_FACE_STAND_IN_INFO: ProviderInfo = Object.freeze({
  id: 'local-demo-face',
  label: '本地演示：以一次性验证码代替人脸识别，未核验人脸 (Local demo: one-time code instead of face verification — no face is checked)',
  isDemo: true,
  flow: 'otp',
});

/**
 * The embedded default's stand-in. It checks nothing about a face and says so in its label; it always asks
 * for a one-time code written to the server log, so a demo can walk through a signing step that a real
 * deployment guards with face verification.
 */
export class LocalFaceStandIn implements FaceVerificationProvider {
  readonly info = LOCAL_FACE_STAND_IN_INFO;
  private readonly deps: OtpChallengeDeps;

  constructor(opts: { store: OtpChallengeStore; piiKey: Buffer; logger: RealNameLogger; clock?: Clock }) {
    this.deps = { store: opts.store, piiKey: opts.piiKey, logger: opts.logger, clock: opts.clock ?? systemClock };
  }

  async start(subject: FaceVerificationSubject): Promise<FaceSessionStart> {
    const name = normalizePersonName(subject.name);
    const residentId = normalizeResidentId(subject.residentId);
    const problem = residentIdProblem(residentId, this.deps.clock());
    const errors: FieldError[] = [];
    if (!name) errors.push({ path: 'name', code: 'name-format', message: '姓名格式不正确 the name is not valid' });
    if (problem) errors.push({ path: 'residentId', code: `resident-id-${problem}`, message: '居民身份证号码无效 invalid resident ID' });
    if (problem) throw realNameProblem('invalid-resident-id', undefined, undefined, errors);
    if (!name) throw realNameProblem('realname-invalid-name', undefined, undefined, errors);
    const issued = await issueOtpChallenge(this.deps, {
      purpose: 'face',
      userId: subject.userId,
      name,
      residentId: protectResidentId(residentId, this.deps.piiKey),
    });
    return { kind: 'otp', sessionId: issued.challengeId, expiresAt: issued.expiresAt };
  }

  async complete(userId: string, sessionId: string, evidence: { code?: string }): Promise<FaceVerificationResult> {
    const challenge = await redeemOtpChallenge(this.deps, { purpose: 'face', userId, challengeId: sessionId, code: evidence.code ?? '' });
    return {
      passed: true,
      name: challenge.name,
      residentId: { masked: challenge.residentIdMasked, hash: challenge.residentIdHash },
      assurance: 'low',
      providerId: this.info.id,
      checkedAt: challenge.consumedAt ?? this.deps.clock().toISOString(),
    };
  }
}
