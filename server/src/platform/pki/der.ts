import { randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';

/** A standalone ArrayBuffer holding exactly these bytes (asn1js and pkijs want ArrayBuffers, not views). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}

export function derOf(schema: { toBER(sizeOnly?: boolean): ArrayBuffer }): Buffer {
  return Buffer.from(schema.toBER(false));
}

/** Parse exactly one DER/BER element; trailing bytes or a decoding error are refused. */
export function parseAsn1(bytes: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1 || parsed.offset !== bytes.byteLength) {
    throw new Error('ASN.1 解码失败 malformed or trailing data');
  }
  return parsed.result;
}

/**
 * A DER "named bit list" BIT STRING (keyUsage, PKIFailureInfo): bit 0 is the most significant bit of the first
 * byte, and X.690 §11.2.2 requires trailing zero bits to be dropped.
 */
export function namedBitString(bits: readonly number[]): asn1js.BitString {
  if (bits.length === 0) return new asn1js.BitString({ valueHex: new ArrayBuffer(0), unusedBits: 0 });
  const highest = Math.max(...bits);
  const bytes = new Uint8Array(Math.floor(highest / 8) + 1);
  for (const bit of bits) bytes[bit >> 3]! |= 0x80 >> (bit & 7);
  return new asn1js.BitString({ valueHex: toArrayBuffer(bytes), unusedBits: 7 - (highest & 7) });
}

/**
 * A positive 128-bit random serial number. RFC 5280 §4.1.2.2 requires uniqueness per issuer and at most 20
 * octets; randomness makes it unique across processes without coordination, as for TSA serials (RFC 3161 §2.4.2).
 */
export function randomSerialNumber(): Buffer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40; // positive, and no leading zero octet to strip
  return bytes;
}

export function toPem(der: Uint8Array, label: string): string {
  const b64 = Buffer.from(der).toString('base64').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

/** Every PEM block with this label, in file order. */
export function fromPemAll(pem: string, label: string): Buffer[] {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`, 'g');
  return [...pem.matchAll(re)].map((m) => Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}


/**
 * The dotted form of an OBJECT IDENTIFIER. asn1js prints arcs beyond 2^53 (UUID OIDs under 2.25, like the TSA
 * policy) in a private hex form, so the content octets are decoded here with BigInt.
 */
export function oidToString(oid: asn1js.ObjectIdentifier): string {
  const tlv = oid.valueBeforeDecodeView.byteLength ? oid.valueBeforeDecodeView : new Uint8Array(oid.toBER(false));
  let at = 1;
  const first = tlv[at++]!;
  if (first & 0x80) at += first & 0x7f;
  const arcs: bigint[] = [];
  let value = 0n;
  for (; at < tlv.length; at++) {
    value = (value << 7n) | BigInt(tlv[at]! & 0x7f);
    if (!(tlv[at]! & 0x80)) {
      arcs.push(value);
      value = 0n;
    }
  }
  const head = arcs.shift() ?? 0n;
  const top = head < 80n ? head / 40n : 2n;
  return [top, head - top * 40n, ...arcs].join('.');
}

/** Length of the DER element at the start of `bytes` (tag, length and content), e.g. a CMS in zero-padded /Contents. */
export function firstElementLength(bytes: Uint8Array): number {
  if (bytes.length < 2) throw new Error('ASN.1 解码失败 too short');
  const first = bytes[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || bytes.length < 2 + count) throw new Error('ASN.1 解码失败 unsupported length');
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + bytes[2 + i]!;
  return 2 + count + length;
}
