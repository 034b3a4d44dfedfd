/**
 * Where one-time-code challenges live. The database repository implements it for the running server (so any
 * process can confirm a code another process issued); `createMemoryChallengeStore` serves unit tests.
 */
export type ChallengePurpose = 'realname' | 'face';

export interface OtpChallenge {
  id: string;
  purpose: ChallengePurpose;
  userId: string;
  name: string;
  residentIdMasked: string;
  residentIdHash: string;
  codeHash: string;
  /** Guesses made so far, the right one included. */
  attempts: number;
  expiresAt: string;
  consumedAt: string | null;
  createdAt: string;
}

export interface OtpChallengeStore {
  insert(challenge: OtpChallenge): Promise<void>;
  find(id: string): Promise<OtpChallenge | undefined>;
  /**
   * Counts one guess, atomically, only while fewer than `max` were made and the challenge is unused. Returns
   * the number of guesses made including this one, or null when none is left. Taking the attempt before
   * comparing the code means concurrent guesses cannot exceed `max`.
   */
  takeAttempt(id: string, max: number): Promise<number | null>;
  /** Marks the challenge used, atomically; false when it already was (a replay or a race lost). */
  markConsumed(id: string, at: string): Promise<boolean>;
}

export function createMemoryChallengeStore(): OtpChallengeStore & { all(): OtpChallenge[] } {
  const rows = new Map<string, OtpChallenge>();
  return {
    async insert(c) {
      rows.set(c.id, { ...c });
    },
    async find(id) {
      const row = rows.get(id);
      return row ? { ...row } : undefined;
    },
    async takeAttempt(id, max) {
      const row = rows.get(id);
      if (!row || row.consumedAt !== null || row.attempts >= max) return null;
      row.attempts += 1;
      return row.attempts;
    },
    async markConsumed(id, at) {
      const row = rows.get(id);
      if (!row || row.consumedAt !== null) return false;
      row.consumedAt = at;
      return true;
    },
    all: () => [...rows.values()].map((r) => ({ ...r })),
  };
}
