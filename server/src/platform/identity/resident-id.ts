/**
 * Resident identity number (居民身份证号码), GB 11643-1999: 6-digit address code, 8-digit birth date,
 * 3-digit sequence (odd = male), check character by ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export type ResidentIdProblem = 'format' | 'birth-date' | 'check-char';

/** Returns null when valid, otherwise what is wrong. `today` is injectable for tests. */
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

export function isValidResidentId(id: string, today?: Date): boolean {
  return residentIdProblem(id, today) === null;
}

export function withResidentIdCheckChar(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}

/** `350102199001011234` → `3501**********1234`: shown in every response and log. */
export function maskResidentId(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;
}

/** `13812345678` → `138****5678`. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 7) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
