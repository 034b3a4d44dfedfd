import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { derOf, namedBitString, parseAsn1, randomSerialNumber, toArrayBuffer, toPem } from './der.js';
import { sequence } from './der-writer.js';
import { buildName, formatName, type NameAttribute } from './distinguished-name.js';
import { OID } from './oids.js';
import { algorithmIdentifier, signatureAlgorithmFor, signData, type SigningKey } from './signing-key.js';

/** A parsed X.509 certificate with the facts callers audit and the pkijs object CMS code needs. */
export interface PlatformCertificate {
  der: Buffer;
  pem: string;
  cert: pkijs.Certificate;
  /** Upper-case hex, as `openssl x509 -serial` prints it. */
  serialNumber: string;
  subject: string;
  issuer: string;
  notBefore: Date;
  notAfter: Date;
  /** SHA-256 fingerprint, lower-case hex. */
  sha256: string;
  publicKey: KeyObject;
  /** DER IssuerAndSerialNumber, how CMS SignerInfos name this certificate (RFC 5652 §10.2.4). */
  issuerAndSerialNumber: Buffer;
}

/** What the certificate is for; fixes its extensions. */
export type CertificateProfile = 'ca' | 'tsa' | 'signer';

export interface CertificateTemplate {
  subject: readonly NameAttribute[];
  /** DER SubjectPublicKeyInfo of the key being certified. */
  subjectPublicKeyInfo: Uint8Array;
  notBefore: Date;
  notAfter: Date;
  profile: CertificateProfile;
}

export interface CertificateAuthority {
  certificate: PlatformCertificate;
  key: KeyObject;
}

// keyUsage bit numbers, RFC 5280 §4.2.1.3
const DIGITAL_SIGNATURE = 0;
const NON_REPUDIATION = 1;
const KEY_CERT_SIGN = 5;
const CRL_SIGN = 6;

export function parseCertificate(der: Uint8Array): PlatformCertificate {
  const cert = new pkijs.Certificate({ schema: parseAsn1(der) });
  const bytes = Buffer.from(der);
  return {
    der: bytes,
    pem: toPem(bytes, 'CERTIFICATE'),
    cert,
    serialNumber: Buffer.from(cert.serialNumber.valueBlock.valueHexView).toString('hex').toUpperCase(),
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    notBefore: cert.notBefore.value,
    notAfter: cert.notAfter.value,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    publicKey: createPublicKey({ key: Buffer.from(cert.subjectPublicKeyInfo.toSchema().toBER(false)), format: 'der', type: 'spki' }),
    issuerAndSerialNumber: sequence(derOf(cert.issuer.toSchema()), derOf(cert.serialNumber)),
  };
}

/** RFC 7093 §2 method 1: the leftmost 160 bits of the SHA-256 of the subjectPublicKey bits. */
function keyIdentifier(spki: pkijs.PublicKeyInfo): Buffer {
  const bits = spki.subjectPublicKey.valueBlock.valueHexView;
  return createHash('sha256').update(bits).digest().subarray(0, 20);
}

/** Certificates carry whole seconds; UTCTime until 2049, GeneralizedTime after (RFC 5280 §4.1.2.5). */
function certificateTime(date: Date): pkijs.Time {
  const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
  return new pkijs.Time({ type: whole.getUTCFullYear() >= 2050 ? 1 : 0, value: whole });
}

function extension(extnID: string, critical: boolean, value: { toSchema(): asn1js.AsnType } | asn1js.AsnType): pkijs.Extension {
  const schema = 'toSchema' in value ? value.toSchema() : value;
  return new pkijs.Extension({ extnID, critical, extnValue: schema.toBER(false) });
}

function profileExtensions(profile: CertificateProfile): pkijs.Extension[] {
  switch (profile) {
    case 'ca':
      return [
        extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true, pathLenConstraint: 0 })),
        extension(OID.keyUsage, true, namedBitString([KEY_CERT_SIGN, CRL_SIGN])),
      ];
    case 'tsa':
      // RFC 3161 §2.3: exactly one extended key usage, timeStamping, marked critical (OpenSSL 3 insists).
      return [
        extension(OID.keyUsage, true, namedBitString([DIGITAL_SIGNATURE, NON_REPUDIATION])),
        extension(OID.extKeyUsage, true, new pkijs.ExtKeyUsage({ keyPurposes: [OID.kpTimeStamping] })),
      ];
    case 'signer':
      // Poppler (NSS) validates PDF signers for the "email signer" usage, so emailProtection must be listed
      // whenever an extendedKeyUsage is present; documentSigning (RFC 9336) states the real purpose.
      return [
        extension(OID.keyUsage, true, namedBitString([DIGITAL_SIGNATURE, NON_REPUDIATION])),
        extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.kpDocumentSigning, OID.kpEmailProtection] })),
      ];
  }
}

function existingKeyIdentifier(cert: pkijs.Certificate): Buffer {
  const ski = cert.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
  if (ski) {
    const octets = parseAsn1(ski.extnValue.valueBlock.valueHexView);
    if (octets instanceof asn1js.OctetString) return Buffer.from(octets.valueBlock.valueHexView);
  }
  return keyIdentifier(cert.subjectPublicKeyInfo);
}

async function build(
  template: CertificateTemplate,
  issuerName: pkijs.RelativeDistinguishedNames,
  issuerKeyId: Buffer | null,
  key: SigningKey,
): Promise<PlatformCertificate> {
  if (template.notAfter.getTime() <= template.notBefore.getTime()) {
    throw new Error('证书有效期无效 notAfter must be later than notBefore');
  }
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(randomSerialNumber()) });
  cert.issuer = issuerName;
  cert.subject = buildName(template.subject);
  cert.notBefore = certificateTime(template.notBefore);
  cert.notAfter = certificateTime(template.notAfter);
  cert.subjectPublicKeyInfo = new pkijs.PublicKeyInfo({ schema: parseAsn1(template.subjectPublicKeyInfo) });
  const ownKeyId = keyIdentifier(cert.subjectPublicKeyInfo);
  cert.extensions = [
    ...profileExtensions(template.profile),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: toArrayBuffer(ownKeyId) })),
    ...(issuerKeyId
      ? [extension(OID.authorityKeyIdentifier, false, new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: toArrayBuffer(issuerKeyId) }),
      }))]
      : []),
  ];
  const algorithm = signatureAlgorithmFor(key);
  cert.signature = algorithmIdentifier(algorithm);
  cert.signatureAlgorithm = algorithmIdentifier(algorithm);
  const tbs = new Uint8Array(cert.encodeTBS().toBER(false));
  cert.tbsView = tbs;
  cert.signatureValue = new asn1js.BitString({ valueHex: toArrayBuffer((await signData(key, tbs)).signature) });
  return parseCertificate(derOf(cert.toSchema()));
}

/** The root of a freshly generated platform CA. */
export async function selfSignCertificate(template: CertificateTemplate, key: KeyObject): Promise<PlatformCertificate> {
  if (template.profile !== 'ca') throw new Error('only a CA certificate may be self-signed');
  return build(template, buildName(template.subject), null, key);
}

/** Issues a certificate under the CA; its validity is cut to the CA's own (RFC 5280 path validation would fail). */
export async function issueCertificate(template: CertificateTemplate, authority: CertificateAuthority): Promise<PlatformCertificate> {
  const caNotAfter = authority.certificate.notAfter;
  const notAfter = template.notAfter > caNotAfter ? caNotAfter : template.notAfter;
  return build(
    { ...template, notAfter },
    authority.certificate.cert.subject,
    existingKeyIdentifier(authority.certificate.cert),
    authority.key,
  );
}

/** True when the certificate's signature verifies with the authority's public key. */
export function isIssuedBy(certificate: PlatformCertificate, authority: PlatformCertificate): boolean {
  const { cert } = certificate;
  const alg = cert.signatureAlgorithm.algorithmId;
  const hash = alg === OID.ecdsaWithSHA384 || alg === OID.sha384WithRSAEncryption ? 'sha384'
    : alg === OID.ecdsaWithSHA512 || alg === OID.sha512WithRSAEncryption ? 'sha512' : 'sha256';
  return verifySignature(hash, cert.tbsView, authority.publicKey, cert.signatureValue.valueBlock.valueHexView);
}

function verifySignature(hash: string, data: Uint8Array, key: KeyObject, signature: Uint8Array): boolean {
  try {
    return verify(hash, data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

/** basicConstraints cA=TRUE: only such a certificate may issue others (RFC 5280 §4.2.1.9). */
export function isCaCertificate(certificate: PlatformCertificate): boolean {
  const extension = certificate.cert.extensions?.find((e) => e.extnID === OID.basicConstraints);
  if (!extension) return false;
  const constraints = new pkijs.BasicConstraints({ schema: parseAsn1(extension.extnValue.valueBlock.valueHexView) });
  return constraints.cA === true;
}
