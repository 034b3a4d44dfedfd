/**
 * The local demo's one-time code: 6 digits, valid 5 minutes, 5 guesses in all
 * (server/src/platform/realname/one-time-code.ts and README "Local demo").
 */
export const OTP_TTL_MS = 5 * 60 * 1000;
export const OTP_MAX_ATTEMPTS = 5;

/**
 * When the code expires, in this browser's clock. The server's `expiresAt` is used as is unless the two clocks
 * clearly disagree (then the code would look expired at once, or valid for longer than any code lives): in
 * that case the deadline is counted from when the answer arrived, which errs on the early side.
 */
export function challengeDeadline(expiresAtIso: string, receivedAtMs: number, ttlMs: number = OTP_TTL_MS): number {
  const server = Date.parse(expiresAtIso);
  const fallback = receivedAtMs + ttlMs;
  if (Number.isNaN(server)) return fallback;
  const remaining = server - receivedAtMs;
  return remaining > 0 && remaining <= ttlMs + 60_000 ? server : fallback;
}

/** 272_000 ms → "4:32"; never negative. Rounds up so "0:00" appears only when the code has expired. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
