import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { streamSeed } from './draw-seed.js';

describe('streamSeed', () => {
  it('is SHA-256(seed ‖ u32be(len) ‖ UTF-8 label), also for long and non-ASCII labels', () => {
    const seed = createHash('sha256').update('s').digest();
    for (const label of ['target:A:100', `inspector:SJ:${'莆'.repeat(600)}`, '']) {
      const bytes = Buffer.from(label, 'utf8');
      const len = Buffer.alloc(4);
      len.writeUInt32BE(bytes.length);
      expect(streamSeed(seed, label)).toEqual(createHash('sha256').update(Buffer.concat([seed, len, bytes])).digest());
    }
  });
});
