import { cmsAttribute, contentTypeAttribute, encodeSignedData, messageDigestAttribute, sha256, signingCertificateV2Attribute, signSignerInfo } from '../pki/cms.js';
import type { EventCredential } from '../pki/event-certificate.js';
import { OID } from '../pki/oids.js';

/** Returns a DER TimeStampToken over the given SHA-256 digest. */
export type Timestamper = (digest: Buffer) => Promise<Buffer>;

/**
 * A detached CAdES signature as PAdES baseline wants it (ETSI EN 319 142-1 §6.3, EN 319 122-1): signed attributes
 * contentType id-data, messageDigest and signing-certificate-v2, and no signing-time (the PDF /M carries the
 * claimed time). With a timestamper, a signature-time-stamp over the signature value is added as an unsigned
 * attribute (PAdES-B-T), proving the signature existed at that time.
 */
export async function createCadesSignature(options: {
  credential: EventCredential;
  contentDigest: Buffer;
  /** May return undefined to sign without a timestamp (authority unavailable and the caller accepts that). */
  timestamper?: (digest: Buffer) => Promise<Buffer | undefined>;
}): Promise<{ cms: Buffer; timestampToken?: Buffer }> {
  const { credential } = options;
  const signerInfo = await signSignerInfo({
    certificate: credential.certificate,
    key: credential.privateKey,
    signedAttributes: [
      contentTypeAttribute(OID.data),
      messageDigestAttribute(options.contentDigest),
      signingCertificateV2Attribute(credential.certificate),
    ],
  });
  const timestampToken = options.timestamper ? await options.timestamper(sha256(signerInfo.signature)) : undefined;
  const cms = encodeSignedData({
    eContentType: OID.data,
    signerInfo: signerInfo.encode(timestampToken ? [cmsAttribute(OID.signatureTimeStampToken, timestampToken)] : []),
    certificates: [credential.certificate, ...credential.chain],
  });
  return { cms, ...(timestampToken ? { timestampToken } : {}) };
}
