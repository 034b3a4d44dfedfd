import { newId } from '../ids/index.js';
import { realNameProblem } from './realname.errors.js';
import { generateOneTimeCode, hashOneTimeCode, oneTimeCodeMatches, OTP_MAX_ATTEMPTS, OTP_TTL_MS } from './one-time-code.js';
import type { ChallengePurpose, OtpChallenge, OtpChallengeStore } from './challenge.store.js';
import type { Clock, ProtectedResidentId, RealNameLogger } from './realname.types.js';

export interface OtpChallengeDeps {
  store: OtpChallengeStore;
  /** config.piiKey: keys the code hash. */
  piiKey: Buffer;
  logger: RealNameLogger;
  clock: Clock;
}

export interface IssuedChallenge {
  challengeId: string;
  expiresAt: string;
  residentIdMasked: string;
}

const purposeText: Record<ChallengePurpose, string> = {
  realname: '本地演示实名认证 local demo real-name verification',
  face: '本地演示人脸识别替代 local demo stand-in for face verification',
};

/**
 * Issues a one-time code and writes it to the server log: the demo has no SMS gateway, and saying so in the
 * log line keeps anyone from mistaking it for one. The log carries the masked ID only.
 */
export async function issueOtpChallenge(
  deps: OtpChallengeDeps,
  input: { purpose: ChallengePurpose; userId: string; name: string; residentId: ProtectedResidentId },
): Promise<IssuedChallenge> {
  const now = deps.clock();
  const id = newId('rnc');
  const code = generateOneTimeCode();
  const expiresAt = new Date(now.getTime() + OTP_TTL_MS).toISOString();
  await deps.store.insert({
    id,
    purpose: input.purpose,
    userId: input.userId,
    name: input.name,
    residentIdMasked: input.residentId.masked,
    residentIdHash: input.residentId.hash,
    codeHash: hashOneTimeCode(id, code, deps.piiKey),
    attempts: 0,
    expiresAt,
    consumedAt: null,
    createdAt: now.toISOString(),
  });
  deps.logger.info(
    { challengeId: id, userId: input.userId, residentIdMasked: input.residentId.masked, expiresAt },
    `${purposeText[input.purpose]}: 一次性验证码 one-time code ${code} (演示用，未发送短信 demo only, no SMS sent)`,
  );
  return { challengeId: id, expiresAt, residentIdMasked: input.residentId.masked };
}

/**
 * Checks a code. Refuses a challenge that belongs to someone else exactly as one that does not exist, so ids
 * cannot be probed. Every guess, right or wrong, uses one of the 5 attempts.
 */
export async function redeemOtpChallenge(
  deps: OtpChallengeDeps,
  input: { purpose: ChallengePurpose; userId: string; challengeId: string; code: string },
): Promise<OtpChallenge> {
  const challenge = await deps.store.find(input.challengeId);
  if (!challenge || challenge.userId !== input.userId || challenge.purpose !== input.purpose) {
    throw realNameProblem('realname-challenge-not-found');
  }
  if (challenge.consumedAt !== null) throw realNameProblem('realname-challenge-used');
  const now = deps.clock();
  if (now.getTime() >= Date.parse(challenge.expiresAt)) throw realNameProblem('realname-challenge-expired');
  const used = await deps.store.takeAttempt(challenge.id, OTP_MAX_ATTEMPTS);
  if (used === null) {
    // takeAttempt also refuses a challenge consumed since we read it.
    const again = await deps.store.find(challenge.id);
    if (again?.consumedAt) throw realNameProblem('realname-challenge-used');
    throw realNameProblem('realname-attempts-exhausted');
  }
  if (!oneTimeCodeMatches(challenge.id, input.code, challenge.codeHash, deps.piiKey)) {
    const attemptsLeft = OTP_MAX_ATTEMPTS - used;
    deps.logger.warn({ challengeId: challenge.id, userId: input.userId, attemptsLeft }, 'realname one-time code mismatch');
    if (attemptsLeft === 0) throw realNameProblem('realname-attempts-exhausted', undefined, { attemptsLeft });
    throw realNameProblem('realname-code-mismatch', undefined, { attemptsLeft });
  }
  if (!(await deps.store.markConsumed(challenge.id, now.toISOString()))) throw realNameProblem('realname-challenge-used');
  return { ...challenge, attempts: used, consumedAt: now.toISOString() };
}
