import { describe, expect, it } from 'vitest';
import { isValidUscc, usccCheckChar, withUsccCheckChar } from './uscc.js';

describe('统一社会信用代码 GB 32100-2015', () => {
  it('accepts the DOMAIN.md examples and real codes', () => {
    expect(isValidUscc('91350100M000100Y43')).toBe(true);
    expect(isValidUscc('91350900587527783P')).toBe(true); // 宁德时代
    expect(isValidUscc('91520000214434146R')).toBe(true); // 中航重机
  });
  it('rejects a wrong check character', () => {
    expect(isValidUscc('91350100M000100Y4Z')).toBe(false);
    expect(isValidUscc('91350100M000100Y44')).toBe(false);
  });
  it('rejects letters outside the alphabet (I, O, S, V, Z), wrong length and lower case', () => {
    expect(isValidUscc('91350100M000100I43')).toBe(false);
    expect(isValidUscc('91350100M000100Y4')).toBe(false);
    expect(isValidUscc('91350100m000100y43')).toBe(false);
  });
  it('maps a check value of 31 to 0', () => {
    // Search a prefix whose weighted sum is ≡ 0 mod 31: the check character must be '0', not out of range.
    let found = '';
    for (let n = 0; n < 10_000 && !found; n++) {
      const p = `9135010000000${String(n).padStart(4, '0')}`;
      if (usccCheckChar(p) === '0') found = p;
    }
    expect(found).not.toBe('');
    expect(isValidUscc(`${found}0`)).toBe(true);
  });
  it('completes a prefix with its check character', () => {
    expect(withUsccCheckChar('91350100M000100Y4')).toBe('91350100M000100Y43');
  });
});
