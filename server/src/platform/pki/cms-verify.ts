import { createHash, verify } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
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
  signedAttributes: pkijs.Attribute[];
  unsignedAttributes: pkijs.Attribute[];
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

export function attributeValues(attributes: readonly pkijs.Attribute[], type: string): asn1js.AsnType[] {
  return attributes.find((a) => a.type === type)?.values ?? [];
}

function parseSignedData(contentInfo: Uint8Array): pkijs.SignedData {
  try {
    const info = new pkijs.ContentInfo({ schema: parseAsn1(contentInfo) });
    if (info.contentType !== OID.signedData) throw new Error('not SignedData');
    return new pkijs.SignedData({ schema: info.content });
  } catch (error) {
    throw new CmsVerificationError('malformed', `CMS 结构无效 malformed SignedData: ${(error as Error).message}`);
  }
}

/**
 * Verifies the first SignerInfo of a CMS SignedData (RFC 5652 §5.6): the content digest against messageDigest, the
 * content type, ESS signing-certificate-v2 when present, and the signature with the embedded signer certificate.
 * Whether that certificate is trusted is the caller's question. `detached` is the content of a detached signature.
 */
export function verifySignedData(contentInfo: Uint8Array, detached?: readonly Uint8Array[]): VerifiedSignedData {
  const signedData = parseSignedData(contentInfo);
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) throw new CmsVerificationError('malformed', 'CMS 无签名者 no SignerInfo');
  const certificates = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => parseCertificate(new Uint8Array(c.toSchema().toBER(false))));
  const sid = signerInfo.sid;
  const signer = certificates.find((c) =>
    sid instanceof pkijs.IssuerAndSerialNumber
      ? c.cert.serialNumber.isEqual(sid.serialNumber) && c.cert.issuer.isEqual(sid.issuer)
      : false,
  );
  if (!signer) throw new CmsVerificationError('no-signer-certificate', 'CMS 中没有签名者证书 signer certificate not included');

  const encap = signedData.encapContentInfo;
  const eContent = encap.eContent ? octets(encap.eContent) : undefined;
  const parts = eContent ? [eContent] : detached;
  if (!parts) throw new CmsVerificationError('malformed', 'CMS 内容缺失 detached signature without content');
  const digestAlgorithm = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  if (!digestAlgorithm) throw new CmsVerificationError('unsupported', `不支持的摘要算法 digest ${signerInfo.digestAlgorithm.algorithmId}`);
  const hash = createHash(digestAlgorithm);
  for (const part of parts) hash.update(part);
  const contentDigest = hash.digest();

  const signedAttributes = signerInfo.signedAttrs?.attributes ?? [];
  let toBeVerified: Buffer;
  if (signerInfo.signedAttrs) {
    const [messageDigest] = attributeValues(signedAttributes, OID.messageDigest);
    if (!(messageDigest instanceof asn1js.OctetString) || !contentDigest.equals(octets(messageDigest))) {
      throw new CmsVerificationError('digest-mismatch', '内容摘要不符 content digest does not match messageDigest');
    }
    const [contentType] = attributeValues(signedAttributes, OID.contentType);
    if (!(contentType instanceof asn1js.ObjectIdentifier) || oidToString(contentType) !== encap.eContentType) {
      throw new CmsVerificationError('malformed', 'contentType 属性不符 contentType attribute mismatch');
    }
    const [signingCertificate] = attributeValues(signedAttributes, OID.signingCertificateV2);
    if (signingCertificate) checkSigningCertificateV2(signingCertificate, signer);
    toBeVerified = Buffer.from(signerInfo.signedAttrs.encodedValue);
  } else {
    toBeVerified = Buffer.concat(parts);
  }

  const signatureAlgorithm = signerInfo.signatureAlgorithm.algorithmId;
  const signatureHash = SIGNATURE_HASHES[signatureAlgorithm]
    ?? (signatureAlgorithm === OID.rsaEncryption || signatureAlgorithm === OID.ecPublicKey ? digestAlgorithm : undefined);
  if (!signatureHash) throw new CmsVerificationError('unsupported', `不支持的签名算法 signature algorithm ${signatureAlgorithm}`);
  const signatureValue = Buffer.from(signerInfo.signature.valueBlock.valueHexView);
  let valid = false;
  try {
    valid = verify(signatureHash, toBeVerified, { key: signer.publicKey, dsaEncoding: 'der' }, signatureValue);
  } catch {
    valid = false;
  }
  if (!valid) throw new CmsVerificationError('bad-signature', '签名值无效 signature does not verify');

  return {
    signer,
    certificates,
    eContentType: encap.eContentType,
    ...(eContent ? { eContent } : {}),
    digestAlgorithm,
    signatureValue,
    signedAttributes,
    unsignedAttributes: signerInfo.unsignedAttrs?.attributes ?? [],
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
