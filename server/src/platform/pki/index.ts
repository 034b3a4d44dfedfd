/**
 * Platform certificate authority (平台电子认证): the CA (generated into `<dataDir>/pki` on first start, or loaded
 * from YS_CA_P12), the timestamp authority's certificate, and one-time event certificates for signers.
 */
export { loadPki, pkiOptionsFromConfig, deriveKeyPassphrase, CA_SUBJECT, TSA_SUBJECT } from './load-pki.js';
export type { Pki, PkiOptions, PkiSettings, TimestampSigner } from './load-pki.js';
export { getPkiForConfig, getPlatformPki, setPlatformPki } from './platform-pki.js';
export { issuePersonEventCertificate, issueOrganizationSealCertificate } from './event-certificate.js';
export type { PersonIdentity, OrganizationIdentity, EventCredential, EventCertificateOptions } from './event-certificate.js';
export { parseCertificate, isIssuedBy, isCaCertificate } from './certificate.js';
export type { PlatformCertificate } from './certificate.js';
export { verifySignedData, CmsVerificationError, attributeValues } from './cms-verify.js';
export type { VerifiedSignedData, CmsAttribute } from './cms-verify.js';
export { readPkcs12 } from './pkcs12.js';
export { OID } from './oids.js';
