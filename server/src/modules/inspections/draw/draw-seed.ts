/**
 * Seed and per-stream seeds. DOMAIN.md: seed = SHA-256(version ‖ roster hashes ‖ parameters ‖ random value).
 * Each field is length-prefixed (u32be length, then bytes) so no field can run into the next:
 *
 *   seed = SHA-256( lp(UTF-8 version) ‖ lp(target roster hash, 32 bytes) ‖ lp(inspector roster hash, 32 bytes)
 *                   ‖ lp(UTF-8 RFC 8785 JSON of the parameters) ‖ lp(UTF-8 random value) )
 *
 * Every independent shuffle uses its own stream = SHA-256(seed ‖ lp(UTF-8 label)), with labels
 * `target:<stratum key>` and `inspector:<department>:<target id>`; picks then follow
 * index = SHA-256(stream ‖ u64be(i)) mod (n − i) (uniform-index.ts).
 */
import { createHash, hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { lengthPrefixed } from './canonical-bytes.js';
import type { DrawParameters } from './draw.types.js';

export const DRAW_VERSION = 'yingshang-draw/1';

export function canonicalParameters(parameters: DrawParameters): string {
  const json = canonicalize(parameters);
  if (json === undefined) throw new TypeError('parameters cannot be serialized');
  return json;
}

export function deriveSeed(input: {
  version: string;
  targetRosterSha256: string;
  inspectorRosterSha256: string;
  parameters: DrawParameters;
  randomValue: string;
}): Buffer {
  return createHash('sha256')
    .update(lengthPrefixed(Buffer.from(input.version, 'utf8')))
    .update(lengthPrefixed(Buffer.from(input.targetRosterSha256, 'hex')))
    .update(lengthPrefixed(Buffer.from(input.inspectorRosterSha256, 'hex')))
    .update(lengthPrefixed(Buffer.from(canonicalParameters(input.parameters), 'utf8')))
    .update(lengthPrefixed(Buffer.from(input.randomValue, 'utf8')))
    .digest();
}

// A draw derives one stream per selected target and department (~10^5 of them): build the hash input in one
// reusable buffer and hash it one-shot, instead of allocating four buffers and a hash object each time.
let scratch = Buffer.allocUnsafe(1024);

export function streamSeed(seed: Buffer, label: string): Buffer {
  const need = seed.length + 4 + Buffer.byteLength(label, 'utf8');
  if (need > scratch.length) scratch = Buffer.allocUnsafe(need * 2);
  seed.copy(scratch, 0);
  const n = scratch.write(label, seed.length + 4, 'utf8');
  scratch.writeUInt32BE(n, seed.length);
  return hash('sha256', scratch.subarray(0, seed.length + 4 + n), 'buffer');
}
