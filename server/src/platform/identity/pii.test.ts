import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { decryptPii, encryptPii, matchHash } from './pii.js';

describe('personal data at rest', () => {
  const key = randomBytes(32);
  it('round-trips and never stores the plaintext', () => {
    const c = encryptPii(key, '11010519491231002X');
    expect(c).not.toContain('11010519491231002X');
    expect(decryptPii(key, c)).toBe('11010519491231002X');
  });
  it('detects tampering and a wrong key', () => {
    const c = encryptPii(key, '13905951234');
    const raw = Buffer.from(c.slice(3), 'base64');
    raw[raw.length - 1] ^= 1;
    expect(() => decryptPii(key, `v1:${raw.toString('base64')}`)).toThrow();
    expect(() => decryptPii(randomBytes(32), c)).toThrow();
  });
  it('matching hashes are keyed', () => {
    expect(matchHash(key, 'a')).toBe(matchHash(key, 'a'));
    expect(matchHash(key, 'a')).not.toBe(matchHash(randomBytes(32), 'a'));
  });
});
