import { KeyObject, sign, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { OID } from './oids.js';

/**
 * A private key the platform signs with: a Node KeyObject (CA, TSA, loaded from disk or PKCS#12) or a
 * WebCrypto CryptoKey (the non-extractable one-time key of an event certificate).
 */
export type SigningKey = KeyObject | webcrypto.CryptoKey;

export interface SignatureAlgorithm {
  /** OID for AlgorithmIdentifier in certificates and SignerInfo. */
  oid: string;
  /** Node digest name used with the key. */
  hash: 'sha256' | 'sha384' | 'sha512';
  /** RSA PKCS#1 v1.5 identifiers carry NULL parameters; ECDSA ones carry none (RFC 5758 §3.2). */
  nullParameters: boolean;
}

const EC_CURVES: Record<string, SignatureAlgorithm> = {
  prime256v1: { oid: OID.ecdsaWithSHA256, hash: 'sha256', nullParameters: false },
  'P-256': { oid: OID.ecdsaWithSHA256, hash: 'sha256', nullParameters: false },
  secp384r1: { oid: OID.ecdsaWithSHA384, hash: 'sha384', nullParameters: false },
  'P-384': { oid: OID.ecdsaWithSHA384, hash: 'sha384', nullParameters: false },
  secp521r1: { oid: OID.ecdsaWithSHA512, hash: 'sha512', nullParameters: false },
  'P-521': { oid: OID.ecdsaWithSHA512, hash: 'sha512', nullParameters: false },
};

const RSA_SHA256: SignatureAlgorithm = { oid: OID.sha256WithRSAEncryption, hash: 'sha256', nullParameters: true };

function isKeyObject(key: SigningKey): key is KeyObject {
  return key instanceof KeyObject;
}

/** Chooses the signature algorithm from the key; refuses keys that PDF readers and OpenSSL cannot check. */
export function signatureAlgorithmFor(key: SigningKey): SignatureAlgorithm {
  if (isKeyObject(key)) {
    if (key.asymmetricKeyType === 'rsa') return RSA_SHA256;
    if (key.asymmetricKeyType === 'ec') {
      const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
      const alg = EC_CURVES[curve];
      if (alg) return alg;
      throw new Error(`不支持的椭圆曲线 unsupported EC curve ${curve}`);
    }
    throw new Error(`不支持的密钥类型 unsupported key type ${key.asymmetricKeyType ?? key.type}`);
  }
  const algorithm = key.algorithm as { name: string; namedCurve?: string };
  if (algorithm.name === 'ECDSA' && algorithm.namedCurve && EC_CURVES[algorithm.namedCurve]) {
    return EC_CURVES[algorithm.namedCurve]!;
  }
  throw new Error(`不支持的密钥类型 unsupported key algorithm ${algorithm.name}`);
}

/** X9.62 DER `SEQUENCE { r INTEGER, s INTEGER }` from WebCrypto's fixed-width r‖s (IEEE P1363) form. */
export function ecdsaP1363ToDer(raw: Uint8Array): Buffer {
  const half = raw.length / 2;
  const integer = (bytes: Uint8Array): Buffer => {
    let start = 0;
    while (start < bytes.length - 1 && bytes[start] === 0) start++;
    const trimmed = Buffer.from(bytes.subarray(start));
    const body = trimmed[0]! & 0x80 ? Buffer.concat([Buffer.from([0]), trimmed]) : trimmed;
    return Buffer.concat([Buffer.from([0x02, body.length]), body]);
  };
  const content = Buffer.concat([integer(raw.subarray(0, half)), integer(raw.subarray(half))]);
  const length = content.length < 0x80 ? Buffer.from([content.length]) : Buffer.from([0x81, content.length]);
  return Buffer.concat([Buffer.from([0x30]), length, content]);
}

/** Signs with the key's algorithm; ECDSA signatures come out DER-encoded as X.509 and CMS require. */
export async function signData(key: SigningKey, data: Uint8Array): Promise<{ algorithm: SignatureAlgorithm; signature: Buffer }> {
  const algorithm = signatureAlgorithmFor(key);
  if (isKeyObject(key)) {
    return { algorithm, signature: sign(algorithm.hash, data, { key, dsaEncoding: 'der' }) };
  }
  // A CryptoKey is used only through WebCrypto, so a non-extractable key never leaves it in any form.
  const raw = await webcrypto.subtle.sign({ name: 'ECDSA', hash: HASH_NAMES[algorithm.hash] }, key, data);
  return { algorithm, signature: ecdsaP1363ToDer(new Uint8Array(raw)) };
}

const HASH_NAMES = { sha256: 'SHA-256', sha384: 'SHA-384', sha512: 'SHA-512' } as const;

export function algorithmIdentifier(algorithm: SignatureAlgorithm): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({
    algorithmId: algorithm.oid,
    ...(algorithm.nullParameters ? { algorithmParams: new asn1js.Null() } : {}),
  });
}
