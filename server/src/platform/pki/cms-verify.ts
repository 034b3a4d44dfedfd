import { createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import { parseCertificate, type PlatformCertificate } from './certificate.js';
import { oidToString, parseAsn1 } from './der.js';
import { OID } from './oids.js';

/** What a verified CMS SignedData says; the signature and signed attributes have been checked. */
export interface VerifiedSignedData {
  signer: PlatformCertificate;
  certificates: PlatformCertificate[];
  eContentType: string;
  eContent?: Buffer;
  /** Node name of the digest algorithm used over the content. */
  digestAlgorithm: string;
  /** Raw signature octets (a signature timestamp covers these). */
  signatureValue: Buffer;
  signedAttributes: CmsAttribute[];
  unsignedAttributes: CmsAttribute[];
}

export interface CmsAttribute {
  type: string;
  values: asn1js.AsnType[];
}

const DIGESTS: Readonly<Record<string, string>> = {
  [OID.sha1]: 'sha1',
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
  [OID.sha3_256]: 'sha3-256',
  [OID.sha3_384]: 'sha3-384',
  [OID.sha3_512]: 'sha3-512',
};

const SIGNATURE_HASHES: Readonly<Record<string, string>> = {
  [OID.ecdsaWithSHA256]: 'sha256',
  [OID.ecdsaWithSHA384]: 'sha384',
  [OID.ecdsaWithSHA512]: 'sha512',
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
  '1.2.840.113549.1.1.5': 'sha1', // sha1WithRSAEncryption, still used by some outside TSAs' older keys
};

export class CmsVerificationError extends Error {
  constructor(readonly code: 'malformed' | 'unsupported' | 'no-signer-certificate' | 'digest-mismatch' | 'bad-signature' | 'certificate-mismatch', message: string) {
    super(message);
  }
}

function octets(value: asn1js.OctetString): Buffer {
  // BER producers may split content into a constructed OCTET STRING.
  if (value.idBlock.isConstructed) {
    return Buffer.concat((value.valueBlock.value as asn1js.OctetString[]).map((part) => octets(part)));
  }
  return Buffer.from(value.valueBlock.valueHexView);
}

export function attributeValues(attributes: readonly CmsAttribute[], type: string): asn1js.AsnType[] {
  return attributes.find((a) => a.type === type)?.values ?? [];
}

const malformed = (what: string): CmsVerificationError => new CmsVerificationError('malformed', `CMS 结构无效 malformed SignedData: ${what}`);

function raw(element: asn1js.AsnType): Buffer {
  return Buffer.from(element.valueBeforeDecodeView);
}

function isContext(element: asn1js.AsnType | undefined, tag: number): element is asn1js.Constructed {
  return element !== undefined && element.idBlock.tagClass === 3 && element.idBlock.tagNumber === tag;
}

function children(element: asn1js.AsnType | undefined): asn1js.AsnType[] {
  const value = (element as asn1js.Constructed | undefined)?.valueBlock?.value;
  return Array.isArray(value) ? value : [];
}

function algorithmOid(element: asn1js.AsnType | undefined): string {
  const oid = children(element)[0];
  if (!(oid instanceof asn1js.ObjectIdentifier)) throw malformed('AlgorithmIdentifier');
  return oidToString(oid);
}

function parseAttributes(element: asn1js.AsnType): CmsAttribute[] {
  return children(element).map((attribute) => {
    const [type, values] = children(attribute);
    if (!(type instanceof asn1js.ObjectIdentifier) || !(values instanceof asn1js.Set)) throw malformed('Attribute');
    return { type: oidToString(type), values: values.valueBlock.value };
  });
}

/** Certificates are parsed once per process: the same CA and TSA certificates arrive in every token. */
const certificateCache = new Map<string, PlatformCertificate>();
const CERTIFICATE_CACHE_SIZE = 256;

function cachedCertificate(der: Buffer): PlatformCertificate {
  const key = createHash('sha256').update(der).digest('base64');
  let certificate = certificateCache.get(key);
  if (!certificate) {
    certificate = parseCertificate(der);
    if (certificateCache.size >= CERTIFICATE_CACHE_SIZE) certificateCache.delete(certificateCache.keys().next().value!);
    certificateCache.set(key, certificate);
  }
  return certificate;
}

/**
 * ContentInfo { signedData } (RFC 5652 §5.1), walked with asn1js directly: pkijs's schema matching costs several
 * milliseconds a message, which matters on the signing and timestamping hot paths.
 */
function parseSignedData(contentInfo: Uint8Array) {
  let root: asn1js.AsnType;
  try {
    root = parseAsn1(contentInfo);
  } catch {
    throw malformed('not DER');
  }
  const [contentType, explicit] = children(root);
  if (!(contentType instanceof asn1js.ObjectIdentifier) || oidToString(contentType) !== OID.signedData || !isContext(explicit, 0)) {
    throw malformed('not SignedData');
  }
  const fields = children(children(explicit)[0]);
  const [, , encap, ...rest] = fields;
  const [eContentType, eContentExplicit] = children(encap);
  if (!(eContentType instanceof asn1js.ObjectIdentifier)) throw malformed('encapContentInfo');
  const eContentValue = isContext(eContentExplicit, 0) ? children(eContentExplicit)[0] : undefined;
  if (eContentValue !== undefined && !(eContentValue instanceof asn1js.OctetString)) throw malformed('eContent');
  const certificates = rest.filter((e) => isContext(e, 0)).flatMap((e) => children(e)).map((c) => cachedCertificate(raw(c)));
  const signerInfos = rest[rest.length - 1];
  if (!(signerInfos instanceof asn1js.Set)) throw malformed('signerInfos');
  const signerInfo = children(signerInfos)[0];
  if (!signerInfo) throw malformed('no SignerInfo');
  const [, sid, digestAlgorithm, ...signerRest] = children(signerInfo);
  const signedAttrs = isContext(signerRest[0], 0) ? signerRest.shift() : undefined;
  const [signatureAlgorithm, signature, unsignedAttrs] = signerRest;
  if (!(signature instanceof asn1js.OctetString)) throw malformed('signature');
  return {
    eContentType: oidToString(eContentType),
    ...(eContentValue ? { eContent: octets(eContentValue) } : {}),
    certificates,
    sid: sid ? raw(sid) : Buffer.alloc(0),
    digestAlgorithm: algorithmOid(digestAlgorithm),
    // The signature covers the attributes as a SET (tag 0x31), not under their [0] IMPLICIT tag (§5.4).
    signedAttrsDer: signedAttrs ? Buffer.concat([Buffer.from([0x31]), raw(signedAttrs).subarray(1)]) : undefined,
    signedAttributes: signedAttrs ? parseAttributes(signedAttrs) : [],
    signatureAlgorithm: algorithmOid(signatureAlgorithm),
    signatureValue: octets(signature),
    unsignedAttributes: isContext(unsignedAttrs, 1) ? parseAttributes(unsignedAttrs) : [],
  };
}

/**
 * Verifies the first SignerInfo of a CMS SignedData (RFC 5652 §5.6): the content digest against messageDigest, the
 * content type, ESS signing-certificate-v2 when present, and the signature with the embedded signer certificate.
 * Whether that certificate is trusted is the caller's question. `detached` is the content of a detached signature.
 */
export function verifySignedData(contentInfo: Uint8Array, detached?: readonly Uint8Array[]): VerifiedSignedData {
  let parsed: ReturnType<typeof parseSignedData>;
  try {
    parsed = parseSignedData(contentInfo);
  } catch (error) {
    if (error instanceof CmsVerificationError) throw error;
    throw malformed((error as Error).message);
  }
  // Signers named by IssuerAndSerialNumber (SignerInfo version 1); the DER must match the certificate's exactly.
  const signer = parsed.certificates.find((c) => c.issuerAndSerialNumber.equals(parsed.sid));
  if (!signer) throw new CmsVerificationError('no-signer-certificate', 'CMS 中没有签名者证书 signer certificate not included');

  const parts = parsed.eContent ? [parsed.eContent] : detached;
  if (!parts) throw new CmsVerificationError('malformed', 'CMS 内容缺失 detached signature without content');
  const digestAlgorithm = DIGESTS[parsed.digestAlgorithm];
  if (!digestAlgorithm) throw new CmsVerificationError('unsupported', `不支持的摘要算法 digest ${parsed.digestAlgorithm}`);
  const hash = createHash(digestAlgorithm);
  for (const part of parts) hash.update(part);
  const contentDigest = hash.digest();

  let toBeVerified: Buffer;
  if (parsed.signedAttrsDer) {
    const [messageDigest] = attributeValues(parsed.signedAttributes, OID.messageDigest);
    if (!(messageDigest instanceof asn1js.OctetString) || !contentDigest.equals(octets(messageDigest))) {
      throw new CmsVerificationError('digest-mismatch', '内容摘要不符 content digest does not match messageDigest');
    }
    const [contentType] = attributeValues(parsed.signedAttributes, OID.contentType);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || oidToString(contentType) !== parsed.eContentType) {
      throw new CmsVerificationError('malformed', 'contentType 属性不符 contentType attribute mismatch');
    }
    const [signingCertificate] = attributeValues(parsed.signedAttributes, OID.signingCertificateV2);
    if (signingCertificate) checkSigningCertificateV2(signingCertificate, signer);
    toBeVerified = parsed.signedAttrsDer;
  } else {
    toBeVerified = Buffer.concat(parts);
  }

  const signatureHash = SIGNATURE_HASHES[parsed.signatureAlgorithm]
    ?? (parsed.signatureAlgorithm === OID.rsaEncryption || parsed.signatureAlgorithm === OID.ecPublicKey ? digestAlgorithm : undefined);
  if (!signatureHash) throw new CmsVerificationError('unsupported', `不支持的签名算法 signature algorithm ${parsed.signatureAlgorithm}`);
  let valid: boolean;
  try {
    valid = verify(signatureHash, toBeVerified, { key: signer.publicKey, dsaEncoding: 'der' }, parsed.signatureValue);
  } catch {
    valid = false; // a key/algorithm mismatch is a failed verification, not a crash
  }
  if (!valid) throw new CmsVerificationError('bad-signature', '签名值无效 signature does not verify');

  return {
    signer,
    certificates: parsed.certificates,
    eContentType: parsed.eContentType,
    ...(parsed.eContent ? { eContent: parsed.eContent } : {}),
    digestAlgorithm,
    signatureValue: parsed.signatureValue,
    signedAttributes: parsed.signedAttributes,
    unsignedAttributes: parsed.unsignedAttributes,
  };
}

/** RFC 5035: the first ESSCertIDv2 must hash to the signer certificate. */
function checkSigningCertificateV2(value: asn1js.AsnType, signer: PlatformCertificate): void {
  const certs = value instanceof asn1js.Sequence ? value.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  if (!(first instanceof asn1js.Sequence)) throw new CmsVerificationError('malformed', 'signingCertificateV2 无效');
  const [maybeAlgorithm, maybeHash] = first.valueBlock.value;
  let algorithm = OID.sha256 as string;
  let certHash = maybeAlgorithm;
  if (maybeAlgorithm instanceof asn1js.Sequence) {
    const oid = maybeAlgorithm.valueBlock.value[0];
    algorithm = oid instanceof asn1js.ObjectIdentifier ? oidToString(oid) : '';
    certHash = maybeHash;
  }
  const name = DIGESTS[algorithm];
  if (!name || !(certHash instanceof asn1js.OctetString)) throw new CmsVerificationError('unsupported', 'signingCertificateV2 算法不支持');
  if (!createHash(name).update(signer.der).digest().equals(octets(certHash))) {
    throw new CmsVerificationError('certificate-mismatch', '签名证书与 signingCertificateV2 不符 signer certificate was swapped');
  }
}
