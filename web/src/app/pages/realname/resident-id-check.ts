/**
 * The browser's own check of a resident ID number (居民身份证号码, GB 11643-1999) before it is sent: the form
 * (17 digits and a digit or X), a real and past birth date, and the check character (ISO 7064 MOD 11-2).
 * The server checks again (server/src/platform/identity/resident-id.ts); this copy only saves a round trip
 * and keeps a mistyped number from leaving the browser at all.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'format' | 'birth-date' | 'check-char';

/** What people type: spaces between groups, a lower-case x, full-width digits from a Chinese IME. */
export function normalizeResidentIdInput(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

export function withResidentIdCheckChar(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** null when the (normalized) number is valid, otherwise the first thing wrong, in the server's order. */
export function residentIdProblem(id: string, today: Date = new Date()): ResidentIdProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return 'birth-date';
  if (y < 1850 || birth.getTime() > today.getTime()) return 'birth-date';
  if (residentIdCheckChar(id.slice(0, 17)) !== id[17]) return 'check-char';
  return null;
}

/** The field message for each problem, [zh, en]; the server's problem codes are `resident-id-<problem>`. */
export const residentIdProblemText: Record<ResidentIdProblem, readonly [string, string]> = {
  format: ['应为 18 位：17 位数字加 1 位数字或 X', 'Must be 18 characters: 17 digits followed by a digit or X'],
  'birth-date': ['号码中的出生日期无效', 'The birth date in the number is not a real past date'],
  'check-char': ['校验码不正确，请核对号码', 'The check character is wrong; check the number'],
};
