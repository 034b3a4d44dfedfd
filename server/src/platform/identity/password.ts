import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane).
const OPTIONS = { algorithm: 2 /* Algorithm.Argon2id (an ambient const enum) */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** At least 8 characters with letters and digits: a floor for government accounts, not a strength meter. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位 (at least 8 characters)';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须包含字母和数字 (letters and digits)';
  return null;
}
