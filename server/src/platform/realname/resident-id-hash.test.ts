import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { hashResidentId, protectResidentId } from './resident-id-hash.js';

describe('resident ID keyed hash', () => {
  it('is HMAC-SHA256 with the PII key, as computed independently by openssl', () => {
    const key = randomBytes(32);
    const id = '440524188001010014';
    const out = execFileSync('openssl', ['dgst', '-sha256', '-mac', 'HMAC', '-macopt', `hexkey:${key.toString('hex')}`], { input: id }).toString();
    expect(hashResidentId(id, key)).toBe(out.trim().split(' ').pop());
  });

  it('treats a lower-case x like the standard capital X and depends on the key', () => {
    const key = randomBytes(32);
    expect(hashResidentId('11010519491231002x', key)).toBe(hashResidentId('11010519491231002X', key));
    expect(hashResidentId('11010519491231002X', randomBytes(32))).not.toBe(hashResidentId('11010519491231002X', key));
  });

  it('keeps only the masked form and the hash', () => {
    const p = protectResidentId(' 11010519491231002x ', randomBytes(32));
    expect(p.masked).toBe('1101**********002X');
    expect(Object.keys(p).sort()).toEqual(['hash', 'masked']);
    expect(p.hash).toMatch(/^[0-9a-f]{64}$/);
  });
});
