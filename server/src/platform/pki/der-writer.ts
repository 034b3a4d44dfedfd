/**
 * A small DER writer for the hot paths (timestamp tokens, CAdES signatures): encoding with pkijs/asn1js objects
 * costs milliseconds per message, byte concatenation microseconds. Members are passed already DER-encoded.
 */

function lengthOctets(length: number): Buffer {
  if (length < 0x80) return Buffer.from([length]);
  const octets: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) octets.unshift(rest & 0xff);
  return Buffer.from([0x80 | octets.length, ...octets]);
}

export function tlv(tag: number, ...content: Uint8Array[]): Buffer {
  const body = Buffer.concat(content);
  return Buffer.concat([Buffer.from([tag]), lengthOctets(body.length), body]);
}

export const sequence = (...members: Uint8Array[]): Buffer => tlv(0x30, ...members);

/** SET OF: X.690 §11.6 orders the members by their encodings. */
export function setOf(...members: Uint8Array[]): Buffer {
  return tlv(0x31, ...[...members].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));
}

/** [n] EXPLICIT, or [n] IMPLICIT of a constructed type (same tag byte: context-specific, constructed). */
export const contextConstructed = (n: number, ...content: Uint8Array[]): Buffer => tlv(0xa0 | n, ...content);

export const octetString = (bytes: Uint8Array): Buffer => tlv(0x04, bytes);

export const utf8String = (text: string): Buffer => tlv(0x0c, Buffer.from(text, 'utf8'));

export const NULL = Buffer.from([0x05, 0x00]);

/** INTEGER from unsigned big-endian magnitude bytes (a 0x00 is prefixed when the top bit is set). */
export function unsignedInteger(magnitude: Uint8Array): Buffer {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = Buffer.from(magnitude.subarray(start));
  return tlv(0x02, trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed);
}

export function smallInteger(value: number): Buffer {
  if (!Number.isInteger(value) || value < 0 || value > 0x7fffffff) throw new RangeError(`integer ${value} out of range`);
  const bytes: number[] = [];
  for (let rest = value; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return unsignedInteger(Buffer.from(bytes.length ? bytes : [0]));
}

const oidCache = new Map<string, Buffer>();

/** OBJECT IDENTIFIER; arcs may exceed 2^53 (UUID OIDs under 2.25), hence BigInt. */
export function objectIdentifier(oid: string): Buffer {
  const cached = oidCache.get(oid);
  if (cached) return cached;
  const arcs = oid.split('.').map((arc) => BigInt(arc));
  if (arcs.length < 2) throw new Error(`invalid OID ${oid}`);
  const values = [arcs[0]! * 40n + arcs[1]!, ...arcs.slice(2)];
  const bytes: number[] = [];
  for (const value of values) {
    const chunk: number[] = [Number(value & 0x7fn)];
    for (let rest = value >> 7n; rest > 0n; rest >>= 7n) chunk.unshift(Number(rest & 0x7fn) | 0x80);
    bytes.push(...chunk);
  }
  const encoded = tlv(0x06, Buffer.from(bytes));
  oidCache.set(oid, encoded);
  return encoded;
}

/** GeneralizedTime in UTC; fractional seconds only when non-zero, without trailing zeros (X.690 §11.7). */
export function generalizedTime(date: Date): Buffer {
  const iso = date.toISOString(); // 2026-08-30T01:02:03.450Z
  const whole = iso.slice(0, 19).replace(/[-:T]/g, '');
  const fraction = iso.slice(20, 23).replace(/0+$/, '');
  return tlv(0x18, Buffer.from(`${whole}${fraction ? `.${fraction}` : ''}Z`, 'ascii'));
}

/** AlgorithmIdentifier with absent parameters (SHA-2 digests, ECDSA) or NULL (RSA PKCS#1 v1.5). */
export function algorithmIdentifierDer(oid: string, nullParameters = false): Buffer {
  return nullParameters ? sequence(objectIdentifier(oid), NULL) : sequence(objectIdentifier(oid));
}
