import { createHash } from 'node:crypto';
import type { PlatformCertificate } from './certificate.js';
import {
  algorithmIdentifierDer,
  contextConstructed,
  objectIdentifier,
  octetString,
  sequence,
  setOf,
  smallInteger,
} from './der-writer.js';
import { OID } from './oids.js';
import { signData, type SigningKey } from './signing-key.js';

/** CMS (RFC 5652) building blocks shared by RFC 3161 tokens and CAdES signatures, all as DER bytes. */

export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

/** Attribute ::= SEQUENCE { attrType OID, attrValues SET OF value }. */
export function cmsAttribute(type: string, ...values: Uint8Array[]): Buffer {
  return sequence(objectIdentifier(type), setOf(...values));
}

export function contentTypeAttribute(contentType: string): Buffer {
  return cmsAttribute(OID.contentType, objectIdentifier(contentType));
}

export function messageDigestAttribute(digest: Uint8Array): Buffer {
  return cmsAttribute(OID.messageDigest, octetString(digest));
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed attributes so it cannot
 * be swapped. Required in RFC 3161 tokens (OpenSSL refuses tokens without it) and in CAdES/PAdES baseline
 * signatures (ETSI EN 319 122-1 §5.2.2). hashAlgorithm is left out because SHA-256 is its DER default.
 */
export function signingCertificateV2Attribute(certificate: PlatformCertificate): Buffer {
  const essCertIdV2 = sequence(octetString(sha256(certificate.der)));
  return cmsAttribute(OID.signingCertificateV2, sequence(sequence(essCertIdV2)));
}

/** The same encoding under another tag: `[n] IMPLICIT SET OF` differs from the SET only in its first octet. */
function retag(der: Buffer, tag: number): Buffer {
  return Buffer.concat([Buffer.from([tag]), der.subarray(1)]);
}

/** A signed SignerInfo; unsigned attributes (a signature timestamp) may still be added when encoding. */
export interface SignedSignerInfo {
  /** The signature value octets, which a signature timestamp covers (RFC 3161 Appendix A). */
  signature: Buffer;
  encode(unsignedAttributes?: readonly Uint8Array[]): Buffer;
}

/**
 * Signs the DER SET OF signed attributes (RFC 5652 §5.4). DER sorts SET OF members, and verifiers such as OpenSSL
 * re-encode the set before checking, so setOf sorts them; the same bytes then appear under the [0] IMPLICIT tag.
 */
export async function signSignerInfo(options: {
  certificate: PlatformCertificate;
  key: SigningKey;
  signedAttributes: readonly Uint8Array[];
}): Promise<SignedSignerInfo> {
  const signedSet = setOf(...options.signedAttributes);
  const { algorithm, signature } = await signData(options.key, signedSet);
  const signedAttrs = retag(signedSet, 0xa0);
  return {
    signature,
    encode(unsignedAttributes = []) {
      return sequence(
        smallInteger(1),
        options.certificate.issuerAndSerialNumber,
        algorithmIdentifierDer(OID.sha256),
        signedAttrs,
        algorithmIdentifierDer(algorithm.oid, algorithm.nullParameters),
        octetString(signature),
        ...(unsignedAttributes.length ? [retag(setOf(...unsignedAttributes), 0xa1)] : []),
      );
    },
  };
}

/** ContentInfo { signedData } in DER. Without eContent the signature is detached (CAdES for PDF). */
export function encodeSignedData(options: {
  eContentType: string;
  eContent?: Uint8Array;
  signerInfo: Uint8Array;
  certificates: readonly PlatformCertificate[];
}): Buffer {
  const encapContentInfo = options.eContent
    ? sequence(objectIdentifier(options.eContentType), contextConstructed(0, octetString(options.eContent)))
    : sequence(objectIdentifier(options.eContentType));
  const signedData = sequence(
    // RFC 5652 §5.1: version 3 whenever the content type is not id-data.
    smallInteger(options.eContentType === OID.data ? 1 : 3),
    setOf(algorithmIdentifierDer(OID.sha256)),
    encapContentInfo,
    ...(options.certificates.length ? [contextConstructed(0, ...options.certificates.map((c) => c.der))] : []),
    setOf(options.signerInfo),
  );
  return sequence(objectIdentifier(OID.signedData), contextConstructed(0, signedData));
}
