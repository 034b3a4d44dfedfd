import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { generateOneTimeCode, hashOneTimeCode, oneTimeCodeMatches } from './one-time-code.js';

describe('one-time code', () => {
  it('is 6 digits and covers leading zeros', () => {
    const codes = Array.from({ length: 2000 }, generateOneTimeCode);
    expect(codes.every((c) => /^\d{6}$/.test(c))).toBe(true);
    // With 2000 draws, P(no code starting with 0) = 0.9^2000: effectively impossible unless padding were lost.
    expect(codes.some((c) => c.startsWith('0'))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(1900);
  });

  it('matches only the same code, challenge and key', () => {
    const key = randomBytes(32);
    const stored = hashOneTimeCode('rnc_a', '012345', key);
    expect(oneTimeCodeMatches('rnc_a', '012345', stored, key)).toBe(true);
    expect(oneTimeCodeMatches('rnc_a', '012346', stored, key)).toBe(false);
    expect(oneTimeCodeMatches('rnc_b', '012345', stored, key)).toBe(false);
    expect(oneTimeCodeMatches('rnc_a', '012345', stored, randomBytes(32))).toBe(false);
    expect(oneTimeCodeMatches('rnc_a', '012345', 'abc', key)).toBe(false);
  });
});
