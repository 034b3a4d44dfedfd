import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** The local demo's one-time code: 6 digits, valid 5 minutes, 5 guesses (the task's rule, usual for SMS codes). */
export const OTP_DIGITS = 6;
export const OTP_TTL_MS = 5 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;

/** Uniform over 000000–999999 (crypto.randomInt has no modulo bias). */
export function generateOneTimeCode(): string {
  return randomInt(0, 10 ** OTP_DIGITS).toString().padStart(OTP_DIGITS, '0');
}

/**
 * Only a keyed hash of the code is stored: with a million possible codes a plain hash read from a database
 * copy would give the code away at once. The challenge id is bound in so a hash cannot be moved to another row.
 */
export function hashOneTimeCode(challengeId: string, code: string, key: Buffer): string {
  return createHmac('sha256', key).update(`realname-otp\u0000${challengeId}\u0000${code}`, 'utf8').digest('hex');
}

export function oneTimeCodeMatches(challengeId: string, code: string, storedHash: string, key: Buffer): boolean {
  const given = Buffer.from(hashOneTimeCode(challengeId, code, key), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
