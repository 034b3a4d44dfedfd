import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import type { PlatformCertificate } from './certificate.js';
import { derOf, toArrayBuffer } from './der.js';
import { OID } from './oids.js';
import { algorithmIdentifier, signData, type SigningKey } from './signing-key.js';

/** CMS (RFC 5652) building blocks shared by RFC 3161 tokens and CAdES signatures. */

export function cmsAttribute(type: string, value: asn1js.AsnType): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

export function sha256(data: Uint8Array): Buffer {
  return createHash('sha256').update(data).digest();
}

export function messageDigestAttribute(digest: Uint8Array): pkijs.Attribute {
  return cmsAttribute(OID.messageDigest, new asn1js.OctetString({ valueHex: toArrayBuffer(digest) }));
}

export function contentTypeAttribute(contentType: string): pkijs.Attribute {
  return cmsAttribute(OID.contentType, new asn1js.ObjectIdentifier({ value: contentType }));
}

/**
 * ESS signing-certificate-v2 (RFC 5035): binds the signer's certificate into the signed attributes, so it cannot
 * be swapped. Required by RFC 3161 tokens (OpenSSL refuses tokens without it) and by CAdES/PAdES baseline
 * signatures (ETSI EN 319 122-1 §5.2.2). hashAlgorithm is left out because SHA-256 is its DER default.
 */
export function signingCertificateV2Attribute(certificate: PlatformCertificate): pkijs.Attribute {
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: toArrayBuffer(sha256(certificate.der)) })],
  });
  const signingCertificateV2 = new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
  return cmsAttribute(OID.signingCertificateV2, signingCertificateV2);
}

/**
 * A SignerInfo whose signature covers the DER SET OF signed attributes (RFC 5652 §5.4). DER sorts SET OF
 * members by encoding, and verifiers such as OpenSSL re-encode before checking, so the attributes are sorted here.
 */
export async function createSignerInfo(options: {
  certificate: PlatformCertificate;
  key: SigningKey;
  signedAttributes: readonly pkijs.Attribute[];
}): Promise<pkijs.SignerInfo> {
  const sorted = options.signedAttributes
    .map((attribute) => ({ attribute, der: derOf(attribute.toSchema()) }))
    .sort((a, b) => Buffer.compare(a.der, b.der))
    .map(({ attribute }) => attribute);
  const toBeSigned = derOf(new asn1js.Set({ value: sorted.map((a) => a.toSchema()) }));
  const { algorithm, signature } = await signData(options.key, toBeSigned);
  return new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: options.certificate.cert.issuer,
      serialNumber: options.certificate.cert.serialNumber,
    }),
    digestAlgorithm: new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: sorted }),
    signatureAlgorithm: algorithmIdentifier(algorithm),
    signature: new asn1js.OctetString({ valueHex: toArrayBuffer(signature) }),
  });
}

/** The signature value octets of a SignerInfo: what a signature timestamp covers (RFC 3161 Appendix A). */
export function signatureValue(signerInfo: pkijs.SignerInfo): Buffer {
  return Buffer.from(signerInfo.signature.valueBlock.valueHexView);
}

/** ContentInfo { signedData } in DER. Without eContent the signature is detached (CAdES for PDF). */
export function encodeSignedData(options: {
  eContentType: string;
  eContent?: Uint8Array;
  signerInfo: pkijs.SignerInfo;
  certificates: readonly PlatformCertificate[];
}): Buffer {
  const signedData = new pkijs.SignedData({
    // RFC 5652 §5.1: version 3 whenever the content type is not id-data.
    version: options.eContentType === OID.data ? 1 : 3,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: options.eContentType }),
    digestAlgorithms: [new pkijs.AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    certificates: options.certificates.map((c) => c.cert),
    signerInfos: [options.signerInfo],
  });
  if (options.eContent) {
    // Set after construction: pkijs's constructor would turn it into a constructed OCTET STRING, breaking DER.
    signedData.encapContentInfo.eContent = new asn1js.OctetString({ valueHex: toArrayBuffer(options.eContent) });
  }
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return derOf(contentInfo.toSchema());
}
