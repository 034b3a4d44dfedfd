import * as asn1js from 'asn1js';
import { describe, expect, it } from 'vitest';
import { firstElementLength, namedBitString, oidToString, parseAsn1, toArrayBuffer } from './der.js';
import { generalizedTime, objectIdentifier, setOf, smallInteger, unsignedInteger } from './der-writer.js';
import { OID } from './oids.js';

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('DER writer', () => {
  it('encodes OIDs as X.690 does (sha256 and ecdsa-with-SHA256 known encodings)', () => {
    expect(hex(objectIdentifier(OID.sha256))).toBe('0609608648016503040201');
    expect(hex(objectIdentifier(OID.ecdsaWithSHA256))).toBe('06082a8648ce3d040302');
  });

  it('round-trips the 128-bit UUID arc of the TSA policy, which asn1js cannot print', () => {
    const parsed = parseAsn1(objectIdentifier(OID.tsaPolicy));
    expect(parsed).toBeInstanceOf(asn1js.ObjectIdentifier);
    expect(oidToString(parsed as asn1js.ObjectIdentifier)).toBe(OID.tsaPolicy);
    expect(oidToString(new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.9.16.1.4' }))).toBe(OID.tstInfo);
  });

  it('writes GeneralizedTime without trailing zero fractions (X.690 §11.7)', () => {
    const text = (d: string) => Buffer.from(generalizedTime(new Date(d))).subarray(2).toString('ascii');
    expect(text('2026-08-30T01:02:03.000Z')).toBe('20260830010203Z');
    expect(text('2026-08-30T01:02:03.450Z')).toBe('20260830010203.45Z');
    expect(text('2026-08-30T01:02:03.007Z')).toBe('20260830010203.007Z');
  });

  it('writes minimal INTEGERs with a sign octet only when needed', () => {
    expect(hex(smallInteger(0))).toBe('020100');
    expect(hex(smallInteger(128))).toBe('02020080');
    expect(hex(unsignedInteger(Buffer.from([0, 0, 0x7f])))).toBe('02017f');
    expect(hex(unsignedInteger(Buffer.from([0xff])))).toBe('020200ff');
  });

  it('sorts SET OF members by encoding', () => {
    expect(hex(setOf(Buffer.from('0402bbbb', 'hex'), Buffer.from('0401aa', 'hex')))).toBe('31070401aa0402bbbb');
  });

  it('encodes named bit strings minimally: PKIFailureInfo badDataFormat is 03 02 02 04', () => {
    expect(hex(new Uint8Array(namedBitString([5]).toBER(false)))).toBe('03020204');
    // keyUsage digitalSignature + nonRepudiation = 0b11, 6 unused bits
    expect(hex(new Uint8Array(namedBitString([0, 1]).toBER(false)))).toBe('030206c0');
    expect(hex(new Uint8Array(namedBitString([25]).toBER(false)))).toBe('03050600000040');
  });

  it('measures the first element of zero-padded data, as in a PDF /Contents', () => {
    const der = Buffer.from(new asn1js.OctetString({ valueHex: toArrayBuffer(Buffer.alloc(300, 1)) }).toBER(false));
    expect(firstElementLength(Buffer.concat([der, Buffer.alloc(50)]))).toBe(der.length);
    expect(() => parseAsn1(Buffer.concat([der, Buffer.alloc(1)]))).toThrow();
  });
});
