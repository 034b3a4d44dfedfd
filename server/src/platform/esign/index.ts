/**
 * PAdES e-signatures (电子签名 / 电子印章) on PDF documents: each signature is an incremental update, so a document
 * signed by the applicant and then by the utility keeps both signatures valid.
 */
export { signPdfAsPerson, signPdfAsOrganization } from './sign-pdf.js';
export type {
  PersonSignatureRequest,
  OrganizationSignatureRequest,
  SignatureDetails,
  SignOptions,
  SignatureRecord,
  SignerIdentity,
} from './sign-pdf.js';
export type { Timestamper } from './cades-signature.js';
export { inspectPdfSignatures } from './pdf-signature-inspector.js';
export type { PdfSignatureReport } from './pdf-signature-inspector.js';
