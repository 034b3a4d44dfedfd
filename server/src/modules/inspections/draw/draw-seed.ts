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
import { createHash } from 'node:crypto';
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

export function streamSeed(seed: Buffer, label: string): Buffer {
  return createHash('sha256').update(seed).update(lengthPrefixed(Buffer.from(label, 'utf8'))).digest();
}
